namespace Backoffice.Core.Reference;

/// <summary>
/// How the region finances a product (iWmo Uitvoeringsvarianten): by effort delivered (hours,
/// minutes, day parts), by output (a result or arrangement per period) or by task (a lump sum per
/// population, never declared per client).
/// </summary>
public enum FinancingForm
{
    Inspanningsgericht,
    Outputgericht,
    Taakgericht,
}

/// <summary>
/// One version of a product of the regional catalogue (TR381: the code belongs to its category).
/// Eenheid (WJ756) and Frequentie (WMO757) are the ones the region allocates it in.
/// <paramref name="ArrangementCode"/> links a product code to an arrangement of the regional
/// catalogue that indications name (an arrangement is allocated and declared under its product code).
/// </summary>
public sealed record CatalogueProduct(
    string ProductCategorie,
    string ProductCode,
    int Version,
    string Description,
    string Eenheid,
    string Frequentie,
    FinancingForm Financing,
    string? ArrangementCode,
    DateOnly Begindatum,
    DateOnly? Einddatum);

/// <summary>
/// One version of a contract line: what a provider may deliver of one product from when to when,
/// at which tariff in eurocents per unit of <paramref name="Eenheid"/> (TR418), with the settings
/// in which regions differ.
/// </summary>
/// <param name="PartialMonthInFull">For a monthly arrangement: a month only partly inside the allocation is paid in full (IV078) rather than refused.</param>
public sealed record ContractTariff(
    string Provider,
    string ProductCategorie,
    string ProductCode,
    int Version,
    DateOnly Begindatum,
    DateOnly? Einddatum,
    long TariffCents,
    string Eenheid,
    bool PartialMonthInFull);
