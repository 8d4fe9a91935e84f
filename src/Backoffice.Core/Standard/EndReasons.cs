namespace Backoffice.Core.Standard;

/// <summary>
/// RedenBeeindiging (iWmo 3.2 code list WMO588), the reason a provider gives in a 307 stop for
/// ending care. The steering figures count outflow per reason; 19 ("levering volgens plan
/// beeindigd") is the measure of goal realisation, and 20 (a temporary stop,
/// <see cref="Register.CareState.TemporaryStop"/>) is no outflow at all.
/// </summary>
public static class EndReasons
{
    /// <summary>19: the trajectory ran as planned and was closed (doelrealisatie).</summary>
    public const string VolgensPlan = "19";

    /// <summary>The codes with their description in the code list, in code order.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["02"] = "Overlijden",
        ["19"] = "Levering volgens plan beeindigd",
        ["20"] = "Levering is tijdelijk beeindigd",
        ["21"] = "Levering is eenzijdig door client beeindigd",
        ["22"] = "Levering is eenzijdig door aanbieder beeindigd",
        ["23"] = "Levering is in overeenstemming voortijdig beeindigd",
        ["31"] = "Verhuizing naar een andere gemeente",
        ["36"] = "Geinitieerd door de gemeente",
        ["37"] = "In verband met wijzigingsverzoek",
        ["38"] = "Overstap naar andere aanbieder",
        ["39"] = "Uitstroom naar ander domein",
    };

    /// <summary>The code list's description of <paramref name="code"/>, or empty for a code it does not hold.</summary>
    public static string Describe(string code) => Descriptions.TryGetValue(code, out var text) ? text : string.Empty;
}
