using Backoffice.Core.Messages;
using System.Globalization;
using System.Xml;

namespace Backoffice.TestSupport.Generators;

/// <summary>What to generate. Every default gives a valid iWmo 3.2 WMO323 (level 1 and the level-2 rules it touches).</summary>
public sealed record Wmo323GeneratorOptions
{
    /// <summary>Number of Prestatie records (at least 1).</summary>
    public int Prestaties { get; init; } = 1000;

    /// <summary>Prestaties per Client; the last client takes the remainder.</summary>
    public int PrestatiesPerClient { get; init; } = 5;

    /// <summary>Header Afzender: an 8-digit AGB code (the provider).</summary>
    public string Afzender { get; init; } = "65656055";

    /// <summary>Header Ontvanger: a 4-digit CBS municipality code.</summary>
    public string Ontvanger { get; init; } = "0384";

    /// <summary>BerichtIdentificatie/Identificatie, 1–12 characters. Vary it to get distinct bytes (intake deduplicates by SHA-256).</summary>
    public string Identificatie { get; init; } = "GEN000000001";

    /// <summary>DeclaratieNummer, 1–12 characters, letters and digits only.</summary>
    public string DeclaratieNummer { get; init; } = "GEN0001";

    /// <summary>Any day of the declared calendar month (CS340: exactly one whole month).</summary>
    public DateOnly Maand { get; init; } = new(2023, 4, 1);

    /// <summary>ReferentieNummer prefix; numbers are the prefix plus an 8-digit sequence (max 20 characters in all).</summary>
    public string ReferentiePrefix { get; init; } = "GENREF";

    /// <summary>First ToewijzingNummer; each Prestatie gets its own so no two lines share a TR416 key.</summary>
    public long EersteToewijzingNummer { get; init; } = 100_000;
}

/// <summary>What was written: enough to assert on, and the totals a test would otherwise recompute. Lines counts text lines (CRLF-separated).</summary>
public sealed record Wmo323GeneratedSummary(int Prestaties, int Clienten, long TotaalBedrag, long Bytes, long Lines);

/// <summary>
/// Writes a synthetic WMO323 Declaratie, deterministically (same options, same bytes) and streaming:
/// memory does not depend on the number of Prestaties. Shape and layout follow the reference sample
/// (prefix <c>wmo323</c> for the message namespace, <c>iwmo</c> for the basisschema children of the
/// CDT types, tab indentation) and the technical file rules (UTF-8 without BOM, CRLF; OP192).
/// Content: valid 11-proef BSNs (999xxxxxx test range), unique ReferentieNummer and ToewijzingNummer,
/// amounts = volume × tarief, TotaalIngediendBedrag = sum of the lines (TR358), one calendar month.
/// </summary>
public static class Wmo323Generator
{
    public const string MessageNamespace = "http://www.istandaarden.nl/iwmo/3_2/wmo323/schema";
    public const string BasisschemaNamespace = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema";

    private const string M = "wmo323";
    private const string B = "iwmo";

    // The variety of lines: ProductCategorie, ProductCode, Eenheid, ProductTarief (eurocents per unit).
    /// <summary>The products the lines cycle through: ProductCategorie, ProductCode, Eenheid, ProductTarief (eurocents per unit).</summary>
    public static IReadOnlyList<(string Categorie, string Code, string Eenheid, int Tarief)> ProductLines => Products;

    private static readonly (string Categorie, string Code, string Eenheid, int Tarief)[] Products =
    [
        ("01", "01A03", "04", 1250),
        ("01", "01A04", "04", 1500),
        ("02", "02A01", "04", 6480),
        ("03", "03A02", "01", 105),
        ("07", "07A05", "16", 4275),
        ("06", "06B01", "14", 9950),
        ("10", "10C12", "84", 2500),
    ];

