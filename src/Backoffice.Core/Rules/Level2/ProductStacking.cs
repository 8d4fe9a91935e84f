using Backoffice.Core.Messages.Common;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// The stacking test that TR302 (ToegewezenProduct in a 301), TR386 (AangevraagdProduct in a 315)
/// and TR410 (NieuwProduct in a 317) share: two lines for the same product whose care periods
/// overlap, unless either is a hulpmiddel (categories 11 to 14). Read as the official stylesheet
/// reads it (iwmo-3.2.md §8.11).
/// </summary>
internal static class ProductStacking
{
    /// <summary>True when the two lines count as the same product with overlapping periods.</summary>
    public static bool Stacks(Product? first, DateOnly firstStart, DateOnly? firstEnd, Product? second, DateOnly secondStart, DateOnly? secondEnd) =>
        SameProduct(first, second)
        && !IsHulpmiddel(first)
        && !IsHulpmiddel(second)
        && Overlaps(firstStart, firstEnd, secondStart, secondEnd);

    /// <summary>
    /// The same code and category when both have a code; the same category when either lacks a
    /// code; and a line without a Product is the same product as every other line (the toelichting:
    /// "Indien productcategorie leeg is, dan mag ... met geen enkel ander ... overlappen").
    /// </summary>
    public static bool SameProduct(Product? first, Product? second)
    {
        if (first is null || second is null)
        {
            return true;
        }

        if (!string.Equals(first.Categorie, second.Categorie, StringComparison.Ordinal))
        {
            return false;
        }

        return first.Code is null || second.Code is null || string.Equals(first.Code, second.Code, StringComparison.Ordinal);
    }

    /// <summary>Hulpmiddelen (categories 11, 12, 13 and 14) may overlap, also at category level; no Product is no hulpmiddel.</summary>
    public static bool IsHulpmiddel(Product? product) => product?.Categorie is "11" or "12" or "13" or "14";

    /// <summary>
    /// Inclusive on both ends: a period that starts on the day the other one ends overlaps it
    /// (iwmo-3.2.md §8.11). An open end overlaps everything from its start on.
    /// </summary>
    public static bool Overlaps(DateOnly firstStart, DateOnly? firstEnd, DateOnly secondStart, DateOnly? secondEnd) =>
        (firstEnd is not { } firstLast || firstLast >= secondStart)
        && (secondEnd is not { } secondLast || secondLast >= firstStart);
}
