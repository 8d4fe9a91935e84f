using Backoffice.Core.Declarations;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Reference;
using Backoffice.Core.Register;
using NUnit.Framework;
using Backoffice.Core.Tests.Register;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>
/// Declarations built in code for the prestatie rules (iwmo-3.2.md §8.2, §8.3): Diemen, one provider,
/// the declaration period March 2026. Allocation 101 is <c>RegisterSamples.Bsn</c>'s, 201 is
/// <c>RegisterSamples.OtherBsn</c>'s, both 4 hours a week of 02A01 for 2026 at € 64,80 an hour.
/// <see cref="Around"/> puts the line a test is about third under the second Client, after lines that
/// must stay approved, so every test also shows that a rejected line rejects nothing else.
/// </summary>
internal static class DeclarationCases
{
    public const string Municipality = RegisterSamples.Municipality;
    public const string Provider = RegisterSamples.Provider;
    public const string Bsn = RegisterSamples.Bsn;
    public const string OtherBsn = RegisterSamples.OtherBsn;

    /// <summary>€ 64,80 an hour, the contract tariff of every product in hours.</summary>
    public const int Hours = 6480;

    /// <summary>The path of the third Prestatie of the second Client: where <see cref="Around"/> puts the line under test.</summary>
    public const string Third = "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]";

    public static readonly GeslotenPeriode March = Month(3);

    public static GeslotenPeriode Month(int month) => new(new DateOnly(2026, month, 1), new DateOnly(2026, month, DateTime.DaysInMonth(2026, month)));

    public static GeslotenPeriode Days(int month, int first, int last) => new(new DateOnly(2026, month, first), new DateOnly(2026, month, last));

    /// <summary>An allocation version of 2026, 4 hours a week of 02A01 unless told otherwise.</summary>
    public static ToegewezenProduct Allocation(
        int number,
        Product? product = null,
        DateOnly? ingang = null,
        DateOnly? eind = null,
        Omvang? omvang = null,
        long? budget = null,
        string? reden = null,
        bool noProduct = false,
        bool noOmvang = false) =>
        new(
            number,
            ReferentieAanbieder: null,
            noProduct ? null : product ?? new Product("02", "02A01"),
            Toewijzingsdatum: new DateOnly(2025, 12, 1),
            Toewijzingstijd: new TimeOnly(10, 0),
            Ingangsdatum: ingang ?? new DateOnly(2026, 1, 1),
            Einddatum: eind ?? new DateOnly(2026, 12, 31),
            RedenWijziging: reden,
            noOmvang ? null : omvang ?? new Omvang(4, "04", "2"),
            Budget: budget,
            Commentaar: null);

    /// <summary>A recorded version of an allocation of this provider in Diemen, unless told otherwise.</summary>
    public static RecordedAllocation Recorded(ToegewezenProduct version, long id, string bsn = OtherBsn, string provider = Provider, string municipality = Municipality) =>
        RegisterSamples.Recorded(version, id, bsn, provider, municipality);

    public static readonly RecordedAllocation A101 = Recorded(Allocation(101), id: 101, bsn: Bsn);
    public static readonly RecordedAllocation A201 = Recorded(Allocation(201), id: 201, bsn: OtherBsn);

    /// <summary>The catalogue: categories 01, 02, 03 and 04 (04A01 declared in Euro's), inspanningsgericht.</summary>
    public static readonly CatalogueProduct[] Products =
    [
        Catalogue("01", "01A01", "04", "2"),
        Catalogue("02", "02A01", "04", "2"),
        Catalogue("02", "02A02", "04", "2"),
        Catalogue("03", "03A01", "04", "2"),
        Catalogue("04", "04A01", "83", "6"),
    ];

    /// <summary>The provider's contract: every catalogue product at € 64,80 an hour, 04A01 in Euro's.</summary>
    public static readonly ContractTariff[] Contracts =
    [
        Contract("01", "01A01"),
        Contract("02", "02A01"),
        Contract("02", "02A02"),
        Contract("03", "03A01"),
        Contract("04", "04A01", tariff: 0, eenheid: "83"),
    ];

    public static CatalogueProduct Catalogue(string categorie, string code, string eenheid, string frequentie, DateOnly? begin = null) =>
        new(categorie, code, 1, "product " + code, eenheid, frequentie, FinancingForm.Inspanningsgericht, null, begin ?? new DateOnly(2020, 1, 1), null);

    public static ContractTariff Contract(string categorie, string code, long tariff = Hours, string eenheid = "04", string provider = Provider, DateOnly? begin = null, DateOnly? eind = null, bool partialMonthInFull = false) =>
        new(provider, categorie, code, 1, begin ?? new DateOnly(2020, 1, 1), eind, tariff, eenheid, partialMonthInFull);

    /// <summary>
    /// One Prestatie: hours of 02A01 on allocation 201 in March at the contract tariff unless told
    /// otherwise. The amount is what TR346 expects of it under the hour contract (minutes go through
    /// IV081's conversion, Euro's carry their volume) unless given.
    /// </summary>
    public static Prestatie Line(
        string referentie,
        int nummer = 201,
        GeslotenPeriode? periode = null,
        long volume = 10,
        string eenheid = "04",
        long? tarief = null,
        long? bedrag = null,
        string categorie = "02",
        string code = "02A01",
        DebetCredit dc = DebetCredit.Debet,
        string? vorig = null)
    {
        long? productTarief = eenheid == "83" ? null : tarief ?? (eenheid == "01" ? Amounts.PerMinuteTariff(Hours) : Hours);
        var line = new Prestatie(
            new Referentie(referentie, vorig), nummer, categorie, code, periode ?? March, volume, eenheid, productTarief, new BedragMetDC(0, dc));
        return line with
        {
            IngediendBedrag = new BedragMetDC(
                bedrag ?? Amounts.ExpectedIngediendBedrag(line, Contract(categorie, code)) ?? volume, dc),
        };
    }

