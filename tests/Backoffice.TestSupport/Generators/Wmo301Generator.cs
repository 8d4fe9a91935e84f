using System.Globalization;
using System.Xml;
using Backoffice.Core.Messages;

namespace Backoffice.TestSupport.Generators;

/// <summary>What to generate. Every default gives a valid iWmo 3.2 WMO301 (level 1 and level 2: no findings).</summary>
public sealed record Wmo301GeneratorOptions
{
    /// <summary>Number of ToegewezenProduct records of the one Client (at least 1).</summary>
    public int Producten { get; init; } = 5;

    /// <summary>
    /// Different product codes per product kind before a code repeats. A repeated product gets the
    /// next care period of that product, which does not overlap the one before (TR302). 1 makes a
    /// product repeat every seven lines; the default 10 every seventy.
    /// </summary>
    public int Series { get; init; } = 10;

    /// <summary>Varies the client's name, birth date, sex, relation and the times and volumes; same seed, same bytes.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>The client's BSN (9 digits, 11-proef). Null: 999900006, the reference sample's.</summary>
    public string? Bsn { get; init; }

    /// <summary>Header Afzender: a 4-digit CBS municipality code (the municipality sends the 301).</summary>
    public string Afzender { get; init; } = "0384";

    /// <summary>Header Ontvanger: an 8-digit AGB code (the provider).</summary>
    public string Ontvanger { get; init; } = "65656055";

    /// <summary>BerichtIdentificatie/Identificatie, 1–12 characters.</summary>
    public string Identificatie { get; init; } = "GEN000000001";

    /// <summary>Dagtekening of the message; every Toewijzingsdatum is on or before it (TR134).</summary>
    public DateOnly Dagtekening { get; init; } = new(2023, 8, 13);

    /// <summary>First ToewijzingNummer; each ToegewezenProduct gets its own (TR101).</summary>
    public long EersteToewijzingNummer { get; init; } = 1_000;
}

/// <summary>What was written. Lines counts text lines (CRLF-separated).</summary>
public sealed record Wmo301GeneratedSummary(int Producten, string Bsn, long Bytes, long Lines);

/// <summary>
/// Writes a synthetic WMO301 Toewijzing, deterministically and streaming (memory does not depend on
/// the number of products). A 301 holds exactly one Client (WMO301.xsd: Bericht = Header, Client);
/// its size is in its ToegewezenProducten. Layout as the reference sample (prefixes <c>wmo301</c>
/// and <c>iwmo</c>, tabs, UTF-8 without BOM, CRLF).
/// <para>
/// The products make the level-2 rules work without breaking them. They rotate over seven kinds:
/// four coded products with an Omvang whose Eenheid and Frequentie satisfy CS338 and CD076, a
/// hulpmiddel (category 11), a generic allocation with only a category and a Budget (CD075,
/// CD077–CD080), and one more coded product. In one care period every kind is there, so different
/// products overlap in time; the hulpmiddel's periods overlap its own next one (allowed for
/// categories 11–14); every other product, when it repeats, gets the next period, one day after the
/// last one ended, so it does not overlap itself (TR302, which is inclusive). Every 97th line is a
/// deleted allocation (RedenWijziging 13, Einddatum = Ingangsdatum, CS335) lying inside the period
/// of a live one of the same product, which TR302 leaves out.
/// </para>
/// </summary>
public static class Wmo301Generator
{
    public const string MessageNamespace = "http://www.istandaarden.nl/iwmo/3_2/wmo301/schema";
    public const string BasisschemaNamespace = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema";

    /// <summary>The reference sample's client BSN.</summary>
    public const string DefaultBsn = "999900006";

    private const string M = "wmo301";
    private const string B = "iwmo";

    /// <summary>Length of one care period in days; a repeated product starts one day after its previous period ends.</summary>
    private const int PeriodDays = 7;

    private const int DeletedEvery = 97;

    // Category-only categories for the generic (Budget) allocations: none of them is used by a coded
    // kind, and none is a hulpmiddel, so each one only meets itself in TR302.
    private static readonly string[] BudgetCategories = ["05", "06", "08", "09", "15", "16", "17", "18"];

    private static readonly Kind[] Kinds =
    [
        new("01", "01A", "04", "2", Hulpmiddel: false, Budget: false),
        new("02", "02A", "14", "4", Hulpmiddel: false, Budget: false),
        new("03", "03A", "01", "1", Hulpmiddel: false, Budget: false),
        new("07", "07A", "16", "6", Hulpmiddel: false, Budget: false),
        new("11", "11H", "82", "1", Hulpmiddel: true, Budget: false),
        new(string.Empty, string.Empty, string.Empty, string.Empty, Hulpmiddel: false, Budget: true),
        new("10", "10C", "84", "2", Hulpmiddel: false, Budget: false),
    ];

