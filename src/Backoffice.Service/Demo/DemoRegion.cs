using System.Globalization;
using System.Text;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Reference;

namespace Backoffice.Service.Demo;

/// <summary>
/// The demo region of <c>backoffice demo</c>, built deterministically (a seeded <see cref="Random"/>,
/// dates of the fixed demo year, no clock): a few hundred fictitious clients (test BSNs 99992xxxx,
/// which pass the 11-proef, names that are plainly made up) spread over the demo municipalities and
/// providers, on the demo arrangements (one unit a month, Eenheid 82, Frequentie 4) and the hour and
/// day-part products of the providers' contracts; an indication behind every allocation (two CSV
/// deliveries for the real import); the allocations as our WMO301s, some starting or ending
/// mid-month, some changed mid-month by a new 301 (the old allocation shortened, a new one from the
/// next day); and three months of WMO323s per provider and municipality, priced from the contract
/// tariffs, with corrections (a credit and a new debit in one later message) and lines that must be
/// rejected, each for a known reason. Every 323 carries what its 325 must say.
/// </summary>
/// <remarks>
/// Partial months of an arrangement are declared only at providers whose contract pays a partial
/// month in full (<see cref="ContractTariff.PartialMonthInFull"/>); elsewhere a mid-month start, end
/// or change happens on hour and day-part products, declared by the ISO weeks the period touches.
/// </remarks>
public static class DemoRegion
{
    public const int Year = 2026;

    public const int DefaultClients = 300;

    public const int DefaultSeed = 20260101;

    /// <summary>The municipalities of <c>deploy/demo/municipalities.csv</c>, with the place the fictitious addresses are in.</summary>
    public static readonly IReadOnlyList<(string Code, string Place)> Municipalities =
    [
        ("0363", "Amsterdam"), ("0384", "Diemen"), ("0362", "Amstelveen"), ("0437", "Ouderkerk aan de Amstel"), ("0358", "Aalsmeer"), ("0451", "Uithoorn"),
    ];

    /// <summary>The providers of <c>deploy/demo/providers.csv</c> and how many of the clients each serves, in percent.</summary>
    public static readonly IReadOnlyList<(string Agb, int Share)> Providers =
    [
        ("42420001", 35), ("65656055", 30), ("75750003", 25), ("98760004", 10),
    ];

    /// <summary>A ToewijzingNummer no allocation of the demo has: the line that names it is rejected with 9338.</summary>
    public const int UnallocatedNumber = 799_999;

    private static readonly string[] Surnames = ["Demo", "Voorbeeld", "Proefpersoon", "Fictief", "Testclient", "Bedacht"];

    private static DateOnly D(int month, int day) => new(Year, month, day);

    private static DateOnly MonthStart(int month) => D(month, 1);

    private static DateOnly MonthEnd(int month) => D(month, DateTime.DaysInMonth(Year, month));

    /// <summary>Builds the region from the products and contracts the import brought in.</summary>
    public static DemoPlan Build(IReadOnlyList<CatalogueProduct> products, IReadOnlyList<ContractTariff> contracts, int clients = DefaultClients, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentOutOfRangeException.ThrowIfLessThan(clients, Showcase.Length + 20);
        var offer = Offer(products, contracts);
        var random = new Random(seed);
        var bsns = TestBsns(99_992_000).Take(clients).ToList();
        var people = new List<DemoClient>(clients);
        for (var i = 0; i < clients; i++)
        {
            var role = i < Showcase.Length ? Showcase[i] : Random(random);
            people.Add(Client(i, role, bsns[i], offer, random));
        }

        var steps = new List<DemoStep>
        {
            new("allocations", D(1, 1).AddDays(-14), [.. people.Select(p => Message301(p, p.Allocations.Where(a => !a.FromChange).ToList(), D(1, 1).AddDays(-14), "TW" + p.Index.ToString("D5", CultureInfo.InvariantCulture)))], Indications(people, change: false), []),
            Declarations(people, 1, D(2, 5)),
            new("allocations changed mid-month", D(2, 10), [.. people.Where(p => p.Role == DemoRole.ChangedMidMonth).Select(p => Message301(p, [.. p.Allocations.Select(a => a.FromChange || a.Changed is null ? a : a with { Einddatum = a.Changed.Value, Decided = D(2, 10) })], D(2, 10), "TX" + p.Index.ToString("D5", CultureInfo.InvariantCulture)))], Indications(people, change: true), []),
            Declarations(people, 2, D(3, 5)),
            Declarations(people, 3, D(4, 6)),
        };
        return new DemoPlan(people, steps);
    }

