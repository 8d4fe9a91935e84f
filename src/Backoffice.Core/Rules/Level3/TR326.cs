using Backoffice.Core.Messages;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR326: a new start only when the allocated product has no actual start (9326). An actual start is
/// a current start without a current stop under its key (toelichting, IV008); after any stop,
/// temporary or definitive, a new start is allowed (OP379). "The allocated product" is the
/// ToewijzingNummer with the Product (the start's key without Begindatum). The message's deletions
/// go first, so a corrected start in one message passes, and a second new start in the same message
/// sees the first (<see cref="CareState"/>). A resend of the very same key is TR074's (9074), not
/// counted here.
/// </summary>
internal sealed class TR326 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR326",
        "9326",
        "Een Startbericht mag pas verstuurd worden als er géén actueel Startbericht bij ToegewezenProduct is.",
        new RuleScope(MessageType.Wmo305, "StartProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo305 m)
        {
            return;
        }

        foreach (var (i, line, state) in CareState.Walk(before, m.Client.Gegevens.Bsn, m.Client.StartProducten))
        {
            var key = StartKey.Of(line);
            if (!CareState.IsDeletion(line.StatusAanlevering) && !state.Starts.ContainsKey(key) && state.HasActualStart(key.AllocatedProduct))
            {
                report.Add(Definition, StartStopPaths.Start(i), "The allocated product of this StartProduct still has an actual start: a stop or a deletion of that start must come first (TR326).");
            }
        }
    }
}
