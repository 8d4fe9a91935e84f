using System.Globalization;
using System.Xml.Linq;

namespace Backoffice.Core.Tests.Schemas;

/// <summary>
/// Maps an iJw 3.2 document (JWnnn) onto its iWmo 3.2 twin (WMOnnn) so that it is valid under
/// our WMO schema exactly when the original is valid under the reference JW schema. This is how
/// the seven answer schemas, for which no iWmo reference exists, are checked.
/// <para>
/// Found by diffing the two basisschemas and JW301/305/307/315/317/319/323 against the iWmo files
/// (see schemas/README.md); everything else is identical between the standards:
/// </para>
/// <list type="bullet">
/// <item>Namespaces: <c>ijw/3_2/jwNNN</c> and <c>iwmo/3_2/wmoNNN</c> are swapped, and so are the two
/// basisschema namespaces (a swap, not a one-way rename, so a mutation that puts a JW element
/// into the iWmo namespace stays wrong after mapping).</item>
/// <item>Header/BerichtCode: the JW code and the WMO code are swapped (e.g. 437 and 415).</item>
/// <item>ProductCategorie (Product/Categorie and Prestatie/ProductCategorie): iJw has 31..38 and
/// 40..55, iWmo 01..18. A valid iJw value becomes a valid iWmo value (by position); an iWmo value,
/// which iJw rejects, becomes an iWmo-invalid one ("9" + last digit); anything else is kept.</item>
/// <item>RedenBeeindiging: the sets differ in four codes (iJw 32..35, iWmo 19, 21, 22, 23); those are
/// swapped pairwise, the shared codes are kept.</item>
/// <item>iJw-only elements are removed: GezagsdragerBekend (JW315/316) and Woonplaatsbeginsel (JW319/320).
/// Mutations never touch them (see <see cref="IsIjwOnly"/>).</item>
/// </list>
/// Values keep any surrounding whitespace: every mapped type is a string type that preserves
/// whitespace, so " 45" is invalid on both sides.
/// </summary>
internal static class IjwToIwmo
{
    public const string IjwBasis = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";
    public const string IwmoBasis = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema";

    private static readonly string[] IjwCategories =
    [
        "31", "32", "33", "34", "35", "36", "37", "38", "40", "41", "42", "43",
        "44", "45", "46", "47", "48", "49", "50", "51", "52", "53", "54", "55",
    ];

    private static readonly string[] IwmoCategories =
    [
        "01", "02", "03", "04", "05", "06", "07", "08", "09",
        "10", "11", "12", "13", "14", "15", "16", "17", "18",
    ];

    private static readonly Dictionary<string, string> RedenBeeindigingSwap = new(StringComparer.Ordinal)
    {
        ["32"] = "19", ["19"] = "32",
        ["33"] = "21", ["21"] = "33",
        ["34"] = "22", ["22"] = "34",
        ["35"] = "23", ["23"] = "35",
    };

    public static string IjwNamespace(int number) => $"http://www.istandaarden.nl/ijw/3_2/jw{number}/schema";

    public static string IwmoNamespace(int number) => $"http://www.istandaarden.nl/iwmo/3_2/wmo{number}/schema";

    /// <summary>Elements that exist only in iJw; they and their subtree are left alone by mutations.</summary>
    public static bool IsIjwOnly(XElement element) =>
        element.Name.LocalName is "GezagsdragerBekend" or "Woonplaatsbeginsel";

    /// <summary>A mapped copy; the input is not changed.</summary>
    public static XDocument Map(XDocument jw, int number, int jwCode, int wmoCode)
    {
        var doc = new XDocument(jw);
        var namespaces = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [IjwNamespace(number)] = IwmoNamespace(number),
            [IwmoNamespace(number)] = IjwNamespace(number),
            [IjwBasis] = IwmoBasis,
            [IwmoBasis] = IjwBasis,
        };

        doc.Descendants().Where(IsIjwOnly).ToList().ForEach(e => e.Remove());
        foreach (var el in doc.Descendants().ToList())
        {
            if (namespaces.TryGetValue(el.Name.NamespaceName, out var ns))
            {
                el.Name = XName.Get(el.Name.LocalName, ns);
            }

            foreach (var attribute in el.Attributes().Where(a => a.IsNamespaceDeclaration).ToList())
            {
                if (namespaces.TryGetValue(attribute.Value, out var declared))
                {
                    attribute.Value = declared;
                }
            }

            if (el.HasElements)
            {
                continue;
            }

            switch (el.Name.LocalName)
            {
                case "BerichtCode" when el.Parent?.Name.LocalName == "Header":
                    el.Value = MapCore(el.Value, v => v == Code(jwCode) ? Code(wmoCode) : v == Code(wmoCode) ? Code(jwCode) : v);
                    break;
                case "Categorie" or "ProductCategorie":
                    el.Value = MapCore(el.Value, MapCategorie);
                    break;
                case "RedenBeeindiging":
                    el.Value = MapCore(el.Value, v => RedenBeeindigingSwap.GetValueOrDefault(v, v));
                    break;
            }
        }

        return doc;
    }

    private static string Code(int code) => code.ToString(CultureInfo.InvariantCulture);

    private static string MapCategorie(string value)
    {
        var jw = Array.IndexOf(IjwCategories, value);
        if (jw >= 0)
        {
            return IwmoCategories[jw % IwmoCategories.Length];
        }

        // Valid in iWmo but not in iJw: must stay invalid.
        return Array.IndexOf(IwmoCategories, value) >= 0 ? "9" + value[^1] : value;
    }

    /// <summary>Applies <paramref name="map"/> to the value without its surrounding whitespace.</summary>
    private static string MapCore(string value, Func<string, string> map)
    {
        var core = value.Trim();
        if (core.Length == 0)
        {
            return value;
        }

        var start = value.IndexOf(core, StringComparison.Ordinal);
        return string.Concat(value.AsSpan(0, start), map(core), value.AsSpan(start + core.Length));
    }
}