    /// <summary>The clients whose part in the story is fixed, so every kind of line the demo shows is there whatever the seed.</summary>
    private static readonly DemoRole[] Showcase =
    [
        DemoRole.UnallocatedLine,
        DemoRole.DeclaredBeforeStart,
        DemoRole.DeclaredAfterEnd,
        DemoRole.WrongTariff,
        DemoRole.SecondDebit,
        DemoRole.TooMuchVolume,
        DemoRole.Corrected, DemoRole.Corrected, DemoRole.Corrected, DemoRole.Corrected, DemoRole.Corrected, DemoRole.Corrected,
        DemoRole.ChangedMidMonth, DemoRole.ChangedMidMonth,
        DemoRole.StartsMidMonth, DemoRole.EndsMidMonth,
    ];

    private static DemoRole Random(Random random) => random.Next(100) switch
    {
        < 70 => DemoRole.Regular,
        < 80 => DemoRole.StartsMidMonth,
        < 88 => DemoRole.EndsMidMonth,
        _ => DemoRole.ChangedMidMonth,
    };

    private sealed record ProviderOffer(string Agb, bool PartialMonthInFull, IReadOnlyList<DemoProduct> Arrangements, IReadOnlyList<DemoProduct> Hours);

    /// <summary>What each provider may deliver in the demo year: its contract lines valid on 1 January, with the catalogue's unit and frequency.</summary>
    private static List<ProviderOffer> Offer(IReadOnlyList<CatalogueProduct> products, IReadOnlyList<ContractTariff> contracts)
    {
        var catalogue = products.ToDictionary(p => (p.ProductCategorie, p.ProductCode));
        var offer = new List<ProviderOffer>();
        foreach (var (agb, _) in Providers)
        {
            var lines = contracts
                .Where(c => c.Provider == agb && c.Begindatum <= D(1, 1) && (c.Einddatum is not { } end || end >= D(12, 31)))
                .Where(c => catalogue.ContainsKey((c.ProductCategorie, c.ProductCode)))
                .OrderBy(c => c.ProductCategorie, StringComparer.Ordinal).ThenBy(c => c.ProductCode, StringComparer.Ordinal)
                .Select(c => (Contract: c, Product: catalogue[(c.ProductCategorie, c.ProductCode)]))
                .Where(l => l.Product.Eenheid == l.Contract.Eenheid)
                .ToList();
            if (lines.Count == 0)
            {
                throw new InvalidOperationException($"Provider {agb} has no contract line for {Year}: import deploy/demo first.");
            }

            DemoProduct Of((ContractTariff Contract, CatalogueProduct Product) l) =>
                new(l.Product.ProductCategorie, l.Product.ProductCode, l.Product.Eenheid, l.Product.Frequentie, l.Product.ArrangementCode, l.Contract.TariffCents);
            offer.Add(new ProviderOffer(
                agb,
                lines.Any(l => l.Contract.PartialMonthInFull),
                [.. lines.Where(l => l.Product is { Eenheid: "82", Frequentie: "4", ArrangementCode: not null }).Select(Of)],
                [.. lines.Where(l => l.Product is { Frequentie: "2", Eenheid: "04" or "16" }).Select(Of)]));
        }

        return offer;
    }

