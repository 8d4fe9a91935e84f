using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR359, on our own 319 before it is sent: no 301 with its ReferentieAanbieder was sent before. A
/// 301 carrying the reference closes the request as Allocated (<see cref="AnsweredRequests"/>); an
/// allocation version of this provider carrying the reference counts too, should the view hold one.
/// A finding refuses our own message (no retour). The path is that of the Antwoord's ReferentieAanbieder.
/// </summary>
internal sealed class TR359 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR359",
        "9359",
        "Als een antwoordbericht wordt verstuurd, mag er niet al eerder een toewijzingsbericht gestuurd zijn met dezelfde ReferentieAanbieder.",
        new RuleScope(MessageType.Wmo319, "Antwoord"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo319 { Antwoord: { } antwoord } answer)
        {
            return;
        }

        var key = RegisterKey.For(answer);
        var allocated = AnsweredRequests.Of(answer, before).Any(r => r.State == RequestState.Allocated)
            || before.Allocations.Any(a => string.Equals(a.Provider, key.Provider, StringComparison.Ordinal)
                && string.Equals(a.Municipality, key.Municipality, StringComparison.Ordinal)
                && string.Equals(a.Version.ReferentieAanbieder, antwoord.ReferentieAanbieder, StringComparison.Ordinal));
        if (allocated)
        {
            report.Add(
                Definition,
                XmlPath.Bericht.Child("Antwoord").Child("ReferentieAanbieder"),
                "A 301 with this Antwoord/ReferentieAanbieder was already sent (TR359).");
        }
    }
}
