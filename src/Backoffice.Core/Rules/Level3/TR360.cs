using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR360, on our own 319 before it is sent: "in onderzoek" (VerzoekAntwoord 2) may be answered only
/// when no 319 with this ReferentieAanbieder was sent before, neither "in onderzoek" nor "afgewezen"
/// (<see cref="AnsweredRequests.HasEarlier319"/>). A finding refuses our own message (no retour). The
/// path is that of the Antwoord's VerzoekAntwoord.
/// </summary>
internal sealed class TR360 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR360",
        "9360",
        "Een antwoordbericht met in VerzoekAntwoord de waarde 2 (Aanvraag in onderzoek), mag alleen gestuurd worden indien er nog geen antwoordbericht is met deze ReferentieAanbieder.",
        new RuleScope(MessageType.Wmo319, "Antwoord"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is Wmo319 { Antwoord.VerzoekAntwoord: AnsweredRequests.InOnderzoek } answer
            && AnsweredRequests.Of(answer, before).Any(AnsweredRequests.HasEarlier319))
        {
            report.Add(
                Definition,
                XmlPath.Bericht.Child("Antwoord").Child("VerzoekAntwoord"),
                "Antwoord/VerzoekAntwoord is 2 (in onderzoek) while a 319 with this ReferentieAanbieder was already sent (TR360).");
        }
    }
}