    private static DemoClient Client(int index, DemoRole role, string bsn, List<ProviderOffer> offer, Random random)
    {
        var municipality = Municipalities[random.Next(Municipalities.Count)];
        var (provider, arrangement) = role switch
        {
            // Partial arrangement months only where the contract pays them in full.
            DemoRole.DeclaredBeforeStart or DemoRole.DeclaredAfterEnd => (offer.First(o => o.PartialMonthInFull && o.Arrangements.Count > 0), true),
            DemoRole.WrongTariff or DemoRole.SecondDebit or DemoRole.TooMuchVolume or DemoRole.UnallocatedLine => (offer[index % 3], offer[index % 3].Arrangements.Count > 0),
            DemoRole.Corrected => (offer[index % offer.Count], false),
            _ => Pick(offer, random),
        };
        if (!arrangement && provider.Hours.Count == 0)
        {
            arrangement = true;
        }

        if (role is DemoRole.StartsMidMonth or DemoRole.EndsMidMonth or DemoRole.ChangedMidMonth && arrangement && !provider.PartialMonthInFull)
        {
            arrangement = provider.Hours.Count == 0;
            if (arrangement)
            {
                role = DemoRole.Regular; // no partial months on an arrangement this contract does not pay in full
            }
        }

        var product = arrangement ? provider.Arrangements[random.Next(provider.Arrangements.Count)] : provider.Hours[random.Next(provider.Hours.Count)];
        var weekly = arrangement ? 1 : 2 + random.Next(product.Eenheid == "16" ? 3 : 5);
        var number = 700_000 + index;
        var start = role switch
        {
            DemoRole.StartsMidMonth or DemoRole.DeclaredBeforeStart => random.Next(2) == 0 || role == DemoRole.DeclaredBeforeStart ? D(1, 19) : D(2, 9),
            _ => D(1, 1),
        };
        var end = role switch
        {
            DemoRole.EndsMidMonth or DemoRole.DeclaredAfterEnd => random.Next(2) == 0 || role == DemoRole.DeclaredAfterEnd ? D(2, 13) : D(3, 18),
            _ => D(12, 31),
        };
        var decided = D(1, 1).AddDays(-14);
        var at = new TimeOnly(8, 0).AddMinutes(index % 600);
        var first = new DemoAllocation(number, product, weekly, decided, at, start, end, role == DemoRole.ChangedMidMonth ? D(2, 15) : null, FromChange: false, 500_000 + index, decided.AddDays(-7));
        var allocations = new List<DemoAllocation> { first };
        if (role == DemoRole.ChangedMidMonth)
        {
            // The new allocation: a heavier arrangement, or more hours a week of the same product.
            var next = arrangement
                ? provider.Arrangements.Where(a => a.Code != product.Code).OrderBy(a => a.TariffCents).FirstOrDefault(a => a.TariffCents > product.TariffCents)
                    ?? provider.Arrangements.First(a => a.Code != product.Code)
                : product;
            allocations.Add(new DemoAllocation(750_000 + index, next, arrangement ? 1 : weekly + 1, D(2, 10), at, D(2, 16), D(12, 31), null, FromChange: true, 550_000 + index, D(2, 9)));
        }

        var name = Surnames[index % Surnames.Length] + "-" + (index + 1).ToString("D4", CultureInfo.InvariantCulture);
        return new DemoClient(index, bsn, municipality.Code, municipality.Place, provider.Agb, name, role, allocations);
    }

    private static (ProviderOffer Provider, bool Arrangement) Pick(List<ProviderOffer> offer, Random random)
    {
        var roll = random.Next(100);
        var provider = offer[^1];
        var sum = 0;
        foreach (var (o, (_, share)) in offer.Zip(Providers))
        {
            sum += share;
            if (roll < sum)
            {
                provider = o;
                break;
            }
        }

        var arrangement = provider.Arrangements.Count > 0 && (provider.Hours.Count == 0 || random.Next(4) != 0);
        return (provider, arrangement);
    }

