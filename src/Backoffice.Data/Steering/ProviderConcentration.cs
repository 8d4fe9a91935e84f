namespace Backoffice.Data.Steering;

/// <summary>One provider in the ranking by spend, with the cumulative spend of it and every larger one.</summary>
/// <param name="Rank">1 for the largest spend; ties by AGB code ascending.</param>
public sealed record RankedProvider(int Rank, ProviderFigure Provider, long CumulativeCents, long TotalCents)
{
    /// <summary>The cumulative spend as a fraction of the total (0 when the total is not above 0).</summary>
    public double CumulativeShare => TotalCents > 0 ? (double)CumulativeCents / TotalCents : 0;

    /// <summary>The cumulative share in whole percent, rounded half up, exactly (integer arithmetic).</summary>
    public long CumulativePercent => ProviderConcentration.RoundedPercent(CumulativeCents, TotalCents);

    public bool IsSmall => Provider.Figures.Clients < ProviderConcentration.SmallProviderClients;
}

/// <summary>
/// How few providers carry the spend (figure 2, README "Steering report"): the providers ranked by
/// spend descending (ties: AGB code ascending), for each rank N the cumulative spend of the N largest
/// and its share of the total; "providers carrying X %" is the smallest N whose cumulative share,
/// rounded half up to a whole percent, is at least X. Small providers have fewer than 7 clients.
/// </summary>
public sealed record ProviderConcentration(IReadOnlyList<RankedProvider> Ranked, long TotalCents)
{
    /// <summary>A provider with fewer clients than this is in the small-provider tail.</summary>
    public const int SmallProviderClients = 7;

    /// <summary>The shares the strategies track.</summary>
    public static IReadOnlyList<int> TrackedShares { get; } = [80, 90];

    public static ProviderConcentration Of(IEnumerable<ProviderFigure> providers)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var ordered = providers
            .OrderByDescending(p => p.Figures.SpendCents)
            .ThenBy(p => p.Provider, StringComparer.Ordinal)
            .ToList();
        var total = ordered.Sum(p => p.Figures.SpendCents);
        var ranked = new List<RankedProvider>(ordered.Count);
        long cumulative = 0;
        foreach (var provider in ordered)
        {
            cumulative += provider.Figures.SpendCents;
            ranked.Add(new RankedProvider(ranked.Count + 1, provider, cumulative, total));
        }

        return new ProviderConcentration(ranked, total);
    }

    /// <summary>
    /// The smallest N whose cumulative share rounds (half up, whole percent) to at least
    /// <paramref name="percent"/>, or null when none does (no spend, or a total not above 0).
    /// </summary>
    public RankedProvider? Carrying(int percent) =>
        TotalCents > 0 ? Ranked.FirstOrDefault(r => r.CumulativePercent >= percent) : null;

    public IReadOnlyList<RankedProvider> Small => [.. Ranked.Where(r => r.IsSmall)];

    /// <summary>
    /// round_half_up(100 x part / total) as an integer, without floating point: floor((200 x part +
    /// total) / (2 x total)) for a total above 0 (0 otherwise), so 79.5 % is 80 and 79.49999 % is 79.
    /// </summary>
    public static long RoundedPercent(long part, long total)
    {
        if (total <= 0)
        {
            return 0;
        }

        var numerator = (Int128)200 * part + total;
        var denominator = (Int128)2 * total;
        var quotient = numerator / denominator;
        if (numerator % denominator != 0 && numerator < 0)
        {
            quotient -= 1; // floor, not truncation, for a negative part
        }

        return (long)quotient;
    }
}
