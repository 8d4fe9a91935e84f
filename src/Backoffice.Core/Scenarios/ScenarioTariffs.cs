using Backoffice.Core.Reference;

namespace Backoffice.Core.Scenarios;

/// <summary>
/// What an arrangement-month of a cell costs when a scenario moves a client into it: the tariff of
/// the product with that arrangement code in the line's provider's contract on the line's first
/// day; when that provider has none, the lowest such tariff of any provider on that day (the
/// purchasing strategy prices a move at what the region pays, never at nothing). Only contract lines
/// per arrangement-month (Eenheid 82) price a cell.
/// </summary>
public sealed class ScenarioTariffs
{
    private const string ArrangementMonth = "82";

    private readonly ILookup<string, ContractTariff> byCell;

    public ScenarioTariffs(IEnumerable<CatalogueProduct> products, IEnumerable<ContractTariff> contracts)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(contracts);
        var cellOf = products
            .Where(p => p.ArrangementCode is not null)
            .ToDictionary(p => (p.ProductCategorie, p.ProductCode), p => p.ArrangementCode!);
        byCell = contracts
            .Where(c => c.Eenheid == ArrangementMonth && cellOf.ContainsKey((c.ProductCategorie, c.ProductCode)))
            .ToLookup(c => cellOf[(c.ProductCategorie, c.ProductCode)], StringComparer.Ordinal);
    }

    /// <summary>The tariff in cents of one arrangement-month of <paramref name="cell"/> for <paramref name="provider"/> on <paramref name="day"/>, or null when no contract prices it.</summary>
    public long? TariffCents(string provider, string cell, DateOnly day)
    {
        var valid = byCell[cell].Where(c => c.Begindatum <= day && (c.Einddatum is not { } end || day <= end)).ToList();
        return valid.FirstOrDefault(c => c.Provider == provider)?.TariffCents ?? (valid.Count > 0 ? valid.Min(c => c.TariffCents) : null);
    }
}