    /// <summary>Writes the message to <paramref name="output"/> (left open).</summary>
    public static Wmo323GeneratedSummary Write(Stream output, Wmo323GeneratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= new Wmo323GeneratorOptions();
        Check(options);

        var first = new DateOnly(options.Maand.Year, options.Maand.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        var dagtekening = last.AddDays(6);

        // The total precedes the lines in the document: one cheap arithmetic pass first, so the
        // lines never have to be held in memory.
        long total = 0;
        for (var i = 0; i < options.Prestaties; i++)
        {
            total += Line(i, first, last).Bedrag;
        }

        using var counting = new CountingStream(output);
        var settings = IwmoWriter.FileFormat();

        var clients = 0;
        using (var xml = XmlWriter.Create(counting, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(M, "Bericht", MessageNamespace);
            xml.WriteAttributeString("xmlns", B, null, BasisschemaNamespace);
            xml.WriteAttributeString("xmlns", M, null, MessageNamespace);

            xml.WriteStartElement(M, "Header", MessageNamespace);
            Leaf(xml, M, "BerichtCode", "484");
            Leaf(xml, M, "BerichtVersie", "3");
            Leaf(xml, M, "BerichtSubversie", "2");
            Leaf(xml, M, "Afzender", options.Afzender);
            Leaf(xml, M, "Ontvanger", options.Ontvanger);
            xml.WriteStartElement(M, "BerichtIdentificatie", MessageNamespace);
            Leaf(xml, B, "Identificatie", options.Identificatie);
            Leaf(xml, B, "Dagtekening", Date(dagtekening));
            xml.WriteEndElement();
            xml.WriteStartElement(M, "XsdVersie", MessageNamespace);
            Leaf(xml, B, "BasisschemaXsdVersie", "1.0.0");
            Leaf(xml, B, "BerichtXsdVersie", "1.0.0");
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement(M, "Declaratie", MessageNamespace);
            Leaf(xml, M, "DeclaratieNummer", options.DeclaratieNummer);
            Periode(xml, "DeclaratiePeriode", first, last);
            Leaf(xml, M, "DeclaratieDagtekening", Date(dagtekening));
            xml.WriteStartElement(M, "TotaalIngediendBedrag", MessageNamespace);
            Leaf(xml, B, "TotaalBedrag", Number(total));
            Leaf(xml, B, "DebetCredit", "D");
            xml.WriteEndElement();

            xml.WriteStartElement(M, "Clienten", MessageNamespace);
            var bsn = new TestBsnSequence();
            for (var i = 0; i < options.Prestaties; i++)
            {
                if (i % options.PrestatiesPerClient == 0)
                {
                    if (i > 0)
                    {
                        xml.WriteEndElement(); // Prestaties
                        xml.WriteEndElement(); // Client
                    }

                    xml.WriteStartElement(M, "Client", MessageNamespace);
                    Leaf(xml, M, "Bsn", bsn.Next());
                    xml.WriteStartElement(M, "Prestaties", MessageNamespace);
                    clients++;
                }

                Prestatie(xml, options, i, first, last);
            }

            xml.WriteEndElement(); // Prestaties
            xml.WriteEndElement(); // Client
            xml.WriteEndElement(); // Clienten
            xml.WriteEndElement(); // Declaratie
            xml.WriteEndElement(); // Bericht
            xml.WriteEndDocument();
        }

        // The last line has no line break after it (as in the sample).
        return new Wmo323GeneratedSummary(options.Prestaties, clients, total, counting.Bytes, counting.Lines + 1);
    }

    /// <summary>Writes the message to a new file at <paramref name="path"/> (overwritten if present).</summary>
    public static Wmo323GeneratedSummary WriteFile(string path, Wmo323GeneratorOptions? options = null)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81_920);
        return Write(file, options);
    }

    /// <summary>The message as bytes, for tests that want it in memory (small sizes).</summary>
    public static byte[] ToBytes(Wmo323GeneratorOptions? options = null)
    {
        using var memory = new MemoryStream();
        Write(memory, options);
        return memory.ToArray();
    }

