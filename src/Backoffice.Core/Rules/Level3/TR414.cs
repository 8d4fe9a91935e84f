using Backoffice.Core.Messages;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR414: a new stop (StatusAanlevering 1 or 2) for a start that already has a current stop (same
/// ToewijzingNummer and Begindatum) ends on or after that stop's Einddatum (9414): the definitive
/// stop after a temporary one may keep its end date or take a later one, never an earlier one
/// (casus "van tijdelijke naar definitieve stopzorg"). With several current stops it is compared with
/// each. A deletion is TR063's only; the message's deletions go first, so a temporary stop corrected
/// to an earlier Einddatum in one message passes (<see cref="CareState"/>).
/// Without a ToewijzingNummer (taakgericht) the Product must match too (<see cref="CareState.StopsOfDelivery"/>).
/// </summary>
internal sealed class TR414 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR414",
        "9414",
        "Als er al een StopProduct voor hetzelfde Bsn, ToewijzingNummer en Begindatum is, dan moet Einddatum >= zijn aan Einddatum uit actuele StopProduct.",
        new RuleScope(MessageType.Wmo307, "StopProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo307 m)
        {
            return;
        }

        foreach (var (i, line, state) in CareState.Walk(before, m.Client.Gegevens.Bsn, m.Client.StopProducten))
        {
            var key = StopKey.Of(line);
            if (!CareState.IsDeletion(line.StatusAanlevering)
                && state.StopsOfDelivery(line).Any(s => s.Einddatum > line.Einddatum && StopKey.Of(s) != key))
            {
                report.Add(Definition, StartStopPaths.Stop(i).Child("Einddatum"), "Einddatum of the StopProduct lies before the Einddatum of the current stop with the same ToewijzingNummer and Begindatum (TR414).");
            }
        }
    }
}
