using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR302: no stacking within one 301. Two ToegewezenProducten for the same product (code and
/// category, or category when a code is missing; one without a Product counts as the same product
/// as every other) must not overlap, unless either is a hulpmiddel (categories 11 to 14). Deleted
/// allocations (Einddatum equal to Ingangsdatum with RedenWijziging 13, or 01) are left out, as the
/// toelichting says. Overlap is inclusive: starting on the day the other ends overlaps (iwmo-3.2.md
/// §8.11, <see cref="ProductStacking"/>). The finding is on the later of the two ToegewezenProducten.
/// </summary>
internal sealed class TR302 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR302",
        "Een Product mag alleen vaker in een toewijzingsbericht voorkomen indien de zorgperiodes elkaar niet overlappen.",
        new RuleScope(MessageType.Wmo301, "ToegewezenProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo301 { Client: { } client })
        {
            return;
        }

        var producten = client.ToegewezenProducten;
        var parent = XmlPath.Bericht.Child("Client").Child("ToegewezenProducten");
        foreach (var (i, j) in ProductStacking.FirstStackings(producten, p => p.Product, p => p.Ingangsdatum, p => p.Einddatum, IsDeleted))
        {
            report.Add(
                Definition,
                parent.Item("ToegewezenProduct", i),
                $"ToegewezenProduct overlaps ToegewezenProduct {j + 1} for the same product in its period from Ingangsdatum to Einddatum (TR302).");
        }
    }

    /// <summary>Not a current allocation (TR302 toelichting, OP087): Einddatum equals Ingangsdatum with RedenWijziging 13 or 01.</summary>
    private static bool IsDeleted(ToegewezenProduct product) =>
        product.RedenWijziging is "13" or "01" && product.Einddatum == product.Ingangsdatum;
}