    private static readonly string[] Achternamen = ["Wit", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters"];
    private static readonly string[] Voornamen = ["Tim", "Anna", "Johan", "Fatima", "Pieter", "Sanne", "Mohamed", "Lotte", "Kees", "Noor"];
    private static readonly string[] Plaatsen = ["Amsterdam", "Utrecht", "Zwolle", "Tilburg", "Groningen"];

    /// <summary>Writes the message to <paramref name="output"/> (left open).</summary>
    public static Wmo301GeneratedSummary Write(Stream output, Wmo301GeneratorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= new Wmo301GeneratorOptions();
        Check(options);
        var bsn = options.Bsn ?? DefaultBsn;
        var seed = (uint)options.Seed;

        using var counting = new CountingStream(output);
        using (var xml = XmlWriter.Create(counting, IwmoWriter.FileFormat()))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement(M, "Bericht", MessageNamespace);
            xml.WriteAttributeString("xmlns", B, null, BasisschemaNamespace);
            xml.WriteAttributeString("xmlns", M, null, MessageNamespace);

            xml.WriteStartElement(M, "Header", MessageNamespace);
            Leaf(xml, M, "BerichtCode", "414");
            Leaf(xml, M, "BerichtVersie", "3");
            Leaf(xml, M, "BerichtSubversie", "2");
            Leaf(xml, M, "Afzender", options.Afzender);
            Leaf(xml, M, "Ontvanger", options.Ontvanger);
            xml.WriteStartElement(M, "BerichtIdentificatie", MessageNamespace);
            Leaf(xml, B, "Identificatie", options.Identificatie);
            Leaf(xml, B, "Dagtekening", Date(options.Dagtekening));
            xml.WriteEndElement();
            xml.WriteStartElement(M, "XsdVersie", MessageNamespace);
            Leaf(xml, B, "BasisschemaXsdVersie", "1.0.0");
            Leaf(xml, B, "BerichtXsdVersie", "1.0.0");
            xml.WriteEndElement();
            xml.WriteEndElement();

            xml.WriteStartElement(M, "Client", MessageNamespace);
            Leaf(xml, M, "Bsn", bsn);
            xml.WriteStartElement(M, "Geboortedatum", MessageNamespace);
            // 18 to 95 years old on the Dagtekening (TR002), a real date (TR134), fully known (CS139).
            Leaf(xml, B, "Datum", Date(options.Dagtekening.AddYears(-18 - (int)Pick(seed, 1, 78)).AddDays(-(int)Pick(seed, 2, 365))));
            xml.WriteEndElement();
            Leaf(xml, M, "Geslacht", Pick(seed, 3, 3).ToString(CultureInfo.InvariantCulture));
            var partner = Pick(seed, 4, 3) == 0;
            Naam(xml, Achternamen[Pick(seed, 5, Achternamen.Length)], partner ? Achternamen[Pick(seed, 6, Achternamen.Length)] : null, Voornamen[Pick(seed, 7, Voornamen.Length)]);
            if (Pick(seed, 8, 5) == 0)
            {
                // CD007: Taal only with Vorm 1 (tolk taal).
                xml.WriteStartElement(M, "Communicatie", MessageNamespace);
                Leaf(xml, B, "Vorm", "1");
                Leaf(xml, B, "Taal", "Engels");
                xml.WriteEndElement();
            }

            if (Pick(seed, 9, 4) == 0)
            {
                xml.WriteStartElement(M, "Relaties", MessageNamespace);
                xml.WriteStartElement(M, "Relatie", MessageNamespace);
                Leaf(xml, M, "Nummer", "1");
                Leaf(xml, M, "Soort", "03");
                Naam(xml, Achternamen[Pick(seed, 10, Achternamen.Length)], null, Voornamen[Pick(seed, 11, Voornamen.Length)]);
                xml.WriteStartElement(M, "Contact", MessageNamespace);
                Leaf(xml, M, "Soort", "02");
                Telefoon(xml, seed);
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndElement();
            }

            xml.WriteStartElement(M, "Contactgegevens", MessageNamespace);
            // A BRP address (TR061) with Huis and Postcode (TR006, CD034), LandCode NL with a Dutch
            // postcode (CD005, CD025, CS089); sometimes a second contact of another Soort (TR101).
            xml.WriteStartElement(M, "Contact", MessageNamespace);
            Leaf(xml, M, "Soort", "01");
            xml.WriteStartElement(M, "Adres", MessageNamespace);
            xml.WriteStartElement(B, "Huis", BasisschemaNamespace);
            Leaf(xml, B, "Huisnummer", (1 + Pick(seed, 12, 300)).ToString(CultureInfo.InvariantCulture));
            xml.WriteEndElement();
            Leaf(xml, B, "Postcode", string.Create(CultureInfo.InvariantCulture, $"{1000 + Pick(seed, 13, 9000)}{(char)('A' + Pick(seed, 14, 26))}{(char)('A' + Pick(seed, 15, 26))}"));
            Leaf(xml, B, "Straatnaam", "Dorpsstraat");
            Leaf(xml, B, "Plaatsnaam", Plaatsen[Pick(seed, 16, Plaatsen.Length)]);
            Leaf(xml, B, "LandCode", "NL");
            xml.WriteEndElement();
            xml.WriteEndElement();
            if (Pick(seed, 17, 2) == 0)
            {
                xml.WriteStartElement(M, "Contact", MessageNamespace);
                Leaf(xml, M, "Soort", "02");
                Telefoon(xml, seed);
                xml.WriteEndElement();
            }

            xml.WriteEndElement(); // Contactgegevens

            xml.WriteStartElement(M, "ToegewezenProducten", MessageNamespace);
            var periodStart = options.Dagtekening.AddDays(-(int)Pick(seed, 18, 28));
            for (var i = 0; i < options.Producten; i++)
            {
                ToegewezenProduct(xml, options, seed, i, periodStart);
            }

            xml.WriteEndElement(); // ToegewezenProducten
            xml.WriteEndElement(); // Client
            xml.WriteEndElement(); // Bericht
            xml.WriteEndDocument();
        }

        return new Wmo301GeneratedSummary(options.Producten, bsn, counting.Bytes, counting.Lines + 1);
    }