    private static Wmo301 Message301(DemoClient client, IReadOnlyList<DemoAllocation> allocations, DateOnly dagtekening, string identificatie) => new(
        new Header(client.Municipality, client.Provider, new BerichtIdentificatie(identificatie, dagtekening), XsdVersie.Iwmo32),
        new ToewijzingClient(
            new ToewijzingClientGegevens(
                client.Bsn,
                new Geboortedatum(new DateOnly(1935, 1, 1).AddDays(client.Index * 53 % 20_000)),
                client.Index % 2 == 0 ? "2" : "1",
                new VolledigeNaam(new Achternaamgegevens(client.Surname), null, null, "D", "1"),
                null,
                null,
                null,
                null),
            [],
            [new Contact("01", new Adres(new Huis(1 + (client.Index % 199)), "1111AA", "Demostraat", client.Place, "NL"))],
            [.. allocations.Select(a => a.ToToegewezenProduct())]));

    /// <summary>The indications behind the allocations: the first delivery (before the first 301s), or the one behind the mid-month changes.</summary>
    private static IReadOnlyList<DemoIndication> Indications(List<DemoClient> people, bool change) =>
    [
        .. people.SelectMany(p => p.Allocations.Where(a => a.FromChange == change).Select(a => new DemoIndication(
            a.IndicationNumber, p.Municipality, p.Bsn, a.Product, a.Ingangsdatum, D(12, 31), a.IndicationDecided))),
    ];

