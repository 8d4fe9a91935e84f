using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR386: no stacking within one VOT. Two AangevraagdProducten for the same product must not
/// overlap from ToewijzingIngangsdatum to ToewijzingEinddatum, unless either is a hulpmiddel
/// (categories 11 to 14); one without a Product overlaps every other one. Overlap is inclusive:
/// starting on the day the other ends overlaps (iwmo-3.2.md §8.11, <see cref="ProductStacking"/>).
/// The finding is on the later of the two AangevraagdProducten.
/// </summary>
internal sealed class TR386 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR386",
        "Een Product mag alleen vaker in een verzoek om toewijzing voorkomen indien de zorgperiodes elkaar niet overlappen.",
        new RuleScope(MessageType.Wmo315, "AangevraagdProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo315 { Client: { } client })
        {
            return;
        }

        var producten = client.AangevraagdeProducten;
        var parent = XmlPath.Bericht.Child("Client").Child("AangevraagdeProducten");
        foreach (var (i, j) in ProductStacking.FirstStackings(producten, p => p.Product, p => p.ToewijzingIngangsdatum, p => p.ToewijzingEinddatum))
        {
            report.Add(
                Definition,
                parent.Item("AangevraagdProduct", i),
                $"AangevraagdProduct overlaps AangevraagdProduct {j + 1} for the same product in its period from ToewijzingIngangsdatum to ToewijzingEinddatum (TR386).");
        }
    }
}
