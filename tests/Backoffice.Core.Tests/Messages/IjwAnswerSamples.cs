using System.Xml.Linq;
using Backoffice.Core.Standard;
using Backoffice.Core.Tests.Schemas;
using Backoffice.TestSupport;

namespace Backoffice.Core.Tests.Messages;

/// <summary>
/// The iWmo answer messages (302 … 325) have no official samples; their iJw twins do. The two
/// standards share these messages except for namespaces, BerichtCode, two code lists and a few
/// iJw-only elements (shared/reference/SOURCES.md), so a JW sample mapped that way is a realistic
/// WMO message.
/// </summary>
internal static class IjwAnswerSamples
{
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

    /// <summary>One mapping for the whole suite: the one the schema differential test proves (Schemas/IjwToIwmo.cs).</summary>
    public static XDocument ToIwmo(XDocument jw, int number)
    {
        var type = MessageType.FromName($"WMO{number}") ?? throw new ArgumentOutOfRangeException(nameof(number));
        return IjwToIwmo.Map(jw, number, IjwCodes[number], type.BerichtCode);
    }
}
