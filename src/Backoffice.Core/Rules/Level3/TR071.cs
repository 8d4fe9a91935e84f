using Backoffice.Core.Messages;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR071: a start cannot be deleted (StatusAanlevering 3) once a stop was sent for it (9071), that is
/// a current stop carrying the start's key (TR382); a stop that was itself deleted no longer counts
/// (OP033). Once the delivery has ended the start is not corrected this way (OP033).
/// </summary>
internal sealed class TR071 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR071",
        "9071",
        "StatusAanlevering mag niet de waarde '3' bevatten als er voor de betreffende melding start zorg al een stop zorg is verstuurd.",
        new RuleScope(MessageType.Wmo305, "StartProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo305 m)
        {
            return;
        }

        foreach (var (i, line, state) in CareState.Walk(before, m.Client.Gegevens.Bsn, m.Client.StartProducten))
        {
            if (CareState.IsDeletion(line.StatusAanlevering) && state.StopsOf(StartKey.Of(line)).Any())
            {
                report.Add(Definition, StartStopPaths.Start(i).Child("StatusAanlevering"), "StartProduct deletes a start for which a stop was already sent (TR071).");
            }
        }
    }
}