    /// <summary>Writes the message to a new file at <paramref name="path"/> (overwritten if present).</summary>
    public static Wmo301GeneratedSummary WriteFile(string path, Wmo301GeneratorOptions? options = null)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 81_920);
        return Write(file, options);
    }

    /// <summary>The message as bytes.</summary>
    public static byte[] ToBytes(Wmo301GeneratorOptions? options = null)
    {
        using var memory = new MemoryStream();
        Write(memory, options);
        return memory.ToArray();
    }

    /// <summary>
    /// A batch of <paramref name="clients"/> 301s, one client each (distinct BSNs and
    /// identifications), with 4 to 10 products each and <see cref="Wmo301GeneratorOptions.Series"/> 1,
    /// so that the larger ones repeat a product in its next period. Seeds are 1..clients.
    /// </summary>
    public static IEnumerable<Wmo301GeneratorOptions> Batch(int clients)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, 1);
        var bsns = new TestBsnSequence();
        for (var n = 1; n <= clients; n++)
        {
            yield return new Wmo301GeneratorOptions
            {
                Producten = 4 + (n % 7),
                Series = 1,
                Seed = n,
                Bsn = bsns.Next(),
                Identificatie = string.Create(CultureInfo.InvariantCulture, $"GEN{n:D9}"),
                EersteToewijzingNummer = 1_000L * n,
            };
        }
    }

    private sealed record Kind(string Categorie, string CodePrefix, string Eenheid, string Frequentie, bool Hulpmiddel, bool Budget);

    private static void Check(Wmo301GeneratorOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Producten, 1, nameof(options));
        if (options.Series is < 1 or > 99)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Series must be 1 to 99 (two digits of a 5-character product code).");
        }

        if (options.Identificatie.Length is < 1 or > 12)
        {
            throw new ArgumentException("Identificatie must be 1 to 12 characters.", nameof(options));
        }

        if (options.Bsn is { } bsn && !Wmo323Generator.IsValidBsn(bsn))
        {
            throw new ArgumentException("Bsn must be 9 digits passing the 11-proef.", nameof(options));
        }

        if (options.EersteToewijzingNummer < 0 || options.EersteToewijzingNummer + options.Producten > 999_999_999)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "ToewijzingNummers must stay within 0..999999999 (LDT_Nummer).");
        }
    }

    private static void ToegewezenProduct(XmlWriter xml, Wmo301GeneratorOptions options, uint seed, int i, DateOnly periodStart)
    {
        var kind = Kinds[i % Kinds.Length];
        var within = i / Kinds.Length;
        // Budget allocations are told apart by category only, so they cycle over their own categories.
        var series = within % (kind.Budget ? BudgetCategories.Length : options.Series);
        var period = within / (kind.Budget ? BudgetCategories.Length : options.Series);
        var begin = periodStart.AddDays(period * (PeriodDays + 1));
        // The hulpmiddel's periods run three times as long, so each overlaps its own next one (allowed).
        var end = begin.AddDays(kind.Hulpmiddel ? (3 * PeriodDays) - 1 : PeriodDays - 1);
        var deleted = !kind.Hulpmiddel && i % DeletedEvery == DeletedEvery - 1;
        if (deleted)
        {
            // A deleted allocation inside the period of a live one of the same product (the one
            // before it, or for the first period the one after it): TR302 leaves it out.
            begin = begin.AddDays(period > 0 ? 2 - (PeriodDays + 1) : 2 + PeriodDays + 1);
            end = begin;
        }

        xml.WriteStartElement(M, "ToegewezenProduct", MessageNamespace);
        Leaf(xml, M, "ToewijzingNummer", Number(options.EersteToewijzingNummer + i));
        if (i % 2 == 0)
        {
            Leaf(xml, M, "ReferentieAanbieder", "AANB-" + Number(options.EersteToewijzingNummer + i));
        }

        xml.WriteStartElement(M, "Product", MessageNamespace);
        if (kind.Budget)
        {
            Leaf(xml, B, "Categorie", BudgetCategories[series]);
        }
        else
        {
            Leaf(xml, B, "Categorie", kind.Categorie);
            Leaf(xml, B, "Code", kind.CodePrefix + series.ToString("D2", CultureInfo.InvariantCulture));
        }

        xml.WriteEndElement();
        Leaf(xml, M, "Toewijzingsdatum", Date(options.Dagtekening.AddDays(-(int)Pick(seed, 100 + (uint)(i % 16), 3))));
        Leaf(xml, M, "Toewijzingstijd", string.Create(CultureInfo.InvariantCulture, $"{8 + Pick(seed, 200 + (uint)(i % 32), 10):D2}:{i % 60:D2}:{(i * 7) % 60:D2}"));
        Leaf(xml, M, "Ingangsdatum", Date(begin));
        Leaf(xml, M, "Einddatum", Date(end));
        if (deleted)
        {
            Leaf(xml, M, "RedenWijziging", "13");
        }

        if (kind.Budget)
        {
            // CD075: a Budget needs an Einddatum (there is one); CD077/CD078: no Omvang with it.
            Leaf(xml, M, "Budget", Number(10_000 + (100 * ((i * 37L) % 500))));
        }
        else
        {
            xml.WriteStartElement(M, "Omvang", MessageNamespace);
            Leaf(xml, B, "Volume", Number(1 + ((i * 7L) + seed) % 40));
            Leaf(xml, B, "Eenheid", kind.Eenheid);
            Leaf(xml, B, "Frequentie", kind.Frequentie);
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static void Naam(XmlWriter xml, string achternaam, string? partnernaam, string voornaam)
    {
        xml.WriteStartElement(M, "Naam", MessageNamespace);
        xml.WriteStartElement(B, "Geslachtsnaam", BasisschemaNamespace);
        Leaf(xml, B, "Achternaam", achternaam);
        xml.WriteEndElement();
        if (partnernaam is not null)
        {
            xml.WriteStartElement(B, "Partnernaam", BasisschemaNamespace);
            Leaf(xml, B, "Achternaam", partnernaam);
            xml.WriteEndElement();
        }

        Leaf(xml, B, "Voornamen", voornaam);
        Leaf(xml, B, "Voorletters", voornaam[..1]);
        // CS050: with a Partnernaam 1 to 4, without one 1 or 6.
        Leaf(xml, B, "NaamGebruik", partnernaam is null ? "1" : "2");
        xml.WriteEndElement();
    }

    private static void Telefoon(XmlWriter xml, uint seed)
    {
        xml.WriteStartElement(M, "Telefoon", MessageNamespace);
        xml.WriteStartElement(B, "Telefoon01", BasisschemaNamespace);
        Leaf(xml, B, "Telefoonnummer", string.Create(CultureInfo.InvariantCulture, $"06{10_000_000 + Pick(seed, 19, 89_999_999):D8}"));
        Leaf(xml, B, "Landnummer", "0031");
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    /// <summary>A deterministic number in 0..<paramref name="range"/>-1 from the seed and a salt (a SplitMix64 step; no shared Random state).</summary>
    private static uint Pick(uint seed, uint salt, int range)
    {
        var z = ((ulong)seed << 32 | salt) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (uint)(z % (ulong)range);
    }

    private static void Leaf(XmlWriter xml, string prefix, string name, string value) =>
        xml.WriteElementString(prefix, name, prefix == B ? BasisschemaNamespace : MessageNamespace, value);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
