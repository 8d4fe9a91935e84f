using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD086 on Antwoord/RedenAfwijzingVerzoek of the 319: an "aanvraag in onderzoek" answer
/// (VerzoekAntwoord 2) rejects nothing, so it gives no reason. CD085 is the other half.
/// </summary>
internal sealed class CD086 : IMessageRule
{
    private const string AanvraagInOnderzoek = "2";

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD086",
        "Als VerzoekAntwoord de waarde 2 (Aanvraag in onderzoek) heeft, dan leeg laten",
        new RuleScope(MessageType.Wmo319, "Antwoord"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo319 { Antwoord: { VerzoekAntwoord: AanvraagInOnderzoek, RedenAfwijzingVerzoek: not null } }:
                report.Add(
                    Definition,
                    XmlPath.Bericht.Child("Antwoord").Child("RedenAfwijzingVerzoek"),
                    "Antwoord/RedenAfwijzingVerzoek is filled while VerzoekAntwoord is 2 (aanvraag in onderzoek); it must then be left empty (CD086).");
                break;
        }
    }
}
