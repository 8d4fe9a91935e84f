using Backoffice.Core.Messages;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR074: a new line (StatusAanlevering 1) has a logical key not yet among the lines received
/// (9074). A deleted line counts as never sent (OP033), so its key may come again; and the
/// message's own deletions go first (<see cref="CareState"/>). Within the message TR101 (level 2)
/// already forbids a repeat. The finding is on the StartProduct or StopProduct.
/// </summary>
internal sealed class TR074 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR074",
        "9074",
        "Indien StatusAanlevering de waarde '1' bevat, dan moet de sleutel van de betreffende aanlevering niet alleen uniek zijn binnen het bericht zelf, maar ook in combinatie met alle reeds ontvangen berichten.",
        new RuleScope(MessageType.Wmo305, "StartProduct"),
        new RuleScope(MessageType.Wmo307, "StopProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        switch (message)
        {
            case Wmo305 m:
                foreach (var (i, line, state) in CareState.Walk(before, m.Client.Gegevens.Bsn, m.Client.StartProducten))
                {
                    if (!CareState.IsDeletion(line.StatusAanlevering) && state.Starts.ContainsKey(StartKey.Of(line)))
                    {
                        report.Add(Definition, StartStopPaths.Start(i), "A start with the same ToewijzingNummer, Product and Begindatum as this StartProduct was received before (TR074).");
                    }
                }

                break;
            case Wmo307 m:
                foreach (var (i, line, state) in CareState.Walk(before, m.Client.Gegevens.Bsn, m.Client.StopProducten))
                {
                    if (!CareState.IsDeletion(line.StatusAanlevering) && state.Stops.ContainsKey(StopKey.Of(line)))
                    {
                        report.Add(Definition, StartStopPaths.Stop(i), "A stop with the same ToewijzingNummer, Product, Begindatum, RedenBeeindiging and Einddatum as this StopProduct was received before (TR074).");
                    }
                }

                break;
        }
    }
}
