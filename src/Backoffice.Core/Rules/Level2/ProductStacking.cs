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

    /// <summary>
    /// For each line that stacks with an earlier one, the pair (later, earlier), where earlier is the
    /// first line in document order it stacks with; lines for which <paramref name="leftOut"/> holds
    /// (deleted allocations in TR302) take no part. The same pairs, in the same order, as comparing
    /// every line with every earlier line (<see cref="Stacks"/>), with less work: only the same
    /// product can stack, so a line is compared only with the earlier lines that can be the same
    /// product (<see cref="SameProduct"/>): those without a Product, those of its category without a
    /// code, and those of its category and code (every line of its category when it has no code;
    /// every line when it has no Product). Of those lists, one whose lines all end before this line
    /// starts, or all start after it ends, cannot hold an overlap and is not looked at; nor is
    /// anything for a hulpmiddel, which never stacks. A list of allocations in date order is then
    /// checked in linear time instead of quadratic.
    /// </summary>
    public static IEnumerable<(int Later, int Earlier)> FirstStackings<T>(
        IReadOnlyList<T> lines,
        Func<T, Product?> product,
        Func<T, DateOnly> start,
        Func<T, DateOnly?> end,
        Func<T, bool>? leftOut = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(end);
        var all = new Bucket();
        var withoutProduct = new Bucket();
        var byCategory = new Dictionary<string, Bucket>(StringComparer.Ordinal);
        var byCategoryWithoutCode = new Dictionary<string, Bucket>(StringComparer.Ordinal);
        var byCode = new Dictionary<(string Categorie, string Code), Bucket>();
        for (var i = 0; i < lines.Count; i++)
        {
            var later = lines[i];
            if (later is null || (leftOut?.Invoke(later) ?? false))
            {
                continue;
            }

            var p = product(later);
            var (from, to) = (start(later), end(later));
            if (!IsHulpmiddel(p))
            {
                var candidates = p is null
                    ? Ascending(all.Near(from, to), null, null)
                    : p.Code is null
                        ? Ascending(withoutProduct.Near(from, to), byCategory.GetValueOrDefault(p.Categorie)?.Near(from, to), null)
                        : Ascending(
                            withoutProduct.Near(from, to),
                            byCategoryWithoutCode.GetValueOrDefault(p.Categorie)?.Near(from, to),
                            byCode.GetValueOrDefault((p.Categorie, p.Code))?.Near(from, to));
                foreach (var j in candidates)
                {
                    var earlier = lines[j];
                    if (Stacks(product(earlier), start(earlier), end(earlier), p, from, to))
                    {
                        yield return (i, j);
                        break;
                    }
                }
            }

            all.Add(i, from, to);
            if (p is null)
            {
                withoutProduct.Add(i, from, to);
                continue;
            }

            Add(byCategory, p.Categorie, i, from, to);
            if (p.Code is null)
            {
                Add(byCategoryWithoutCode, p.Categorie, i, from, to);
            }
            else
            {
                Add(byCode, (p.Categorie, p.Code), i, from, to);
            }
        }
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

    private static void Add<TKey>(Dictionary<TKey, Bucket> buckets, TKey key, int index, DateOnly start, DateOnly? end)
        where TKey : notnull
    {
        if (!buckets.TryGetValue(key, out var bucket))
        {
            buckets[key] = bucket = new Bucket();
        }

        bucket.Add(index, start, end);
    }

    /// <summary>The indices of up to three ascending lists, merged in ascending order (no index is in two of them).</summary>
    private static IEnumerable<int> Ascending(List<int>? a, List<int>? b, List<int>? c)
    {
        int ia = 0, ib = 0, ic = 0;
        while (true)
        {
            var next = int.MaxValue;
            if (a is not null && ia < a.Count)
            {
                next = a[ia];
            }

            if (b is not null && ib < b.Count && b[ib] < next)
            {
                next = b[ib];
            }

            if (c is not null && ic < c.Count && c[ic] < next)
            {
                next = c[ic];
            }

            if (next == int.MaxValue)
            {
                yield break;
            }

            if (a is not null && ia < a.Count && a[ia] == next)
            {
                ia++;
            }
            else if (b is not null && ib < b.Count && b[ib] == next)
            {
                ib++;
            }
            else
            {
                ic++;
            }

            yield return next;
        }
    }

    /// <summary>Indices of earlier lines in ascending order, with the earliest start and latest end among them.</summary>
    private sealed class Bucket
    {
        private readonly List<int> indices = [];
        private DateOnly firstStart = DateOnly.MaxValue;
        private DateOnly lastEnd = DateOnly.MinValue;
        private bool openEnd;

        public void Add(int index, DateOnly start, DateOnly? end)
        {
            indices.Add(index);
            firstStart = start < firstStart ? start : firstStart;
            if (end is { } last)
            {
                lastEnd = last > lastEnd ? last : lastEnd;
            }
            else
            {
                openEnd = true;
            }
        }

        /// <summary>
        /// The indices, unless no line in here can overlap the period from <paramref name="start"/> to
        /// <paramref name="end"/> (<see cref="Overlaps"/>): when every one ends before it starts, or
        /// every one starts after it ends.
        /// </summary>
        public List<int>? Near(DateOnly start, DateOnly? end) =>
            indices.Count > 0 && (openEnd || lastEnd >= start) && (end is not { } last || firstStart <= last) ? indices : null;
    }
}
