using Backoffice.Data;
using Dapper;

namespace Backoffice.Service.Demo;

/// <summary>
/// The steering figures the calibrated demo region is held to, computed in SQL over the store with
/// the definitions the lead fixed for <c>report steering</c> (README, "The Lekstroom 2020 demo
/// region"): a period is a range of <c>payment_ledger.delivery_month</c>, both ends inclusive; the
/// spend of a group is the sum of its ledger rows' <c>amount_cents</c> (credits negative); its
/// clients are the distinct BSNs (through <c>prestatie_verdict</c>) whose net spend within the group
/// is above zero. Only counts and sums leave the database, never a BSN. The steering report is meant
/// to replace this class once both are merged; until then the demo and its test read the figures
/// here, so the two can be compared figure by figure.
/// </summary>
public static class RegionFigures
{
    /// <summary>A provider with fewer clients than this is a small provider (the strategies' tail).</summary>
    public const int SmallProviderClients = 7;

    public static async Task<RegionFigureSet> ReadAsync(IDbConnectionFactory database, string from, string to, IReadOnlyList<string> providerTableMunicipalities, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(providerTableMunicipalities);
        await using var connection = await database.OpenAsync(ct);
        var period = new { from, to };
        var spend = (await connection.QueryAsync<(string Municipality, long Cents)>(new CommandDefinition(
                """
                SELECT l.municipality, SUM(l.amount_cents)
                FROM payment_ledger l
                WHERE l.delivery_month >= @from AND l.delivery_month <= @to
                GROUP BY l.municipality
                """,
                period,
                cancellationToken: ct)))
            .ToDictionary(r => r.Municipality, r => r.Cents, StringComparer.Ordinal);
        var clients = (await connection.QueryAsync<(string Municipality, int Clients)>(new CommandDefinition(
                """
                SELECT c.municipality, COUNT(*)
                FROM (SELECT l.municipality, v.bsn
                      FROM payment_ledger l JOIN prestatie_verdict v ON v.id = l.prestatie_id
                      WHERE l.delivery_month >= @from AND l.delivery_month <= @to
                      GROUP BY l.municipality, v.bsn
                      HAVING SUM(l.amount_cents) > 0) c
                GROUP BY c.municipality
                """,
                period,
                cancellationToken: ct)))
            .ToDictionary(r => r.Municipality, r => r.Clients, StringComparer.Ordinal);
        var totalClients = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            SELECT COUNT(*)
            FROM (SELECT v.bsn
                  FROM payment_ledger l JOIN prestatie_verdict v ON v.id = l.prestatie_id
                  WHERE l.delivery_month >= @from AND l.delivery_month <= @to
                  GROUP BY v.bsn
                  HAVING SUM(l.amount_cents) > 0) c
            """,
            period,
            cancellationToken: ct));
        var filter = new { from, to, municipalities = providerTableMunicipalities };
        var providerSpend = (await connection.QueryAsync<(string Provider, long Cents)>(new CommandDefinition(
                """
                SELECT l.provider, SUM(l.amount_cents)
                FROM payment_ledger l
                WHERE l.delivery_month >= @from AND l.delivery_month <= @to AND l.municipality IN @municipalities
                GROUP BY l.provider
                """,
                filter,
                cancellationToken: ct)))
            .ToDictionary(r => r.Provider, r => r.Cents, StringComparer.Ordinal);
        var providerClients = (await connection.QueryAsync<(string Provider, int Clients)>(new CommandDefinition(
                """
                SELECT c.provider, COUNT(*)
                FROM (SELECT l.provider, v.bsn
                      FROM payment_ledger l JOIN prestatie_verdict v ON v.id = l.prestatie_id
                      WHERE l.delivery_month >= @from AND l.delivery_month <= @to AND l.municipality IN @municipalities
                      GROUP BY l.provider, v.bsn
                      HAVING SUM(l.amount_cents) > 0) c
                GROUP BY c.provider
                """,
                filter,
                cancellationToken: ct)))
            .ToDictionary(r => r.Provider, r => r.Clients, StringComparer.Ordinal);

        var municipalities = spend.Keys.Union(clients.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(m => new GroupFigure(m, clients.GetValueOrDefault(m), spend.GetValueOrDefault(m)))
            .ToList();
        // Ranked by spend descending, ties by AGB ascending (ordinal, as the report orders in code).
        var providers = providerSpend.Keys.Union(providerClients.Keys, StringComparer.Ordinal)
            .Select(p => new GroupFigure(p, providerClients.GetValueOrDefault(p), providerSpend.GetValueOrDefault(p)))
            .OrderByDescending(p => p.Cents).ThenBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        return new RegionFigureSet(municipalities, new GroupFigure("total", totalClients, municipalities.Sum(m => m.Cents)), providers);
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

    /// <summary>
    /// The smallest N whose cumulative share of the provider table's spend, rounded half-up to a
    /// whole percent, is at least <paramref name="percent"/>; 0 for an empty table.
    /// </summary>
    public int ProvidersCarrying(int percent)
    {
        var total = ProviderTableCents;
        long cumulative = 0;
        for (var n = 1; n <= Providers.Count; n++)
        {
            cumulative += Providers[n - 1].Cents;
            if (RoundedPercent(cumulative, total) >= percent)
            {
                return n;
            }
        }

        return 0;
    }

    /// <summary><paramref name="part"/> / <paramref name="total"/> as a whole percent, half-up, in integers (no floating point at a boundary like 79.99997 %).</summary>
    public static long RoundedPercent(long part, long total) => total <= 0 ? 0 : ((200 * part) + total) / (2 * total);

    public IReadOnlyList<GroupFigure> SmallProviders => [.. Providers.Where(p => p.Clients < RegionFigures.SmallProviderClients)];
}