    /// <summary>The indications as the <c>indications</c> CSV of the import (README, Reference data).</summary>
    public static string IndicationsCsv(IEnumerable<DemoIndication> indications)
    {
        ArgumentNullException.ThrowIfNull(indications);
        var csv = new StringBuilder("indication_number,municipality,bsn,product_categorie,product_code,arrangement_code,begindatum,einddatum,decision_date,status\n");
        foreach (var i in indications)
        {
            var product = i.Product.ArrangementCode is { } arrangement ? $",,{arrangement}" : $"{i.Product.Categorie},{i.Product.Code},";
            csv.Append(CultureInfo.InvariantCulture, $"{i.Number},{i.Municipality},{i.Bsn},{product},{Day(i.Begindatum)},{Day(i.Einddatum)},{Day(i.Decided)},active\n");
        }

        return csv.ToString();
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One month's 323s, one per provider and municipality that has lines, sent and processed on <paramref name="day"/>.</summary>
    private static DemoStep Declarations(List<DemoClient> people, int month, DateOnly day)
    {
        var lines = new List<PlannedLine>();
        foreach (var p in people)
        {
            lines.AddRange(LinesOf(p, month));
        }

        var messages = new List<IwmoMessage>();
        var expectations = new List<DemoExpectation>();
        foreach (var group in lines.GroupBy(l => (l.Client.Provider, l.Client.Municipality)).OrderBy(g => g.Key.Provider, StringComparer.Ordinal).ThenBy(g => g.Key.Municipality, StringComparer.Ordinal))
        {
            var (provider, municipality) = group.Key;
            var nummer = string.Create(CultureInfo.InvariantCulture, $"D{Year % 100:D2}{month:D2}{municipality}");
            var clienten = group
                .GroupBy(l => l.Client.Bsn, StringComparer.Ordinal)
                .Select(c => new DeclaratieClient(c.Key, [.. c.Select(l => l.Prestatie)]))
                .ToArray();
            var total = group.Sum(l => l.Signed);
            messages.Add(new Wmo323(
                new Header(provider, municipality, new BerichtIdentificatie(nummer, day), XsdVersie.Iwmo32),
                new Declaratie(
                    nummer,
                    new GeslotenPeriode(MonthStart(month), MonthEnd(month)),
                    day,
                    new TotaalBedragMetDC(Math.Abs(total), total < 0 ? DebetCredit.Credit : DebetCredit.Debet),
                    [.. clienten])));
            expectations.Add(new DemoExpectation(
                provider,
                nummer,
                string.Create(CultureInfo.InvariantCulture, $"{Year}-{month:D2}"),
                group.Count(),
                group.Where(l => l.ExpectedCode is null).Sum(l => l.Signed),
                group.Where(l => l.ExpectedCode is not null).ToDictionary(l => l.Prestatie.ProductReferentie.ReferentieNummer, l => l.ExpectedCode!, StringComparer.Ordinal),
                group.Where(l => l.Prestatie.IngediendBedrag.DebetCredit == DebetCredit.Credit && l.ExpectedCode is null).Select(l => (l.Prestatie.ProductReferentie.ReferentieNummer, l.Prestatie.ProductReferentie.VorigReferentieNummer!)).ToList()));
        }

        return new DemoStep(string.Create(CultureInfo.InvariantCulture, $"declarations {Year}-{month:D2}"), day, messages, [], expectations);
    }

    private sealed record PlannedLine(DemoClient Client, Prestatie Prestatie, string? ExpectedCode)
    {
        public long Signed => Prestatie.IngediendBedrag.Cents;
    }

    /// <summary>The lines <paramref name="client"/>'s provider declares in the 323 of <paramref name="month"/>.</summary>
    private static IEnumerable<PlannedLine> LinesOf(DemoClient client, int month)
    {
        var sequence = 0;
        string Reference(char kind) => string.Create(CultureInfo.InvariantCulture, $"{kind}{month:D2}{client.Index:D5}{sequence++:D2}");

        foreach (var a in client.Allocations)
        {
            // The allocation as the provider knows it when it declares: the change of 10 February is known from the February 323 on.
            var end = a.Changed is { } changed && month >= 2 ? changed : a.Einddatum;
            if (Overlap(a.Ingangsdatum, end, month) is not { } period)
            {
                continue;
            }

            var line = Line(a, period, Reference('R'));
            string? code = null;
            switch (client.Role)
            {
                case DemoRole.DeclaredBeforeStart when month == 1:
                    line = line with { ProductPeriode = new GeslotenPeriode(MonthStart(1), MonthEnd(1)) }; // TR307: before the Ingangsdatum
                    code = "9307";
                    break;
                case DemoRole.DeclaredAfterEnd when month == 2:
                    line = line with { ProductPeriode = new GeslotenPeriode(MonthStart(2), MonthEnd(2)) }; // TR308: after the Einddatum
                    code = "9308";
                    break;
                case DemoRole.WrongTariff when month == 2:
                    line = Priced(line, line.ProductTarief!.Value + 1_000); // TR418: not the contract's tariff (TR346 holds)
                    code = "0611";
                    break;
                case DemoRole.TooMuchVolume when month == 3:
                    line = Priced(line with { GeleverdVolume = line.GeleverdVolume * 2 }, line.ProductTarief!.Value); // TR321: twice the month's volume
                    code = "9321";
                    break;
                default:
                    break;
            }

            yield return new PlannedLine(client, line, code);

            if (month == 1 && client.Role == DemoRole.UnallocatedLine)
            {
                yield return new PlannedLine(client, line with { ProductReferentie = new Referentie(Reference('R')), ToewijzingNummer = UnallocatedNumber }, "9338");
            }
        }

        var own = client.Allocations[0];
        switch (client.Role)
        {
            // Late lines for earlier months go in the current declaration (IV090): the months refused before, now declared right.
            case DemoRole.DeclaredBeforeStart when month == 2:
                yield return new PlannedLine(client, Line(own, Overlap(own.Ingangsdatum, own.Einddatum, 1)!, Reference('R')), null);
                break;
            case DemoRole.DeclaredAfterEnd when month == 3:
                yield return new PlannedLine(client, Line(own, Overlap(own.Ingangsdatum, own.Einddatum, 2)!, Reference('R')), null);
                break;
            case DemoRole.WrongTariff when month == 3:
                {
                    var rejected = Priced(Line(own, Overlap(own.Ingangsdatum, own.Einddatum, 2)!, RefOf(client, 2, 0)), own.Product.TariffCents + 1_000);
                    // TR323: a credit of the rejected line names no approved debit (8017); the line declared again at the right tariff passes.
                    yield return new PlannedLine(client, Credit(rejected, Reference('C')), "8017");
                    yield return new PlannedLine(client, Line(own, rejected.ProductPeriode, Reference('R')), null);
                    break;
                }

            case DemoRole.SecondDebit when month == 3:
                // TR389: January declared and approved, declared again without a credit.
                yield return new PlannedLine(client, Line(own, Overlap(own.Ingangsdatum, own.Einddatum, 1)!, Reference('R')), "9389");
                break;
            case DemoRole.Corrected when month == 3:
                {
                    // The correction of IV091: January's approved debit credited and declared anew, one week fewer, in one message (OP366).
                    var january = Line(own, Overlap(own.Ingangsdatum, own.Einddatum, 1)!, RefOf(client, 1, 0));
                    yield return new PlannedLine(client, Credit(january, Reference('C')), null);
                    yield return new PlannedLine(client, Priced(january with { ProductReferentie = new Referentie(Reference('R')), GeleverdVolume = january.GeleverdVolume - own.Weekly }, january.ProductTarief!.Value), null);
                    break;
                }

            default:
                break;
        }
    }

    /// <summary>The reference of the <paramref name="n"/>-th line of <paramref name="client"/> in the 323 of <paramref name="month"/>.</summary>
    private static string RefOf(DemoClient client, int month, int n) => string.Create(CultureInfo.InvariantCulture, $"R{month:D2}{client.Index:D5}{n:D2}");

    private static Prestatie Credit(Prestatie debit, string referentie) => debit with
    {
        ProductReferentie = new Referentie(referentie, debit.ProductReferentie.ReferentieNummer),
        IngediendBedrag = debit.IngediendBedrag with { DebetCredit = DebetCredit.Credit },
    };

    private static Prestatie Priced(Prestatie line, long tarief) => line with
    {
        ProductTarief = tarief,
        IngediendBedrag = new BedragMetDC(checked(line.GeleverdVolume * tarief), DebetCredit.Debet),
    };

    /// <summary>
    /// A debit at the contract tariff: one unit for an arrangement month (Frequentie 4, IV078), for
    /// hours and day parts the week volume times the ISO weeks the period touches, at most four
    /// (TR321 allows every touched week, IV077; TR322 the allocation's weeks).
    /// </summary>
    private static Prestatie Line(DemoAllocation a, GeslotenPeriode period, string referentie)
    {
        var volume = a.Product.Frequentie == "4" ? 1 : Math.Min(4, IsoWeeks(period)) * a.Weekly;
        return new Prestatie(
            new Referentie(referentie),
            a.Number,
            a.Product.Categorie,
            a.Product.Code,
            period,
            volume,
            a.Product.Eenheid,
            a.Product.TariffCents,
            new BedragMetDC(checked(volume * a.Product.TariffCents), DebetCredit.Debet));
    }

    private static GeslotenPeriode? Overlap(DateOnly start, DateOnly end, int month)
    {
        var first = start > MonthStart(month) ? start : MonthStart(month);
        var last = end < MonthEnd(month) ? end : MonthEnd(month);
        return first <= last ? new GeslotenPeriode(first, last) : null;
    }

    private static int IsoWeeks(GeslotenPeriode period)
    {
        var weeks = new HashSet<(int, int)>();
        for (var day = period.Begindatum; day <= period.Einddatum; day = day.AddDays(1))
        {
            var date = day.ToDateTime(TimeOnly.MinValue);
            weeks.Add((ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date)));
        }

        return weeks.Count;
    }

