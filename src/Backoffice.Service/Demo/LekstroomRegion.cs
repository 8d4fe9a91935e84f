using System.Globalization;
using Backoffice.Core.Declarations;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Reference;

namespace Backoffice.Service.Demo;

/// <summary>
/// <c>backoffice demo --region lekstroom-2020</c>: a year of a region calibrated to the figures the
/// Lekstroom purchasing strategy publishes for 2020 (<see cref="Published"/>), on the calendar of
/// <see cref="Year"/> (2021: CS100 refuses a 323 period before 2021-01-01, and the year goes through
/// the real path only): clients
/// and spend per municipality, and over the four municipalities of its provider table the 49
/// providers, the spend of the 7 and the 12 largest and the tail of providers with fewer than 7
/// clients. Clients (test BSNs), providers (AGB 9799xxxx, "Demo nn (fictief)") and tariffs (the demo
/// catalogue's, <c>deploy/demo/lekstroom-2020</c>) are fictitious; only the published totals are real.
/// </summary>
/// <remarks>
/// The generator plans the money first and the people second, deterministically (a seeded
/// <see cref="Random"/>, no clock): a spend per provider that meets the published concentration,
/// a client count per provider (the tail below 7), both split over the municipalities so that every
/// municipality's clients and spend are met exactly; then per provider and municipality the clients'
/// trajectories (starts on 1 January or mid-year, planned ends with RedenBeeindiging 19, early ends
/// with other reasons, re-allocations to a heavier or lighter cell), most on monthly arrangements
/// (Eenheid 82, one unit a month at the contract tariff, a broken month paid in full as the contract
/// says), the rest on individual support per hour declared in minutes at EUR 60.00 an hour (IV081:
/// exactly one euro a minute), which takes up the remainder of the cell to the euro; where a cent
/// remains, household help at EUR 33.40 an hour, in minutes, whose IV081 rounding reaches every
/// cent within 104 minutes. Every euro then passes the real rules (TR346, TR418, TR321/TR322 with
/// the allocation's hours a week chosen to hold the minutes), and a few corrections and rejected lines
/// change nothing of what is approved.
/// </remarks>
public static class LekstroomRegion
{
    public const string Name = "lekstroom-2020";

    /// <summary>The calendar year the 2020 figures are delivered and declared in: the first a WMO323 may carry (CS100).</summary>
    public const int Year = 2021;

    public const int Seed = 20200101;

    /// <summary>The published figures of the Lekstroom strategy for 2020, as the issue quotes them.</summary>
    public static PublishedFigures Published { get; } = new(
        [
            new("0321", "Houten", 363, 214_586_800),
            new("0353", "IJsselstein", 242, 106_680_500),
            new("0331", "Lopik", 66, 30_667_700),
            new("0356", "Nieuwegein", 886, 320_706_900),
            new("1961", "Vijfheerenlanden", 320, 122_696_541),
        ],
        TotalClients: 1_877,
        TotalCents: 795_338_441,
        ProviderTableMunicipalities: ["0321", "0353", "0331", "0356"],
        Providers: 49,
        ProviderTableCents: 672_641_900,
        Largest7Cents: 538_113_500,
        Largest12Cents: 606_847_600,
        Carrying80: 7,
        Carrying90: 12,
        SmallProviders: 27,
        SmallProvidersCents: 22_564_500);

    /// <summary>The fictitious AGB code of the provider of rank <paramref name="rank"/> in the provider table (1 to 49), or of the Vijfheerenlanden-only providers (1001 to 1003).</summary>
    public static string Agb(int rank) => string.Create(CultureInfo.InvariantCulture, $"9799{rank:D4}");

    /// <summary>Every provider of the region (<c>providers.csv</c>): the 49 of the table, then the three only in Vijfheerenlanden.</summary>
    public static IReadOnlyList<string> Providers { get; } = [.. Enumerable.Range(1, 49).Select(Agb), .. Enumerable.Range(1001, 3).Select(Agb)];

    /// <summary>The spend groups by rank, in whole euros, each split geometrically (ratio) with the last taking the rest: the published sums of ranks 1-7 and 8-12, the rest of the providers with 7 clients or more (13-22), and the tail (23-49).</summary>
    private static readonly (int Count, long Euros, double Ratio)[] SpendGroups =
    [
        (7, 5_381_135, 0.72), (5, 6_068_476 - 5_381_135, 0.80), (10, 6_726_419 - 6_068_476 - 225_645, 0.88), (27, 225_645, 0.93),
    ];

    private const string Begeleiding = "02A01";
    private const string Huishoudelijk = "01A01";
    private const int Unallocated = 99_999_999;

    private static DateOnly D(int month, int day) => new(Year, month, day);

    private static DateOnly MonthStart(int month) => D(month, 1);

    private static DateOnly MonthEnd(int month) => D(month, DateTime.DaysInMonth(Year, month));

    /// <summary>Step A{m}: the 301s (and the indications behind them) of what starts, changes or ends in month m, decided before it.</summary>
    private static DateOnly AllocationDay(int month) => month == 1 ? new DateOnly(Year - 1, 12, 16) : D(month - 1, 20);

    /// <summary>Step B{m}: the providers' 305s and 307s of month m and its 323s, early in the next month.</summary>
    private static DateOnly DeclarationDay(int month) => month == 12 ? new DateOnly(Year + 1, 1, 6) : D(month + 1, 6);

    /// <summary>The place the fictitious addresses of a municipality's clients are in.</summary>
    private static string PlaceOf(string municipality) => municipality switch
    {
        "0321" => "Houten",
        "0353" => "IJsselstein",
        "0331" => "Lopik",
        "0356" => "Nieuwegein",
        _ => "Vianen",
    };

    /// <summary>Builds the year from the products and contracts the import brought in.</summary>
    public static DemoPlan Build(IReadOnlyList<CatalogueProduct> products, IReadOnlyList<ContractTariff> contracts)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(contracts);
        var offer = Offers(products, contracts);
        var random = new Random(Seed);
        var cells = Cells();
        var bsns = DemoRegion.TestBsns(99_993_000).GetEnumerator();
        var people = new List<Person>();
        foreach (var cell in cells)
        {
            people.AddRange(Populate(cell, offer[cell.Provider], people.Count, bsns, random));
        }

