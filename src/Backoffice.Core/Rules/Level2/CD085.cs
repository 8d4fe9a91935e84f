using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD085 on Antwoord/RedenAfwijzingVerzoek of the 319: a rejection (VerzoekAntwoord 1) gives its
/// reason. CD086 is the other half (in onderzoek, so no reason).
/// </summary>
internal sealed class CD085 : IMessageRule
{
    private const string VerzoekAfgewezen = "1";

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD085",
        "Als VerzoekAntwoord de waarde 1 (Verzoek afgewezen) heeft, dan vullen",
        new RuleScope(MessageType.Wmo319, "Antwoord"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo319 { Antwoord: { VerzoekAntwoord: VerzoekAfgewezen, RedenAfwijzingVerzoek: null } }:
                report.Add(
                    Definition,
                    XmlPath.Bericht.Child("Antwoord").Child("RedenAfwijzingVerzoek"),
                    "Antwoord/RedenAfwijzingVerzoek is missing while VerzoekAntwoord is 1 (verzoek afgewezen) (CD085).");
                break;
        }
    }
}
