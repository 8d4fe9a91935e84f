using Backoffice.Data;
using Backoffice.Data.Steering;

namespace Backoffice.Service.Demo;

/// <summary>
/// The steering figures the calibrated demo region is held to, as <c>backoffice report steering</c>
/// computes them (<see cref="SteeringReportStore"/>, README, "Steering report"): per municipality and
/// in total over every served municipality, and the provider table over the municipalities the
/// published table covers. The demo checks its year against the published figures with these, so
/// the region and the report cannot drift apart.
/// </summary>
public static class RegionFigures
{
    public static async Task<RegionFigureSet> ReadAsync(IDbConnectionFactory database, string from, string to, IReadOnlyList<string> providerTableMunicipalities, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(providerTableMunicipalities);
        var store = new SteeringReportStore(database);
        var (first, last) = (StoredDates.ParseMonth(from), StoredDates.ParseMonth(to));
        var region = await store.ReadAsync(new SteeringSelection(first, last, [], null), ct);
        var table = await store.ReadAsync(new SteeringSelection(first, last, providerTableMunicipalities, null), ct);
        return new RegionFigureSet(
            [.. region.Municipalities.Select(m => new GroupFigure(m.Municipality, m.Figures.Clients, m.Figures.SpendCents))],
            new GroupFigure("total", region.Total.Clients, region.Total.SpendCents),
            [.. table.Concentration.Ranked.Select(r => new GroupFigure(r.Provider.Provider, r.Provider.Figures.Clients, r.Provider.Figures.SpendCents))]);
    }
}

/// <summary>Clients and spend (eurocents) of one group: a municipality, a provider, or the total.</summary>
public sealed record GroupFigure(string Key, int Clients, long Cents);

/// <summary>The figures of one period: per municipality, the total, and the provider table (over the municipalities it was asked for), ranked.</summary>
public sealed record RegionFigureSet(IReadOnlyList<GroupFigure> Municipalities, GroupFigure Total, IReadOnlyList<GroupFigure> Providers)
{
    public long ProviderTableCents => Providers.Sum(p => p.Cents);

    /// <summary>The spend of the <paramref name="n"/> largest providers.</summary>
    public long LargestCents(int n) => Providers.Take(n).Sum(p => p.Cents);

    /// <summary>The smallest N whose cumulative share carries <paramref name="percent"/> (<see cref="ProviderConcentration.Carrying"/>); 0 when none does.</summary>
    public int ProvidersCarrying(int percent) => Concentration.Carrying(percent)?.Rank ?? 0;

    /// <summary><see cref="ProviderConcentration.RoundedPercent"/>.</summary>
    public static long RoundedPercent(long part, long total) => ProviderConcentration.RoundedPercent(part, total);

    public IReadOnlyList<GroupFigure> SmallProviders => [.. Providers.Where(p => p.Clients < ProviderConcentration.SmallProviderClients)];

    private ProviderConcentration Concentration =>
        ProviderConcentration.Of(Providers.Select(p => new ProviderFigure(p.Key, null, new ClientSpend(p.Clients, p.Cents, 0))));
}