        PickShowcases(people);
        var steps = new List<DemoStep> { AllocationStep(people, 1) };
        for (var month = 2; month <= 13; month++)
        {
            steps.Add(AllocationStep(people, month));
            steps.Add(DeclarationStep(people, month - 1));
        }

        return new DemoPlan([.. people.Select(p => p.ToDemoClient())], [.. steps.Where(s => s.Messages.Count > 0)]);
    }

    // ---- the money: provider spend, clients, and their split over the municipalities ----

    private sealed record Cell(string Provider, string Municipality, int Clients, long Cents);

    /// <summary>Every provider and municipality with its clients and spend, meeting the published figures exactly.</summary>
    private static List<Cell> Cells()
    {
        var four = Published.ProviderTableMunicipalities;
        var target = Published.Municipalities.ToDictionary(m => m.Code, StringComparer.Ordinal);
        var spend = new List<long>();
        foreach (var (count, groupEuros, ratio) in SpendGroups)
        {
            spend.AddRange(Split(groupEuros, count, ratio));
        }

        CheckConcentration(spend);
        var n = spend.Count;
        var clients = new int[n];
        for (var i = 22; i < n; i++)
        {
            clients[i] = (int)Math.Clamp(Math.Round(spend[i] / 3_000.0), 1, Data.Steering.ProviderConcentration.SmallProviderClients - 1);
        }

        for (var i = 12; i < 22; i++)
        {
            clients[i] = Math.Max(Data.Steering.ProviderConcentration.SmallProviderClients, (int)Math.Round(spend[i] / 4_300.0));
        }

        var fourClients = four.Sum(m => target[m].Clients);
        var rest = fourClients - clients.Sum();
        var large = LargestRemainder(rest, [.. spend.Take(12).Select(s => (double)s)]);
        for (var i = 0; i < large.Length; i++)
        {
            clients[i] = (int)large[i];
        }

        // Clients over the municipalities: the tail each in one municipality (the one furthest behind
        // its share), ranks 13-22 in proportion, ranks 1-12 what is left, the largest last so it
        // takes every municipality's remainder exactly.
        var cells = new int[n, four.Count];
        var assigned = new int[four.Count];
        for (var i = 22; i < n; i++)
        {
            var done = assigned.Sum() + clients[i];
            var j = Enumerable.Range(0, four.Count).MaxBy(j => (target[four[j]].Clients * (double)done / fourClients) - assigned[j]);
            cells[i, j] = clients[i];
            assigned[j] += clients[i];
        }

        for (var i = 12; i < 22; i++)
        {
            var split = LargestRemainder(clients[i], [.. four.Select(m => (double)target[m].Clients)]);
            for (var j = 0; j < four.Count; j++)
            {
                cells[i, j] = (int)split[j];
                assigned[j] += (int)split[j];
            }
        }

        var left = four.Select((m, j) => target[m].Clients - assigned[j]).ToArray();
        for (var i = 11; i >= 1; i--)
        {
            var split = LargestRemainder(clients[i], [.. left.Select(l => (double)Math.Max(l, 0))]);
            for (var j = 0; j < four.Count; j++)
            {
                cells[i, j] = (int)split[j];
                left[j] -= (int)split[j];
            }
        }

        for (var j = 0; j < four.Count; j++)
        {
            if (left[j] < 1)
            {
                throw new InvalidOperationException("The client split left the largest provider without clients in a municipality.");
            }

            cells[0, j] = left[j];
        }

        // Spend over the municipalities: per client alike within a provider, then fitted to the
        // municipalities' spend (iterative proportional fitting), rounded to euros per provider, the
        // municipalities' remainders taken by the largest provider.
        var x = new double[n, four.Count];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < four.Count; j++)
            {
                x[i, j] = cells[i, j] * (double)spend[i] / clients[i];
            }
        }

        for (var round = 0; round < 200; round++)
        {
            for (var j = 0; j < four.Count; j++)
            {
                var column = Enumerable.Range(0, n).Sum(i => x[i, j]);
                for (var i = 0; i < n; i++)
                {
                    x[i, j] *= target[four[j]].Cents / 100.0 / column;
                }
            }

            for (var i = 0; i < n; i++)
            {
                var row = Enumerable.Range(0, four.Count).Sum(j => x[i, j]);
                for (var j = 0; j < four.Count; j++)
                {
                    x[i, j] *= spend[i] / row;
                }
            }
        }

        var euros = new long[n, four.Count];
        for (var i = 0; i < n; i++)
        {
            var row = LargestRemainder(spend[i], [.. Enumerable.Range(0, four.Count).Select(j => x[i, j])]);
            for (var j = 0; j < four.Count; j++)
            {
                euros[i, j] = row[j];
            }
        }

        for (var j = 0; j < four.Count; j++)
        {
            euros[0, j] += (target[four[j]].Cents / 100) - Enumerable.Range(0, n).Sum(i => euros[i, j]);
        }

        var result = new List<Cell>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < four.Count; j++)
            {
                if (cells[i, j] > 0)
                {
                    result.Add(new Cell(Agb(i + 1), four[j], cells[i, j], euros[i, j] * 100));
                }
                else if (euros[i, j] != 0)
                {
                    throw new InvalidOperationException("Spend was fitted to a provider and municipality without clients.");
                }
            }
        }

        // Vijfheerenlanden: ten of the largest providers and three of its own, clients and spend by weight; the cents go to the largest.
        var weights = spend.Take(10).Select(s => (double)s).Concat([150_000.0, 90_000.0, 60_000.0]).ToList();
        var vhl = Published.Municipalities.Single(m => !four.Contains(m.Code, StringComparer.Ordinal));
        var vhlClients = LargestRemainder(vhl.Clients, weights);
        var vhlEuros = LargestRemainder(vhl.Cents / 100, weights);
        for (var k = 0; k < weights.Count; k++)
        {
            var cents = (vhlEuros[k] * 100) + (k == 0 ? vhl.Cents % 100 : 0);
            result.Add(new Cell(k < 10 ? Agb(k + 1) : Agb(1001 + k - 10), vhl.Code, (int)vhlClients[k], cents));
        }

        foreach (var cell in result.Where(c => c.Clients < 1 || c.Cents / c.Clients is < 50_000 or > 2_500_000))
        {
            throw new InvalidOperationException($"Provider {cell.Provider} in {cell.Municipality}: {cell.Cents / Math.Max(cell.Clients, 1)} cents a client is not a plausible year.");
        }

        return result;
    }

    /// <summary>The published concentration, checked on the planned spend with the report's own rounding, before a single message is made.</summary>
    private static void CheckConcentration(List<long> euros)
    {
        for (var i = 1; i < euros.Count; i++)
        {
            if (euros[i] >= euros[i - 1])
            {
                throw new InvalidOperationException("The planned provider spend is not strictly decreasing by rank.");
            }
        }

        var planned = new RegionFigureSet([], new GroupFigure("total", 0, 0), [.. euros.Select((e, i) => new GroupFigure(Agb(i + 1), 0, e * 100))]);
        if (planned.ProviderTableCents != Published.ProviderTableCents || planned.LargestCents(7) != Published.Largest7Cents
            || planned.LargestCents(12) != Published.Largest12Cents || planned.ProvidersCarrying(80) != Published.Carrying80
            || planned.ProvidersCarrying(90) != Published.Carrying90 || euros.Skip(22).Sum() * 100 != Published.SmallProvidersCents)
        {
            throw new InvalidOperationException("The planned provider spend does not meet the published concentration.");
        }
    }

    /// <summary><paramref name="total"/> split by geometric weights 1, r, r², ... in whole units, the last taking the rest.</summary>
    private static List<long> Split(long total, int count, double ratio)
    {
        var weights = Enumerable.Range(0, count).Select(k => Math.Pow(ratio, k)).ToList();
        var sum = weights.Sum();
        var parts = weights.Take(count - 1).Select(w => (long)Math.Round(total * w / sum)).ToList();
        parts.Add(total - parts.Sum());
        return parts;
    }

    /// <summary><paramref name="total"/> in whole units in proportion to <paramref name="weights"/>, the largest remainders rounded up, so the parts sum exactly.</summary>
    private static long[] LargestRemainder(long total, IReadOnlyList<double> weights)
    {
        var sum = weights.Sum();
        var exact = weights.Select(w => sum <= 0 ? 0 : total * w / sum).ToArray();
        var parts = exact.Select(e => (long)Math.Floor(e)).ToArray();
        var order = Enumerable.Range(0, exact.Length).OrderByDescending(k => exact[k] - parts[k]).ThenBy(k => k).ToList();
        for (var k = 0; parts.Sum() < total; k++)
        {
            parts[order[k % order.Count]]++;
        }

        return parts;
    }

    // ---- the people of one cell ----

    private sealed record Offer(string Agb, IReadOnlyList<DemoProduct> Arrangements, DemoProduct Hours, DemoProduct Household);

    private static Dictionary<string, Offer> Offers(IReadOnlyList<CatalogueProduct> products, IReadOnlyList<ContractTariff> contracts)
    {
        var catalogue = products.ToDictionary(p => (p.ProductCategorie, p.ProductCode));
        var offers = new Dictionary<string, Offer>(StringComparer.Ordinal);
        foreach (var agb in Providers)
        {
            var lines = contracts
                .Where(c => c.Provider == agb && c.Begindatum <= D(1, 1) && (c.Einddatum is not { } end || end >= D(12, 31)))
                .Where(c => catalogue.TryGetValue((c.ProductCategorie, c.ProductCode), out var p) && p.Eenheid == c.Eenheid)
                .Select(c => (Contract: c, Product: catalogue[(c.ProductCategorie, c.ProductCode)]))
                .Select(l => new DemoProduct(l.Product.ProductCategorie, l.Product.ProductCode, l.Product.Eenheid, l.Product.Frequentie, l.Product.ArrangementCode, l.Contract.TariffCents))
                .ToList();
            var arrangements = lines.Where(l => l is { Eenheid: "82", Frequentie: "4", ArrangementCode: not null })
                .OrderBy(l => l.TariffCents).ThenBy(l => l.Code, StringComparer.Ordinal).ToList();
            var hours = lines.FirstOrDefault(l => l.Code == Begeleiding && l.Eenheid == CatalogueCodes.Uur);
            var household = lines.FirstOrDefault(l => l.Code == Huishoudelijk && l.Eenheid == CatalogueCodes.Uur);
            if (arrangements.Count == 0 || hours is null || household is null)
            {
                throw new InvalidOperationException($"Provider {agb} has no arrangements, {Begeleiding} and {Huishoudelijk} for {Year}: import deploy/demo/{Name} first.");
            }

            offers[agb] = new Offer(agb, arrangements, hours, household);
        }

        return offers;
    }

    private enum Showcase
    {
        None,
        Unallocated,
        BeforeStart,
        AfterEnd,
        WrongTariff,
        TooMuchVolume,
        SecondDebit,
    }

    private sealed class Allocation
    {
        public required int Number { get; init; }

        public required DemoProduct Product { get; init; }

        public long Weekly { get; set; } = 1;

        public required DateOnly Start { get; init; }

        public required DateOnly PlannedEnd { get; init; }

        public DateOnly? ShortenedTo { get; set; }

        public string? RedenWijziging { get; set; }

        /// <summary>The day the shortened version is decided and sent: a re-allocation's in its allocation step, an early end's with the provider's 307, before the month's 323s (TR388 reads the Einddatum).</summary>
        public DateOnly ShortenedOn { get; set; }

        /// <summary>RedenBeeindiging of the provider's 307, when the allocation ends within the year.</summary>
        public string? StopReason { get; set; }

        public required int IssuedInStep { get; init; }

        public required TimeOnly At { get; init; }

        public required int Indication { get; init; }

        /// <summary>For hour products: the minutes finally approved per delivery month.</summary>
        public SortedDictionary<int, long> Minutes { get; } = [];

        public DateOnly End => ShortenedTo ?? PlannedEnd;

        public bool IsArrangement => Product.Frequentie == "4";

        public IEnumerable<int> Months => Enumerable.Range(1, 12).Where(m => Overlap(this, m) is not null);

        public ToegewezenProduct Version(DateOnly day) => ShortenedTo is { } shortened && ShortenedOn <= day
            ? Sent(ShortenedOn, At.AddMinutes(1), shortened, RedenWijziging)
            : Sent(AllocationDay(IssuedInStep), At, PlannedEnd, null);

        private ToegewezenProduct Sent(DateOnly decided, TimeOnly at, DateOnly end, string? reden) => new(
            Number, null, new Product(Product.Categorie, Product.Code), decided, at, Start, end, reden, new Omvang(Weekly, Product.Eenheid, Product.Frequentie), null, null);
    }

    private sealed class Person
    {
        public required int Index { get; init; }

        public required string Bsn { get; init; }

        public required Cell Cell { get; init; }

        public List<Allocation> Allocations { get; } = [];

        public Showcase Show { get; set; }

        public int ShowMonth { get; set; }

        /// <summary>The delivery month whose minutes are first declared 15 too many, then credited and declared anew in the next month.</summary>
        public int CorrectMonth { get; set; }

        public string Municipality => Cell.Municipality;

        public string Provider => Cell.Provider;

        public string Surname => "Lekdemo-" + (Index + 1).ToString("D4", CultureInfo.InvariantCulture);

        public DemoClient ToDemoClient() => new(
            Index, Bsn, Municipality, PlaceOf(Municipality), Provider, Surname, DemoRole.Regular,
            [.. Allocations.Select(a => new DemoAllocation(a.Number, a.Product, (int)a.Weekly, AllocationDay(a.IssuedInStep), a.At, a.Start, a.PlannedEnd, a.ShortenedTo, false, a.Indication, AllocationDay(a.IssuedInStep).AddDays(-7)))]);
    }

    /// <summary>The clients of one provider in one municipality, their allocations and what each month is declared, to the cent of the cell.</summary>
    private static List<Person> Populate(Cell cell, Offer offer, int first, IEnumerator<string> bsns, Random random)
    {
        var people = new List<Person>();
        var hourly = cell.Clients <= 2 ? 1 : Math.Max(1, (int)Math.Round(cell.Clients * 0.15));
        for (var k = 0; k < cell.Clients; k++)
        {
            if (!bsns.MoveNext())
            {
                throw new InvalidOperationException("Out of test BSNs.");
            }

            var person = new Person { Index = first + k, Bsn = bsns.Current, Cell = cell };
            var onHours = k < hourly;
            var (start, plannedEnd, earlyEnd, reason) = Trajectory(random, longer: onHours);
            var number = 100_000 + (person.Index * 10);
            var at = new TimeOnly(8, 0).AddMinutes(person.Index % 600);
            var main = new Allocation
            {
                Number = number,
                Product = onHours ? offer.Hours : offer.Arrangements[0],
                Start = start,
                PlannedEnd = plannedEnd,
                IssuedInStep = start.Year < Year ? 1 : start.Month,
                At = at,
                Indication = 200_000 + (person.Index * 10),
                StopReason = plannedEnd.Year == Year ? "19" : null,
            };
            if (earlyEnd is { } early)
            {
                main.ShortenedTo = early;
                main.RedenWijziging = reason switch { "02" => "02", "31" => "07", "39" => "06", _ => "05" };
                main.ShortenedOn = DeclarationDay(early.Month);
                main.StopReason = reason;
            }

            person.Allocations.Add(main);
            people.Add(person);
        }

        // Arrangements: each client's cell chosen so that the arrangements carry a share of the
        // cell near alpha, the rest left for the hours; a few re-allocated to the next heavier or
        // lighter cell from the first of a month.
        var alpha = 0.80 + (random.NextDouble() * 0.10);
        var onArrangements = people.Skip(hourly).ToList();
        long remaining = (long)(cell.Cents * alpha);
        var months = onArrangements.Sum(p => p.Allocations[0].Months.Count());
        foreach (var person in onArrangements)
        {
            var a = person.Allocations[0];
            var own = a.Months.Count();
            var wanted = remaining / (double)Math.Max(months, 1) * (0.75 + (random.NextDouble() * 0.5));
            var product = offer.Arrangements.MinBy(p => Math.Abs(p.TariffCents - wanted))!;
            var chosen = Replace(person, 0, product);
            if (chosen.ShortenedTo is null && chosen.StopReason is null or "19" && own >= 4 && random.Next(100) < 10)
            {
                Reallocate(person, offer, random);
            }

            remaining -= Spend(person);
            months -= own;
        }

        var hours = people.Take(hourly).ToList();
        long Rest() => cell.Cents - people.Skip(hourly).Sum(Spend);
        long Lines() => hours.Sum(p => p.Allocations[0].Months.Count());
        // At least half an hour a month for everyone on hours, and room for the cents.
        while (Rest() < (Lines() * 3_000) + 10_000)
        {
            var heaviest = people.Skip(hourly).Where(p => p.Allocations.Count == 1 && p.Allocations[0].Product.TariffCents > offer.Arrangements[0].TariffCents)
                .MaxBy(p => p.Allocations[0].Product.TariffCents)
                ?? throw new InvalidOperationException($"Provider {cell.Provider} in {cell.Municipality}: the arrangements cannot be made light enough.");
            var lighter = offer.Arrangements.Last(p => p.TariffCents < heaviest.Allocations[0].Product.TariffCents);
            Replace(heaviest, 0, lighter);
        }

        while (Rest() > Lines() * 150_000)
        {
            var lightest = people.Skip(hourly).Where(p => p.Allocations.Count == 1 && p.Allocations[0].Product.TariffCents < offer.Arrangements[^1].TariffCents)
                .MinBy(p => p.Allocations[0].Product.TariffCents)
                ?? throw new InvalidOperationException($"Provider {cell.Provider} in {cell.Municipality}: the hours would exceed 25 a month.");
            var heavier = offer.Arrangements.First(p => p.TariffCents > lightest.Allocations[0].Product.TariffCents);
            Replace(lightest, 0, heavier);
        }

        // The hours take up the rest: first the cents (household help in minutes, IV081), then whole euros of individual support, a euro a minute.
        var rest = Rest();
        var cents = rest % 100;
        if (cents != 0)
        {
            var person = hours[0];
            var main = person.Allocations[0];
            var household = new Allocation
            {
                Number = main.Number + 1,
                Product = offer.Household,
                Start = main.Start,
                PlannedEnd = main.PlannedEnd,
                IssuedInStep = main.IssuedInStep,
                At = main.At,
                Indication = main.Indication + 1,
                StopReason = main.StopReason,
                ShortenedTo = main.ShortenedTo,
                RedenWijziging = main.RedenWijziging,
                ShortenedOn = main.ShortenedOn,
            };
            var minutes = Enumerable.Range(1, 10_000).First(m => Amounts.MinutesAtHourTariff(m, offer.Household.TariffCents) % 100 == cents);
            household.Minutes[main.Months.First()] = minutes;
            person.Allocations.Add(household);
            rest -= Amounts.MinutesAtHourTariff(minutes, offer.Household.TariffCents);
        }

        if (Amounts.MinutesAtHourTariff(1, offer.Hours.TariffCents) != 100)
        {
            throw new InvalidOperationException($"{Begeleiding} must cost a euro a minute (EUR 60.00 an hour) to take up the remainder to the euro.");
        }

        var slots = hours.SelectMany(p => p.Allocations[0].Months.Select(m => (Allocation: p.Allocations[0], Month: m))).ToList();
        var spread = LargestRemainder(rest / 100, [.. slots.Select(s => (double)Days(Overlap(s.Allocation, s.Month)!))]);
        for (var s = 0; s < slots.Count; s++)
        {
            if (spread[s] < 1)
            {
                throw new InvalidOperationException($"Provider {cell.Provider} in {cell.Municipality}: a month on hours without a minute.");
            }

            slots[s].Allocation.Minutes[slots[s].Month] = spread[s];
        }

        // A correction in about one cell in nine: its first client on hours declares a month before
        // December 15 minutes too many, then credits that line and declares it anew in the next 323.
        if (hours.FirstOrDefault(p => p.Allocations[0].Minutes.Keys.Any(m => m < 12)) is { } corrected && corrected.Index % 9 == 0)
        {
            corrected.CorrectMonth = corrected.Allocations[0].Minutes.Keys.First(m => m < 12);
        }

        foreach (var person in hours)
        {
            foreach (var a in person.Allocations)
            {
                FitHours(a, person.CorrectMonth);
            }
        }

        if (people.Sum(Spend) != cell.Cents)
        {
            throw new InvalidOperationException($"Provider {cell.Provider} in {cell.Municipality}: planned {people.Sum(Spend)} cents, not {cell.Cents}.");
        }

        return people;
    }

    /// <summary>The fewest hours a week that hold every month's minutes (TR321) and their sum (TR322), the correction's first claim included.</summary>
    private static void FitHours(Allocation a, int correctMonth)
    {
        for (var weekly = 1; weekly <= 40; weekly++)
        {
            a.Weekly = weekly;
            var version = a.Version(DateOnly.MaxValue);
            var financing = FinancingForm.Inspanningsgericht;
            var extra = a.Product.Code == Begeleiding && a.Minutes.ContainsKey(correctMonth) ? 15 : 0;
            var fits = a.Minutes.All(m => VolumeLimits.MaximumPerLine(version, financing, Overlap(a, m.Key)!, CatalogueCodes.Minuut) >= m.Value + (m.Key == correctMonth ? extra : 0))
                && VolumeLimits.MaximumCumulative(version, financing, CatalogueCodes.Minuut) >= a.Minutes.Values.Sum() + extra;
            if (fits)
            {
                return;
            }
        }

        throw new InvalidOperationException("An allocation on hours would need more than 40 hours a week.");
    }

    private static Allocation Replace(Person person, int index, DemoProduct product)
    {
        var old = person.Allocations[index];
        var replaced = new Allocation
        {
            Number = old.Number,
            Product = product,
            Start = old.Start,
            PlannedEnd = old.PlannedEnd,
            IssuedInStep = old.IssuedInStep,
            At = old.At,
            Indication = old.Indication,
            StopReason = old.StopReason,
            ShortenedTo = old.ShortenedTo,
            RedenWijziging = old.RedenWijziging,
            ShortenedOn = old.ShortenedOn,
        };
        person.Allocations[index] = replaced;
        return replaced;
    }

    /// <summary>Afschalen or opschalen: the allocation ends on the last day of a month (RedenWijziging 05, the provider stops it with 36) and a new one in the next heavier or lighter cell starts the day after, with an indication of its own.</summary>
    private static void Reallocate(Person person, Offer offer, Random random)
    {
        var old = person.Allocations[0];
        var months = old.Months.ToList();
        var from = months[2 + random.Next(months.Count - 3)];
        var index = offer.Arrangements.ToList().FindIndex(p => p.Code == old.Product.Code);
        var up = random.Next(100) < 60;
        var next = up && index + 1 < offer.Arrangements.Count ? offer.Arrangements[index + 1]
            : index > 0 ? offer.Arrangements[index - 1] : offer.Arrangements[index + 1];
        var reason = old.StopReason;
        old.ShortenedTo = MonthStart(from).AddDays(-1);
        old.RedenWijziging = "05";
        old.ShortenedOn = AllocationDay(from);
        old.StopReason = "36";
        person.Allocations.Add(new Allocation
        {
            Number = old.Number + 2,
            Product = next,
            Start = MonthStart(from),
            PlannedEnd = old.PlannedEnd,
            IssuedInStep = from,
            At = old.At.AddMinutes(2),
            Indication = old.Indication + 2,
            StopReason = reason,
        });
    }

    /// <summary>
    /// A trajectory: 55 % in care from 1 January, the others starting on a day of February to
    /// November; 45 % still in care after the year (an allocation into 2021), 35 % ending as
    /// planned within it (RedenBeeindiging 19), 20 % ending early (another reason; the allocation is
    /// shortened afterwards). Clients on hours run at least half a year, so their minutes stay plausible.
    /// </summary>
    private static (DateOnly Start, DateOnly PlannedEnd, DateOnly? EarlyEnd, string? Reason) Trajectory(Random random, bool longer)
    {
        var start = random.Next(100) < 55 ? D(1, 1) : D((longer ? 2 + random.Next(5) : 2 + random.Next(10)), 1 + random.Next(28));
        var later = new DateOnly(Year + 1, 1 + random.Next(12), 1).AddMonths(1).AddDays(-1);
        var roll = random.Next(100);
        if (roll < 45)
        {
            return (start, later, null, null);
        }

        var minimum = longer ? 6 : 2;
        if (roll < 80)
        {
            var end = start.AddMonths(minimum + random.Next(9)).AddDays(random.Next(20) - 10);
            return (start, end > D(12, 31) ? D(12, 31) : end, null, null);
        }

        var early = start.AddMonths(minimum - 1 + random.Next(8)).AddDays(random.Next(25));
        if (early > D(11, 28))
        {
            early = D(11, 10 + random.Next(18));
        }

        if (early <= start.AddDays(14))
        {
            early = start.AddDays(14 + random.Next(14));
        }

        string[] reasons = ["23", "23", "21", "21", "02", "31", "31", "39", "22"];
        return (start, later, early, reasons[random.Next(reasons.Length)]);
    }

    private static long Spend(Person person) => person.Allocations.Sum(a => a.IsArrangement
        ? a.Months.Count() * a.Product.TariffCents
        : a.Minutes.Sum(m => Amounts.MinutesAtHourTariff(m.Value, a.Product.TariffCents)));

    /// <summary>The lines that must be rejected, each at a client of the largest provider whose story allows it, and the one on an allocation that does not exist.</summary>
    private static void PickShowcases(List<Person> people)
    {
        var candidates = people.Where(p => p.Provider == Agb(1) && p.Allocations.Count == 1 && p.Allocations[0].IsArrangement).ToList();
        Person Take(Showcase show, Func<Person, int?> month)
        {
            var person = candidates.FirstOrDefault(p => p.Show == Showcase.None && month(p) is not null)
                ?? throw new InvalidOperationException($"No client of the largest provider fits the {show} line.");
            person.Show = show;
            person.ShowMonth = month(person)!.Value;
            return person;
        }

        Take(Showcase.BeforeStart, p => p.Allocations[0].Start is { Year: Year, Day: > 1, Month: < 12 } s && p.Allocations[0].End > MonthEnd(s.Month) ? s.Month : null);
        Take(Showcase.AfterEnd, p => p.Allocations[0] is { StopReason: "19", End: { Month: < 12 } e } a && e < MonthEnd(e.Month) && a.Start < MonthStart(e.Month) ? e.Month : null);
        foreach (var (show, month) in new[] { (Showcase.WrongTariff, 4), (Showcase.TooMuchVolume, 6), (Showcase.SecondDebit, 8), (Showcase.Unallocated, 3) })
        {
            Take(show, p => p.Allocations[0].Start <= MonthStart(month) && p.Allocations[0].End >= MonthEnd(month) ? month : null);
        }
    }

    // ---- the steps ----

    private static DemoStep AllocationStep(List<Person> people, int step)
    {
        var day = AllocationDay(step);
        var indications = new List<DemoIndication>();
        var messages = new List<IwmoMessage>();
        foreach (var p in people.Where(p => p.Allocations.Any(a => a.IssuedInStep == step || a.ShortenedOn == day)))
        {
            indications.AddRange(p.Allocations.Where(a => a.IssuedInStep == step)
                .Select(a => new DemoIndication(a.Indication, p.Municipality, p.Bsn, a.Product, a.Start, a.PlannedEnd, day.AddDays(-7))));
            messages.Add(Message301(p, [.. p.Allocations.Where(a => a.IssuedInStep <= step).Select(a => a.Version(day))], day, string.Create(CultureInfo.InvariantCulture, $"T{step:D2}{p.Index:D5}")));
        }

        var what = step <= 12 ? string.Create(CultureInfo.InvariantCulture, $"allocations for {Year}-{step:D2}") : "allocations shortened after early ends";
        return new DemoStep(what, day, messages, indications, []);
    }

    private static Wmo301 Message301(Person p, IReadOnlyList<ToegewezenProduct> products, DateOnly dagtekening, string identificatie) => new(
        new Header(p.Municipality, p.Provider, new BerichtIdentificatie(identificatie, dagtekening), XsdVersie.Iwmo32),
        new ToewijzingClient(
            new ToewijzingClientGegevens(
                p.Bsn,
                BirthDate(p),
                Gender(p),
                new VolledigeNaam(new Achternaamgegevens(p.Surname), null, null, "D", "1"),
                null,
                null,
                null,
                null),
            [],
            [new Contact("01", new Adres(new Huis(1 + (p.Index % 199)), "3990AA", "Lekdemostraat", PlaceOf(p.Municipality), "NL"))],
            [.. products]));

    private static Geboortedatum BirthDate(Person p) => new(new DateOnly(1932, 1, 1).AddDays(p.Index * 37 % 25_000));

    private static string Gender(Person p) => p.Index % 2 == 0 ? "2" : "1";

    private static VerkorteClientGegevens Short(Person p) => new(p.Bsn, BirthDate(p), Gender(p), new VerkorteNaam(new Achternaamgegevens(p.Surname)));

    private sealed record PlannedLine(Person Person, Prestatie Prestatie, string? ExpectedCode)
    {
        public long Signed => Prestatie.IngediendBedrag.Cents;
    }

    /// <summary>Month m's 305s (starts in m), 307s (ends in m) and 323s (one per provider and municipality), sent early in the next month.</summary>
    private static DemoStep DeclarationStep(List<Person> people, int month)
    {
        var day = DeclarationDay(month);
        var messages = new List<IwmoMessage>();
        foreach (var p in people)
        {
            var starts = p.Allocations.Where(a => a.Start.Year == Year && a.Start.Month == month).ToList();
            if (starts.Count > 0)
            {
                messages.Add(new Wmo305(
                    new Header(p.Provider, p.Municipality, new BerichtIdentificatie(string.Create(CultureInfo.InvariantCulture, $"S{month:D2}{p.Index:D5}"), day), XsdVersie.Iwmo32),
                    new StartClient(Short(p), [.. starts.Select(a => new StartProduct(a.Number, new Product(a.Product.Categorie, a.Product.Code), a.Start, a.Start, "1"))])));
            }
        }

        foreach (var p in people)
        {
            var stops = p.Allocations.Where(a => a.End.Year == Year && a.End.Month == month).ToList();
            if (stops.Count > 0)
            {
                messages.Add(new Wmo307(
                    new Header(p.Provider, p.Municipality, new BerichtIdentificatie(string.Create(CultureInfo.InvariantCulture, $"E{month:D2}{p.Index:D5}"), day), XsdVersie.Iwmo32),
                    new StopClient(Short(p), [.. stops.Select(a => new StopProduct(a.Number, new Product(a.Product.Categorie, a.Product.Code), a.Start, a.Start, a.StopReason ?? "19", a.End, "1"))])));
            }
        }

        // The early ends the 307s just reported: the allocations shortened (our 301), before the 323s are judged.
        foreach (var p in people.Where(p => p.Allocations.Any(a => a.ShortenedOn == day)))
        {
            messages.Add(Message301(p, [.. p.Allocations.Where(a => AllocationDay(a.IssuedInStep) <= day).Select(a => a.Version(day))], day, string.Create(CultureInfo.InvariantCulture, $"U{month:D2}{p.Index:D5}")));
        }

        var lines = people.SelectMany(p => LinesOf(p, month)).ToList();
        var expectations = new List<DemoExpectation>();
        foreach (var group in lines.GroupBy(l => (l.Person.Provider, l.Person.Municipality)).OrderBy(g => g.Key.Provider, StringComparer.Ordinal).ThenBy(g => g.Key.Municipality, StringComparer.Ordinal))
        {
            var (provider, municipality) = group.Key;
            var nummer = string.Create(CultureInfo.InvariantCulture, $"L{Year % 100:D2}{month:D2}{municipality}");
            var total = group.Sum(l => l.Signed);
            messages.Add(new Wmo323(
                new Header(provider, municipality, new BerichtIdentificatie(nummer, day), XsdVersie.Iwmo32),
                new Declaratie(
                    nummer,
                    new GeslotenPeriode(MonthStart(month), MonthEnd(month)),
                    day,
                    new TotaalBedragMetDC(Math.Abs(total), total < 0 ? DebetCredit.Credit : DebetCredit.Debet),
                    [.. group.GroupBy(l => l.Person.Bsn, StringComparer.Ordinal).Select(c => new DeclaratieClient(c.Key, [.. c.Select(l => l.Prestatie)]))])));
            expectations.Add(new DemoExpectation(
                provider,
                nummer,
                string.Create(CultureInfo.InvariantCulture, $"{Year}-{month:D2}"),
                group.Count(),
                group.Where(l => l.ExpectedCode is null).Sum(l => l.Signed),
                group.Where(l => l.ExpectedCode is not null).ToDictionary(l => l.Prestatie.ProductReferentie.ReferentieNummer, l => l.ExpectedCode!, StringComparer.Ordinal),
                [.. group.Where(l => l.Prestatie.IngediendBedrag.DebetCredit == DebetCredit.Credit && l.ExpectedCode is null).Select(l => (l.Prestatie.ProductReferentie.ReferentieNummer, l.Prestatie.ProductReferentie.VorigReferentieNummer!))]));
        }

        return new DemoStep(string.Create(CultureInfo.InvariantCulture, $"starts, stops and declarations {Year}-{month:D2}"), day, messages, [], expectations);
    }

    /// <summary>What <paramref name="p"/>'s provider declares for it in the 323 of <paramref name="month"/>: the month's lines, a showcase line, and the late lines and corrections of the month before.</summary>
    private static IEnumerable<PlannedLine> LinesOf(Person p, int month)
    {
        var sequence = 0;
        string Reference(char kind) => string.Create(CultureInfo.InvariantCulture, $"{kind}{month:D2}{p.Index:D5}{sequence++:D2}");

        foreach (var a in p.Allocations)
        {
            if (!Declared(a, month))
            {
                continue;
            }

            var line = Line(a, month, Reference('R'));
            string? code = null;
            var shown = p.ShowMonth == month && a == p.Allocations[0];
            switch (p.Show)
            {
                case Showcase.BeforeStart when shown:
                case Showcase.AfterEnd when shown:
                    // TR307 / TR308: the whole month declared where the allocation covers part of it.
                    line = line with { ProductPeriode = new GeslotenPeriode(MonthStart(month), MonthEnd(month)) };
                    code = p.Show == Showcase.BeforeStart ? "9307" : "9308";
                    break;
                case Showcase.WrongTariff when shown:
                    line = Priced(line, line.ProductTarief!.Value + 1_000, line.GeleverdVolume); // TR418 (TR346 holds)
                    code = "0611";
                    break;
                case Showcase.TooMuchVolume when shown:
                    line = Priced(line, line.ProductTarief!.Value, line.GeleverdVolume * 2); // TR321: twice the month's volume
                    code = "9321";
                    break;
                default:
                    break;
            }

            if (a.Product.Code == Begeleiding && p.CorrectMonth == month)
            {
                line = Minutes(a, month, a.Minutes[month] + 15, line.ProductReferentie.ReferentieNummer); // approved, corrected next month
            }

            yield return new PlannedLine(p, line, code);
            if (p.Show == Showcase.Unallocated && shown)
            {
                yield return new PlannedLine(p, line with { ProductReferentie = new Referentie(Reference('R')), ToewijzingNummer = Unallocated }, "9338");
            }
        }

        var previous = month - 1;
        var own = p.Allocations[0];
        if (p.ShowMonth == previous && previous >= 1)
        {
            switch (p.Show)
            {
                case Showcase.BeforeStart or Showcase.AfterEnd or Showcase.TooMuchVolume:
                    yield return new PlannedLine(p, Line(own, previous, Reference('R')), null); // the month refused before, declared right (IV090)
                    break;
                case Showcase.WrongTariff:
                    {
                        var refused = Line(own, previous, RefOf(p, previous, 0));
                        refused = Priced(refused, refused.ProductTarief!.Value + 1_000, refused.GeleverdVolume);
                        yield return new PlannedLine(p, Credit(refused, Reference('C')), "8017"); // TR323: it credits no approved debit
                        yield return new PlannedLine(p, Line(own, previous, Reference('R')), null);
                        break;
                    }

                case Showcase.SecondDebit:
                    yield return new PlannedLine(p, Line(own, previous, Reference('R')), "9389"); // TR389: approved before, no credit
                    break;
                default:
                    break;
            }
        }

        if (p.CorrectMonth == previous && previous >= 1)
        {
            var a = p.Allocations[0];
            var first = Minutes(a, previous, a.Minutes[previous] + 15, RefOf(p, previous, 0));
            yield return new PlannedLine(p, Credit(first, Reference('C')), null);
            yield return new PlannedLine(p, Line(a, previous, Reference('R')), null);
        }
    }

    /// <summary>Whether the allocation is declared for the month: an arrangement every month it touches, hours the months with minutes.</summary>
    private static bool Declared(Allocation a, int month) => a.IsArrangement ? Overlap(a, month) is not null : a.Minutes.ContainsKey(month);

    private static string RefOf(Person p, int month, int n) => string.Create(CultureInfo.InvariantCulture, $"R{month:D2}{p.Index:D5}{n:D2}");

    /// <summary>The month's line as finally approved: an arrangement month (one unit at the monthly tariff, IV078) or the month's minutes at the hour tariff (IV081).</summary>
    private static Prestatie Line(Allocation a, int month, string referentie) => a.IsArrangement
        ? new Prestatie(new Referentie(referentie), a.Number, a.Product.Categorie, a.Product.Code, Overlap(a, month)!, 1, a.Product.Eenheid, a.Product.TariffCents, new BedragMetDC(a.Product.TariffCents, DebetCredit.Debet))
        : Minutes(a, month, a.Minutes[month], referentie);

    private static Prestatie Minutes(Allocation a, int month, long minutes, string referentie) => new(
        new Referentie(referentie),
        a.Number,
        a.Product.Categorie,
        a.Product.Code,
        Overlap(a, month)!,
        minutes,
        CatalogueCodes.Minuut,
        Amounts.PerMinuteTariff(a.Product.TariffCents),
        new BedragMetDC(Amounts.MinutesAtHourTariff(minutes, a.Product.TariffCents), DebetCredit.Debet));

    private static Prestatie Credit(Prestatie debit, string referentie) => debit with
    {
        ProductReferentie = new Referentie(referentie, debit.ProductReferentie.ReferentieNummer),
        IngediendBedrag = debit.IngediendBedrag with { DebetCredit = DebetCredit.Credit },
    };

    private static Prestatie Priced(Prestatie line, long tarief, long volume) => line with
    {
        GeleverdVolume = volume,
        ProductTarief = tarief,
        IngediendBedrag = new BedragMetDC(checked(volume * tarief), DebetCredit.Debet),
    };

    private static GeslotenPeriode? Overlap(Allocation a, int month)
    {
        var first = a.Start > MonthStart(month) ? a.Start : MonthStart(month);
        var last = a.End < MonthEnd(month) ? a.End : MonthEnd(month);
        return first <= last ? new GeslotenPeriode(first, last) : null;
    }

    private static int Days(GeslotenPeriode period) => period.Einddatum.DayNumber - period.Begindatum.DayNumber + 1;

    /// <summary>What the demo found against the published figures, each difference named; empty when every figure is met.</summary>
    public static IReadOnlyList<string> Compare(RegionFigureSet actual)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var surprises = new List<string>();
        void Check(string what, long got, long expected)
        {
            if (got != expected)
            {
                surprises.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: {got}, published {expected}."));
            }
        }

        foreach (var m in Published.Municipalities)
        {
            var got = actual.Municipalities.FirstOrDefault(g => g.Key == m.Code);
            Check($"clients in {m.Name}", got?.Clients ?? 0, m.Clients);
            Check($"spend in {m.Name} (cents)", got?.Cents ?? 0, m.Cents);
        }

        Check("clients in total", actual.Total.Clients, Published.TotalClients);
        Check("spend in total (cents)", actual.Total.Cents, Published.TotalCents);
        Check("providers in the provider table", actual.Providers.Count, Published.Providers);
        Check("spend of the provider table (cents)", actual.ProviderTableCents, Published.ProviderTableCents);
        Check("spend of the 7 largest providers (cents)", actual.LargestCents(7), Published.Largest7Cents);
        Check("spend of the 12 largest providers (cents)", actual.LargestCents(12), Published.Largest12Cents);
        Check("providers carrying 80 %", actual.ProvidersCarrying(80), Published.Carrying80);
        Check("providers carrying 90 %", actual.ProvidersCarrying(90), Published.Carrying90);
        Check("providers with fewer than 7 clients", actual.SmallProviders.Count, Published.SmallProviders);
        Check("spend of the providers with fewer than 7 clients (cents)", actual.SmallProviders.Sum(p => p.Cents), Published.SmallProvidersCents);
        return surprises;
    }
}

/// <summary>The figures a calibrated demo region reproduces (eurocents).</summary>
public sealed record PublishedFigures(
    IReadOnlyList<PublishedMunicipality> Municipalities,
    int TotalClients,
    long TotalCents,
    IReadOnlyList<string> ProviderTableMunicipalities,
    int Providers,
    long ProviderTableCents,
    long Largest7Cents,
    long Largest12Cents,
    int Carrying80,
    int Carrying90,
    int SmallProviders,
    long SmallProvidersCents);

public sealed record PublishedMunicipality(string Code, string Name, int Clients, long Cents);
