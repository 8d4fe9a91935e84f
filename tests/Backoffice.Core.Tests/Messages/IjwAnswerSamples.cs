using System.Globalization;
using System.Xml.Linq;
using Backoffice.Core.Standard;
using Backoffice.TestSupport;

namespace Backoffice.Core.Tests.Messages;

/// <summary>
/// The iWmo answer messages (302 … 325) have no official samples; their iJw twins do. The two
/// standards share these messages except for namespaces, BerichtCode, ProductCategorie values and
/// a few iJw-only elements (shared/reference/SOURCES.md), so a JW sample mapped that way is a
/// realistic WMO message.
/// </summary>
internal static class IjwAnswerSamples
{
    private const string IjwBasis = "http://www.istandaarden.nl/ijw/3_2/basisschema/schema";

    /// <summary>iJw BerichtCode per message number (xsd/ijw-3.2).</summary>
    private static readonly Dictionary<int, int> IjwCodes = new()
    {
        [302] = 437, [306] = 439, [308] = 441, [316] = 447, [318] = 487, [320] = 489, [325] = 491,
    };

    /// <summary>The answer samples that are XSD-valid upstream (JW318.xml is not, see SOURCES.md).</summary>
    public static IEnumerable<int> Numbers => [302, 306, 308, 316, 320, 325];

    public static XDocument Load(int number)
    {
        var path = Path.Combine(RepoPaths.ReferenceSamples("ijw-3.2"), $"JW{number}.xml");
        return ToIwmo(XDocument.Load(path), number);
    }

    public static XDocument ToIwmo(XDocument jw, int number)
    {
        var type = MessageType.FromName($"WMO{number}") ?? throw new ArgumentOutOfRangeException(nameof(number));
        var jwNamespace = $"http://www.istandaarden.nl/ijw/3_2/jw{number}/schema";
        var doc = new XDocument(jw);

        // iJw-only: GezagsdragerBekend (JW315/316) and Woonplaatsbeginsel (JW319/320).
        doc.Descendants().Where(e => e.Name.LocalName is "GezagsdragerBekend" or "Woonplaatsbeginsel").ToList().ForEach(e => e.Remove());
        foreach (var element in doc.Descendants().ToList())
        {
            element.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
            var ns = element.Name.NamespaceName == jwNamespace ? type.Namespace
                : element.Name.NamespaceName == IjwBasis ? MessageType.BasisschemaNamespace
                : element.Name.NamespaceName;
            element.Name = XName.Get(element.Name.LocalName, ns);

            if (element.HasElements)
            {
                continue;
            }

            if (element.Name.LocalName == "BerichtCode" && element.Value == IjwCodes[number].ToString(CultureInfo.InvariantCulture))
            {
                element.Value = type.BerichtCode.ToString(CultureInfo.InvariantCulture);
            }

            // iJw ProductCategorie 31..48 are the youth counterparts of iWmo 01..18 (iwmo-3.2.md §7).
            if (element.Name.LocalName is "Categorie" or "ProductCategorie"
                && int.TryParse(element.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var category)
                && category is >= 31 and <= 48)
            {
                element.Value = (category - 30).ToString("00", CultureInfo.InvariantCulture);
            }
        }

        return doc;
    }
}