    /// <summary>The 11-proef for a BSN (9 digits; weights 9..2 and -1 for the last digit).</summary>
    public static bool IsValidBsn(string bsn)
    {
        ArgumentNullException.ThrowIfNull(bsn);
        if (bsn.Length != 9 || !bsn.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (bsn[i] - '0') * (9 - i);
        }

        sum -= bsn[8] - '0';
        return sum % 11 == 0;
    }

    private static void Check(Wmo323GeneratorOptions options)
    {
        if (options.Prestaties < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "At least one Prestatie is needed (Client and Prestatie are 1..n).");
        }

        if (options.PrestatiesPerClient < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "PrestatiesPerClient must be at least 1.");
        }

        if (options.Identificatie.Length is < 1 or > 12)
        {
            throw new ArgumentException("Identificatie must be 1 to 12 characters.", nameof(options));
        }

        if (options.DeclaratieNummer.Length is < 1 or > 12 || !options.DeclaratieNummer.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("DeclaratieNummer must be 1 to 12 letters or digits.", nameof(options));
        }

        if (options.ReferentiePrefix.Length > 12)
        {
            throw new ArgumentException("ReferentiePrefix may be at most 12 characters (ReferentieNummer is max 20).", nameof(options));
        }

        if (options.Prestaties > 99_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "At most 99,999,999 Prestaties (8-digit reference sequence).");
        }
    }

    private readonly record struct LineFacts(int Product, DateOnly Begin, DateOnly End, int Volume, long Bedrag);

    /// <summary>Line <paramref name="i"/> as a pure function of its index: the same in the sum pass and the write pass.</summary>
    private static LineFacts Line(int i, DateOnly first, DateOnly last)
    {
        var product = i % Products.Length;
        var volume = 1 + (int)((i * 7L + 3) % 40);
        // Most lines cover the whole month; every fourth a part of it (still inside the period).
        var begin = i % 4 == 3 ? first.AddDays(i % 10) : first;
        var end = i % 4 == 3 ? last.AddDays(-(i % 7)) : last;
        return new LineFacts(product, begin, end, volume, (long)volume * Products[product].Tarief);
    }

    private static void Prestatie(XmlWriter xml, Wmo323GeneratorOptions options, int i, DateOnly first, DateOnly last)
    {
        var line = Line(i, first, last);
        var product = Products[line.Product];
        xml.WriteStartElement(M, "Prestatie", MessageNamespace);
        xml.WriteStartElement(M, "ProductReferentie", MessageNamespace);
        Leaf(xml, B, "ReferentieNummer", options.ReferentiePrefix + (i + 1).ToString("D8", CultureInfo.InvariantCulture));
        xml.WriteEndElement();
        Leaf(xml, M, "ToewijzingNummer", Number(options.EersteToewijzingNummer + i));
        Leaf(xml, M, "ProductCategorie", product.Categorie);
        Leaf(xml, M, "ProductCode", product.Code);
        Periode(xml, "ProductPeriode", line.Begin, line.End);
        Leaf(xml, M, "GeleverdVolume", Number(line.Volume));
        Leaf(xml, M, "Eenheid", product.Eenheid);
        Leaf(xml, M, "ProductTarief", Number(product.Tarief));
        xml.WriteStartElement(M, "IngediendBedrag", MessageNamespace);
        Leaf(xml, B, "Bedrag", Number(line.Bedrag));
        Leaf(xml, B, "DebetCredit", "D");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void Periode(XmlWriter xml, string name, DateOnly begin, DateOnly end)
    {
        xml.WriteStartElement(M, name, MessageNamespace);
        Leaf(xml, B, "Begindatum", Date(begin));
        Leaf(xml, B, "Einddatum", Date(end));
        xml.WriteEndElement();
    }

    private static void Leaf(XmlWriter xml, string prefix, string name, string value) =>
        xml.WriteElementString(prefix, name, prefix == B ? BasisschemaNamespace : MessageNamespace, value);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
