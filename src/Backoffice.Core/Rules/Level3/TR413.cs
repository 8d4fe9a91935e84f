using Backoffice.Core.Messages;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR413: one temporary stop per start. A new stop (StatusAanlevering 1 or 2) with RedenBeeindiging
/// 20 is refused when a current stop with the same ToewijzingNummer and Begindatum (the rule names
/// Bsn, ToewijzingNummer and Begindatum, not Product) already has 20 (9413). After a temporary stop
/// only a definitive one may follow without a new start (OP378). The message's deletions go first
/// (<see cref="CareState"/>), so correcting a temporary stop in one message passes; a resend of the
/// very same key is TR074's.
/// Without a ToewijzingNummer (taakgericht) the Product must match too (<see cref="CareState.StopsOfDelivery"/>).
/// </summary>
internal sealed class TR413 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR413",
        "9413",
        "Als er al een StopProduct voor hetzelfde Bsn, ToewijzingNummer, Begindatum en met RedenBeeindiging waarde 20 is, dan moet RedenBeeindiging <> aan waarde 20 zijn, indien StatusAanlevering waarde 1 of 2 heeft.",
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
                && line.RedenBeeindiging == CareState.TemporaryStop
                && state.StopsOfDelivery(line).Any(s => s.RedenBeeindiging == CareState.TemporaryStop && StopKey.Of(s) != key))
            {
                report.Add(Definition, StartStopPaths.Stop(i).Child("RedenBeeindiging"), "A temporary stop (RedenBeeindiging 20) was already sent for the ToewijzingNummer and Begindatum of this StopProduct; only a definitive stop may follow (TR413).");
            }
        }
    }
}
