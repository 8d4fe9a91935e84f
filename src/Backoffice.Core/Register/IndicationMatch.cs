using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Reference;

namespace Backoffice.Core.Register;

/// <summary>
/// The indication (beschikking) behind one allocation version: one of the client's indications in
/// the same municipality, for the same product, whose period holds the allocation's period.
/// <para>
/// Readings where the issue leaves room:
/// <list type="bullet">
/// <item>Only the latest version of an indication number counts, and only while it is Active: a
/// withdrawn or superseded indication backs nothing.</item>
/// <item>The product matches on the product code (with the category, when the indication names one),
/// on the arrangement code (an arrangement of the regional catalogue is allocated under the product
/// code the catalogue gives it, <c>backoffice import products</c>: arrangement_code), or
/// on the category: an indication for a category backs every product of that category, and an
/// allocation for a category without a code (a generic allocation) is backed by an indication for
/// any product of that category. An allocation without a Product (budget only, CD079) is backed only
/// by an indication that names no product either.</item>
/// <item>"Inside" means inside one indication: from Ingangsdatum to Einddatum within Begindatum to
/// Einddatum, both ends included; an open-ended allocation fits only an open-ended indication.
/// Two indications that together cover the period do not back it.</item>
/// <item>Of several backing indications the most specific match (code or arrangement before
/// category) wins, then the latest decision, then the highest version; an allocation outside every
/// period is reported with the match chosen the same way.</item>
/// </list>
/// </para>
/// </summary>
/// <param name="Backing">How the allocation is backed.</param>
/// <param name="Indication">The backing indication; for <see cref="IndicationBacking.OutsidePeriod"/> the indication for the product whose period does not hold the allocation; null when unbacked.</param>
public sealed record IndicationMatch(IndicationBacking Backing, Indication? Indication)
{
    public static IndicationMatch Unbacked { get; } = new(IndicationBacking.Unbacked, null);

    /// <summary>Finds the indication behind <paramref name="allocation"/> of client <paramref name="bsn"/> in <paramref name="municipality"/>.</summary>
    /// <param name="catalogue">The regional catalogue, which names the product code of each arrangement.</param>
    public static IndicationMatch Find(string municipality, string bsn, ToegewezenProduct allocation, IEnumerable<Indication> indications, IReadOnlyList<CatalogueProduct>? catalogue = null)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(indications);
        catalogue ??= [];
        var candidates = indications
            .Where(i => i.Municipality == municipality && i.Bsn == bsn)
            .GroupBy(i => i.Number, StringComparer.Ordinal)
            .Select(g => g.MaxBy(i => i.Version)!)
            .Where(i => i.Status == IndicationStatus.Active)
            .Select(i => (Indication: i, Specificity: Specificity(i, allocation.Product, catalogue)))
            .Where(c => c.Specificity > 0)
            .OrderByDescending(c => c.Specificity)
            .ThenByDescending(c => c.Indication.DecisionDate)
            .ThenByDescending(c => c.Indication.Version)
            .ThenBy(c => c.Indication.Number, StringComparer.Ordinal)
            .Select(c => c.Indication)
            .ToList();
        if (candidates.Count == 0)
        {
            return Unbacked;
        }

        var backing = candidates.FirstOrDefault(i => Holds(i, allocation));
        return backing is not null
            ? new IndicationMatch(IndicationBacking.Backed, backing)
            : new IndicationMatch(IndicationBacking.OutsidePeriod, candidates[0]);
    }

    /// <summary>How well <paramref name="indication"/> names <paramref name="product"/>: 0 not at all, 1 by category for a generic allocation or none for none, 2 by category, 3 by code or arrangement.</summary>
    private static int Specificity(Indication indication, Product? product, IReadOnlyList<CatalogueProduct> catalogue)
    {
        if (product is null)
        {
            return indication is { ProductCategorie: null, ProductCode: null, ArrangementCode: null } ? 1 : 0;
        }

        if (product.Code is { } code
            && (code == indication.ArrangementCode
                || (indication.ArrangementCode is { } arrangement
                    && catalogue.Any(p => p.ArrangementCode == arrangement && p.ProductCode == code && p.ProductCategorie == product.Categorie))
                || (code == indication.ProductCode && (indication.ProductCategorie is null || indication.ProductCategorie == product.Categorie))))
        {
            return 3;
        }

        if (indication.ProductCategorie != product.Categorie)
        {
            return 0;
        }

        return indication.ProductCode is null ? 2 : product.Code is null ? 1 : 0;
    }

    private static bool Holds(Indication indication, ToegewezenProduct allocation) =>
        allocation.Ingangsdatum >= indication.Begindatum
        && (indication.Einddatum is not { } last || (allocation.Einddatum is { } end && end <= last));
}
