using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CS343: CS338's constraint on the Omvang of an AangevraagdProduct (315), with its
/// ToewijzingEinddatum as the end date. The finding points at the Frequentie.
/// </summary>
internal sealed class CS343 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS343",
        "Indien eenheid de waarde 14, 16, 83 of 84 heeft en ToewijzingEinddatum is groter dan 31-12-2020 of leeg, dan Frequentie vullen met waarde 2, 4 of 6",
        new RuleScope(MessageType.Wmo315, "AangevraagdProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo315 m)
        {
            return;
        }

        var producten = XmlPath.Bericht.Child("Client").Child("AangevraagdeProducten");
        for (var i = 0; i < m.Client.AangevraagdeProducten.Count; i++)
        {
            var p = m.Client.AangevraagdeProducten[i];
            if (CS338.Breaks(p.Omvang, p.ToewijzingEinddatum))
            {
                report.Add(
                    Definition,
                    producten.Item("AangevraagdProduct", i).Child("Omvang").Child("Frequentie"),
                    "Frequentie of the AangevraagdProduct Omvang must be 2, 4 or 6 with Eenheid 14, 16, 83 or 84 and a ToewijzingEinddatum after 2020-12-31 or none (CS343).");
            }
        }
    }
}
