using Backoffice.Core.Messages;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR063: a line with StatusAanlevering 3 deletes an earlier line of the client with the same
/// logical key, so that line must have been sent (9063). "Sent" means current in
/// <see cref="CareState"/>: a line already deleted counts as never sent (OP033), so deleting it
/// twice is found too. The finding is on the StartProduct or StopProduct itself (IV028's example).
/// </summary>
internal sealed class TR063 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR063",
        "9063",
        "Indien StatusAanlevering de waarde 3 (aanlevering verwijderen) bevat, dan moet voor de betreffende Client een eerdere aanlevering met dezelfde logische sleutel verstuurd zijn.",
        new RuleScope(MessageType.Wmo305, "StartProduct"),
        new RuleScope(MessageType.Wmo307, "StopProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        switch (message)
        {
            case Wmo305 m:
                foreach (var (i, line, state) in CareState.Walk(before, m.Client.Gegevens.Bsn, m.Client.StartProducten))
                {
                    if (CareState.IsDeletion(line.StatusAanlevering) && !state.Starts.ContainsKey(StartKey.Of(line)))
                    {
                        report.Add(Definition, StartStopPaths.Start(i), "StartProduct deletes a start that was not sent before with the same ToewijzingNummer, Product and Begindatum (TR063).");
                    }
                }

                break;
            case Wmo307 m:
                foreach (var (i, line, state) in CareState.Walk(before, m.Client.Gegevens.Bsn, m.Client.StopProducten))
                {
                    if (CareState.IsDeletion(line.StatusAanlevering) && !state.Stops.ContainsKey(StopKey.Of(line)))
                    {
                        report.Add(Definition, StartStopPaths.Stop(i), "StopProduct deletes a stop that was not sent before with the same ToewijzingNummer, Product, Begindatum, RedenBeeindiging and Einddatum (TR063).");
                    }
                }

                break;
        }
    }
}
