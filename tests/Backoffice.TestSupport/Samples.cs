using System.Globalization;
using System.Text;

namespace Backoffice.TestSupport;

/// <summary>Reference sample files as NUnit test case sources, and messages made from them.</summary>
public static class Samples
{
    /// <summary>Stands in for the samples when the reference is absent, so the test runs and is ignored with the reason.</summary>
    public const string Absent = "(reference absent)";

    public static IEnumerable<string> Iwmo32() =>
        RepoPaths.HasReference
            ? Directory.EnumerateFiles(Path.Combine(RepoPaths.Reference, "samples", "iwmo-3.2"), "*.xml").Order(StringComparer.Ordinal)
            : [Absent];

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), name));

    /// <summary>
    /// The n-th of a series of messages the backoffice accepts at every level when it holds the demo
    /// reference data: the reference WMO315 (a request of a provider the demo knows, to a municipality
    /// it serves) with its own BerichtIdentificatie (TR056), its own request references (TR347) and its
    /// own client (TR374: one open request per client at a provider), never the sample's own client.
    /// </summary>
    public static byte[] AcceptedRequest(int n)
    {
        var bsns = new Generators.TestBsnSequence();
        var bsn = bsns.Next();
        for (var i = 0; i <= n; i++)
        {
            bsn = bsns.Next();
        }

        var xml = Encoding.UTF8.GetString(Bytes("WMO315.xml"))
            .Replace("<iwmo:Identificatie>123456789012</iwmo:Identificatie>", string.Create(CultureInfo.InvariantCulture, $"<iwmo:Identificatie>Q{n:D11}</iwmo:Identificatie>"), StringComparison.Ordinal)
            .Replace("<wmo315:Bsn>999900006</wmo315:Bsn>", $"<wmo315:Bsn>{bsn}</wmo315:Bsn>", StringComparison.Ordinal)
            .Replace("<wmo315:ReferentieAanbieder>4242000", string.Create(CultureInfo.InvariantCulture, $"<wmo315:ReferentieAanbieder>Q{n:D6}-"), StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(xml);
    }
}