    /// <summary>
    /// Test BSNs from the eight-digit <paramref name="firstPrefix"/> onwards (99992000x for this
    /// region, apart from the ten of <c>deploy/demo/indications.csv</c>) that pass the 11-proef;
    /// prefixes whose check digit would be 10 are skipped.
    /// </summary>
    internal static IEnumerable<string> TestBsns(int firstPrefix)
    {
        for (var prefix = firstPrefix; prefix <= 99_999_999; prefix++)
        {
            var digits = prefix.ToString("D8", CultureInfo.InvariantCulture);
            var sum = 0;
            for (var i = 0; i < 8; i++)
            {
                sum += (digits[i] - '0') * (9 - i);
            }

            if (sum % 11 < 10)
            {
                yield return digits + (char)('0' + (sum % 11));
            }
        }
    }
}

/// <summary>What a client's story in the demo is.</summary>
public enum DemoRole
{
    Regular,
    StartsMidMonth,
    EndsMidMonth,
    ChangedMidMonth,
    UnallocatedLine,
    DeclaredBeforeStart,
    DeclaredAfterEnd,
    WrongTariff,
    SecondDebit,
    TooMuchVolume,
    Corrected,
}

/// <summary>A product a provider's contract offers in the demo year, with the catalogue's unit and frequency and the contract tariff (eurocents per unit).</summary>
public sealed record DemoProduct(string Categorie, string Code, string Eenheid, string Frequentie, string? ArrangementCode, long TariffCents);

