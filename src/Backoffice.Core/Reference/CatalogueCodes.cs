namespace Backoffice.Core.Reference;

/// <summary>
/// The code lists a catalogue product and a contract line are written in, once for the importer,
/// the store and the rules: Eenheid (WJ756) and Frequentie (WMO757) of iWmo 3.2.
/// </summary>
public static class CatalogueCodes
{
    /// <summary>WJ756 01: minutes.</summary>
    public const string Minuut = "01";

    /// <summary>WJ756 04: hours.</summary>
    public const string Uur = "04";

    /// <summary>WJ756 83: euros; the volume is eurocents (IV042), there is no tariff (CD087).</summary>
    public const string Euros = "83";

    /// <summary>WJ756 Eenheid: minuut, uur, etmaal, dagdeel (4 uur), stuks (output), euro's, stuks (inspanning).</summary>
    public static IReadOnlyList<string> Eenheden { get; } = ["01", "04", "14", "16", "82", "83", "84"];

    /// <summary>WMO757 Frequentie: per dag, per week, per maand, totaal binnen geldigheidsduur toewijzing.</summary>
    public static IReadOnlyList<string> Frequenties { get; } = ["1", "2", "4", "6"];

    public static bool IsEenheid(string? code) => code is not null && Eenheden.Contains(code, StringComparer.Ordinal);

    public static bool IsFrequentie(string? code) => code is not null && Frequenties.Contains(code, StringComparer.Ordinal);
}