    /// <summary>The credit of <paramref name="debit"/> (IV091): its copy with a new ReferentieNummer, VorigReferentieNummer and C.</summary>
    public static Prestatie CreditOf(Prestatie debit, string referentie) => debit with
    {
        ProductReferentie = new Referentie(referentie, debit.ProductReferentie.ReferentieNummer),
        IngediendBedrag = debit.IngediendBedrag with { DebetCredit = DebetCredit.Credit },
    };

    public static DeclaratieClient Client(string bsn, params Prestatie[] lines) => new(bsn, [.. lines]);

    /// <summary>A 323 of the provider to Diemen for March 2026, its total the lines' debit minus credit (TR358).</summary>
    public static Wmo323 Message(params DeclaratieClient[] clients)
    {
        var total = clients.SelectMany(c => c.Prestaties).Sum(p => p.IngediendBedrag.Cents);
        return new Wmo323(
            RegisterSamples.Header("DECL0001", new DateOnly(2026, 4, 2), afzender: Provider, ontvanger: Municipality),
            new Declaratie(
                "D202603",
                March,
                new DateOnly(2026, 4, 2),
                new TotaalBedragMetDC(Math.Abs(total), total < 0 ? DebetCredit.Credit : DebetCredit.Debet),
                [.. clients]));
    }

    /// <summary>
    /// <paramref name="subject"/> as the third Prestatie of the second Client (<see cref="Third"/>),
    /// after a January and a February line on 201; the first Client declares March on 101.
    /// </summary>
    public static Wmo323 Around(Prestatie subject) =>
        Message(
            Client(Bsn, Line("BG-101-03", 101)),
            Client(OtherBsn, Line("BG-201-01", periode: Month(1)), Line("BG-201-02", periode: Month(2)), subject));

    /// <summary>An earlier line of this provider as the register recorded it, approved unless told.</summary>
    public static RecordedPrestatie Earlier(Prestatie line, long id, bool approved = true, string bsn = OtherBsn, string municipality = Municipality, long? creditsId = null) =>
        new(
            id, 1, municipality, bsn, line.ProductReferentie.ReferentieNummer, line.ProductReferentie.VorigReferentieNummer, line.ToewijzingNummer,
            line.ProductCategorie, line.ProductCode, line.ProductPeriode, line.GeleverdVolume, line.Eenheid, line.IngediendBedrag.Bedrag,
            line.IngediendBedrag.DebetCredit, approved, creditsId);

    /// <summary>The register before the 323: 101 and 201 and <paramref name="more"/>, the catalogue and contract above unless given.</summary>
    public static RegisterView View(
        RecordedAllocation[]? more = null,
        RecordedPrestatie[]? earlier = null,
        ContractTariff[]? contracts = null,
        CatalogueProduct[]? products = null,
        bool declaratieNummerUsed = false,
        DateOnly? latestPeriod = null,
        bool without101And201 = false,
        RegionalRules? regional = null) =>
        RegisterView.Empty(new DateOnly(2026, 4, 3)) with
        {
            Allocations = [.. without101And201 ? [] : new[] { A101, A201 }, .. more ?? []],
            Declarations = new DeclarationHistory(
                earlier ?? [], declaratieNummerUsed, latestPeriod, products ?? Products, contracts ?? Contracts, regional ?? RegionalRules.National),
        };

    public static IReadOnlyList<LineVerdict> Run(Wmo323 message, RegisterView view) => PrestatieWalk.Run(message, view, PrestatieWalk.Standard);

    /// <summary>Every line approved.</summary>
    public static void AllApproved(IReadOnlyList<LineVerdict> verdicts) =>
        Assert.That(verdicts.Where(v => !v.Approved).Select(v => $"{v.Client}/{v.Index}: {string.Join(", ", v.Findings.Select(f => $"{f.Rule} {f.Retourcode} {f.Path}"))}"), Is.Empty);

    /// <summary>The line at (<paramref name="client"/>, <paramref name="index"/>), 0-based, has exactly this one finding, and every other line is approved.</summary>
    public static void OnlyRejected(IReadOnlyList<LineVerdict> verdicts, int client, int index, string rule, string retourcode, string path)
    {
        var line = verdicts.Single(v => v.Client == client && v.Index == index);
        Assert.That(line.Findings.Select(f => (f.Rule, f.Retourcode, f.Path)), Is.EqualTo(new[] { ((string?)rule, (string?)retourcode, (string?)path) }));
        AllApproved([.. verdicts.Where(v => v != line)]);
    }

    /// <summary><see cref="OnlyRejected"/> for the line <see cref="Around"/> puts third under the second Client.</summary>
    public static void ThirdRejected(IReadOnlyList<LineVerdict> verdicts, string rule, string retourcode, string child) =>
        OnlyRejected(verdicts, 1, 2, rule, retourcode, Third + child);
}
