using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR061: the 301 Client has at least one Contact under Contactgegevens with Soort 01 (BRP-adres),
/// 02 (correspondentieadres) or 03 (verblijfadres). The text still says "Adres" from before the
/// Contact class; its Soort (LDT_AdresSoort) is what is checked, whether or not that Contact holds
/// an Adres element (TR006 and CD034 see to its contents). A Relatie's Contact does not count: the
/// rule is about the Client. The finding points at Contactgegevens, where such a Contact belongs.
/// </summary>
internal sealed class TR061 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR061",
        "Bij een Client moet minimaal één Adres voorkomen waarvan Soort de waarde '01' (BRP-adres), '02' (Correspondentie-adres) of '03' (Verblijfadres) heeft.",
        new RuleScope(MessageType.Wmo301, "Client"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo301 m)
        {
            return;
        }

        if (!m.Client.Contactgegevens.Any(c => c?.Soort is "01" or "02" or "03"))
        {
            report.Add(
                Definition,
                XmlPath.Bericht.Child("Client").Child("Contactgegevens"),
                "Client has no Contact with Soort 01 (BRP-adres), 02 (correspondentieadres) or 03 (verblijfadres) (TR061).");
        }
    }
}