/// <summary>The whole demo: its clients and the steps that tell their story, in order.</summary>
public sealed record DemoPlan(IReadOnlyList<DemoClient> Clients, IReadOnlyList<DemoStep> Steps);

/// <summary>
/// One batch: the indications imported before it (a CSV delivery), the messages dropped into the
/// inbox, the processing date it runs on (so TR135 holds for each message's Dagtekening), and for a
/// month of declarations what every 325 must say.
/// </summary>
public sealed record DemoStep(string What, DateOnly ProcessingDate, IReadOnlyList<IwmoMessage> Messages, IReadOnlyList<DemoIndication> Indications, IReadOnlyList<DemoExpectation> Declarations);

public sealed record DemoIndication(int Number, string Municipality, string Bsn, DemoProduct Product, DateOnly Begindatum, DateOnly Einddatum, DateOnly Decided);

/// <summary>What the 325 on one 323 must say: the amount awarded (debit minus credit of the lines that pass), the code of every line that must be rejected, by its ReferentieNummer, and which approved credit undoes which debit.</summary>
public sealed record DemoExpectation(
    string Provider,
    string Identificatie,
    string Month,
    int Lines,
    long ToegekendCents,
    IReadOnlyDictionary<string, string> Rejected,
    IReadOnlyList<(string Credit, string Debit)> Credits);

public sealed record DemoClient(int Index, string Bsn, string Municipality, string Place, string Provider, string Surname, DemoRole Role, IReadOnlyList<DemoAllocation> Allocations);

/// <summary>One allocation; <paramref name="Changed"/> is the Einddatum the mid-month change of 10 February gives it.</summary>
public sealed record DemoAllocation(
    int Number,
    DemoProduct Product,
    int Weekly,
    DateOnly Decided,
    TimeOnly DecidedAt,
    DateOnly Ingangsdatum,
    DateOnly Einddatum,
    DateOnly? Changed,
    bool FromChange,
    int IndicationNumber,
    DateOnly IndicationDecided)
{
    /// <summary>The version as our 301 sends it: a shortened one carries RedenWijziging 05 (Herbeoordeling: verkorting).</summary>
    public ToegewezenProduct ToToegewezenProduct() => new(
        Number,
        null,
        new Product(Product.Categorie, Product.Code),
        Decided,
        DecidedAt,
        Ingangsdatum,
        Einddatum,
        Changed is { } changed && Einddatum == changed ? "05" : null,
        new Omvang(Weekly, Product.Eenheid, Product.Frequentie),
        null,
        null);
}
