using Backoffice.Core.Messages;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR415: after a definitive stop (RedenBeeindiging other than 20) no new stop (StatusAanlevering 1
/// or 2), temporary or definitive, for the same ToewijzingNummer and Begindatum (9415). A new start
/// may follow (OP379), and its stops have its own Begindatum. The message's deletions go first
/// (<see cref="CareState"/>), so a definitive stop corrected in one message (delete + new, casus
/// "corrigeren stopzorg") passes; a resend of the very same key is TR074's.
/// Without a ToewijzingNummer (taakgericht) the Product must match too (<see cref="CareState.StopsOfDelivery"/>).
/// </summary>
internal sealed class TR415 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR415",
        "9415",
        "Er mag geen StopProduct zijn met gelijk Bsn, ToewijzingNummer, Begindatum en RedenBeeindiging <> waarde 20, indien StatusAanlevering waarde 1 of 2 heeft.",
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
                && state.StopsOfDelivery(line).Any(s => s.RedenBeeindiging != CareState.TemporaryStop && StopKey.Of(s) != key))
            {
                report.Add(Definition, StartStopPaths.Stop(i), "A definitive stop was already sent for the ToewijzingNummer and Begindatum of this StopProduct (TR415).");
            }
        }
    }
}
