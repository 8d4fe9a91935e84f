using Backoffice.Core.Messages;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR382 (retourcode 9069, "geen actueel startbericht met dezelfde sleutel"; the code is the former
/// TR069's): a stop carries the key of its start unchanged, so a new stop needs a current start with
/// the same ToewijzingNummer, Product and Begindatum (OP072, OP155). "Current" is sent and not
/// deleted (<see cref="CareState"/>); it need not be unstopped, because a temporary stop may be
/// followed by a definitive one for the same start (OP377), and a stop after a definitive stop is
/// TR415's. A deletion (StatusAanlevering 3) is TR063's only.
/// </summary>
internal sealed class TR382 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR382",
        "9069",
        "De sleutelelementen uit het startbericht moeten in het stopbericht, waarin wordt aangegeven dat de betreffende levering (tijdelijk) beeindigd wordt, ongewijzigd worden overgenomen.",
        new RuleScope(MessageType.Wmo307, "StopProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo307 m)
        {
            return;
        }

        foreach (var (i, line, state) in CareState.Walk(before, m.Client.Gegevens.Bsn, m.Client.StopProducten))
        {
            if (!CareState.IsDeletion(line.StatusAanlevering) && !state.Starts.ContainsKey(StartKey.Of(line)))
            {
                report.Add(Definition, StartStopPaths.Stop(i), "No current start has the ToewijzingNummer, Product and Begindatum of this StopProduct (TR382).");
            }
        }
    }
}
