using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR365, on our own 319 before it is sent: an earlier 319 with the same ReferentieAanbieder must have
/// been "in onderzoek" (VerzoekAntwoord 2); after one "afgewezen" (the request is Rejected) no further
/// 319 may follow, whatever its VerzoekAntwoord. "Daar" in the text is the earlier answer, as retourcode
/// 9365 says. A finding refuses our own message (no retour). The path is that of the Antwoord's
/// ReferentieAanbieder.
/// </summary>
internal sealed class TR365 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR365",
        "9365",
        "Als er al een antwoordbericht is met dezelfde ReferentieAanbieder dan moet VerzoekAntwoord daar de waarde 2 (Aanvraag in onderzoek) hebben.",
        new RuleScope(MessageType.Wmo319, "Antwoord"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is Wmo319 { Antwoord: not null } answer
            && AnsweredRequests.Of(answer, before).Any(r => r.State == RequestState.Rejected))
        {
            report.Add(
                Definition,
                XmlPath.Bericht.Child("Antwoord").Child("ReferentieAanbieder"),
                "A 319 with this Antwoord/ReferentieAanbieder was already sent with VerzoekAntwoord 1 (afgewezen), not 2 (TR365).");
        }
    }
}
