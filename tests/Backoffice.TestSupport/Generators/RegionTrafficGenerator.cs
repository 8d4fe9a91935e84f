using System.Globalization;
using System.Text;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.TestSupport.Generators;

/// <summary>What region to generate. The defaults are issue 7's benchmark region.</summary>
public sealed record RegionTrafficOptions
{
    /// <summary>Clients of the region, one WMO301 each (at most about 90,000: <see cref="TestBsnSequence"/>).</summary>
    public int Clients { get; init; } = 20_000;

    /// <summary>Messages of the day that follows the 301 load: WMO305, 307, 315 and 317 mixed.</summary>
    public int DayMessages { get; init; } = 2_000;

    /// <summary>Providers of the region (AGB codes 7000 0001 upwards).</summary>
    public int Providers { get; init; } = 50;

    /// <summary>Municipalities of the region, taken in order from <see cref="RegionTrafficGenerator.MunicipalityCodes"/>.</summary>
    public int Municipalities { get; init; } = 4;
}

/// <summary>One generated message: a file name that sorts in processing order, its type and its bytes.</summary>
public sealed record RegionMessage(string Name, MessageType Type, byte[] Content);

/// <summary>
/// A region's allocation traffic, deterministically: the reference data (municipalities, providers,
/// one active indication per allocation), a load of one WMO301 per client with 1 to 3 allocations,
/// and a day of mixed provider messages that the register accepts when processed in order after the
/// load on <see cref="ProcessingDate"/>:
/// <list type="bullet">
/// <item>WMO305: the start of every allocation of a client not touched before that day (TR019: a
/// current allocation of the client at that provider, the product exactly as allocated; the
/// Begindatum inside the allocation and not after the Dagtekening, TR134).</item>
/// <item>WMO307: the definitive stop (RedenBeeindiging 31) of every product of the oldest start of
/// the day not yet stopped, with the start's key unchanged (TR382), ending the day before the
/// Dagtekening (TR018, TR134).</item>
/// <item>WMO315: a VOT of a client's provider for one new product (another code than any of the
/// client's allocations), for a client without an open request (TR374), with a reference unique for
/// the provider (TR347).</item>
/// <item>WMO317: a VOW of a client's provider listing all its current allocations (TR349), the
/// first to be changed from the day after the Dagtekening (TR357) to a later end, with its Omvang
/// (TR411) unchanged, the rest unchanged.</item>
/// </list>
/// Every client is used by at most one message of the day, except that a 307 stops a client
/// started earlier that day. Dagtekening of the day's messages is the processing date (TR135).
/// Out of every ten messages four are 305s, two 307s, two 315s and two 317s.
/// </summary>
public static class RegionTrafficGenerator
{
    /// <summary>The processing date the day is made for (a Monday); the 301s are dated two weeks earlier.</summary>
    public static readonly DateOnly ProcessingDate = new(2026, 3, 2);

    /// <summary>Municipality codes of the CBS list (TR378) around Amsterdam, in the order a region takes them.</summary>
    public static readonly IReadOnlyList<string> MunicipalityCodes = ["0363", "0384", "0362", "0437", "0358", "0394"];

    /// <summary>The decision day of every indication (before every allocation).</summary>
    public static readonly DateOnly DecisionDate = new(2026, 1, 15);

    /// <summary>Dagtekening and Toewijzingsdatum of the 301 load.</summary>
    public static readonly DateOnly LoadDagtekening = new(2026, 2, 16);

    /// <summary>Einddatum of every allocation and indication.</summary>
    public static readonly DateOnly AllocationEnd = new(2026, 12, 31);

    private static readonly string[] MunicipalityNames = ["Amsterdam", "Diemen", "Amstelveen", "Ouder-Amstel", "Aalsmeer", "Haarlemmermeer"];

    /// <summary>The products a client's allocations take, one of each kind at most: no two stack (TR302).</summary>
    private static readonly (Product Product, Omvang Omvang)[] Kinds =
    [
        (new Product("01", "01A01"), new Omvang(3, "04", "2")),
        (new Product("02", "02A01"), new Omvang(4, "14", "4")),
        (new Product("03", "03A01"), new Omvang(60, "01", "1")),
    ];

    /// <summary>The product a VOT asks for: none of a client's allocations has it.</summary>
    private static readonly (Product Product, Omvang Omvang) Requested = (new Product("02", "02A02"), new Omvang(6, "14", "4"));

    private static readonly char[] DayPattern = ['5', 'T', '5', 'W', '5', 'S', '5', 'T', 'W', 'S'];

    private static readonly string[] Achternamen = ["Wit", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters"];
    private static readonly string[] Voornamen = ["Tim", "Anna", "Johan", "Fatima", "Pieter", "Sanne", "Mohamed", "Lotte", "Kees", "Noor"];

    /// <summary>The CBS codes of the region.</summary>
    public static IReadOnlyList<string> Municipalities(RegionTrafficOptions options)
    {
        Check(options);
        return [.. MunicipalityCodes.Take(options.Municipalities)];
    }

    /// <summary>The AGB codes of the region's providers.</summary>
    public static IReadOnlyList<string> Providers(RegionTrafficOptions options)
    {
        Check(options);
        return [.. Enumerable.Range(1, options.Providers).Select(p => string.Create(CultureInfo.InvariantCulture, $"7000{p:D4}"))];
    }

    /// <summary><c>municipalities.csv</c> for <c>backoffice import</c>.</summary>
    public static string MunicipalitiesCsv(RegionTrafficOptions options)
    {
        var csv = new StringBuilder("cbs_code,name\n");
        foreach (var (code, i) in Municipalities(options).Select((c, i) => (c, i)))
        {
            csv.Append(code).Append(',').Append(MunicipalityNames[i]).Append(" (region benchmark)\n");
        }

        return csv.ToString();
    }

    /// <summary><c>providers.csv</c> for <c>backoffice import</c>.</summary>
    public static string ProvidersCsv(RegionTrafficOptions options)
    {
        var csv = new StringBuilder("agb_code,name\n");
        foreach (var (code, i) in Providers(options).Select((c, i) => (c, i)))
        {
            csv.Append(code).Append(",Zorgaanbieder ").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append(" (region benchmark)\n");
        }

        return csv.ToString();
    }

    /// <summary><c>indications.csv</c>: one active indication per allocation, for its product and exactly its period.</summary>
    public static string IndicationsCsv(RegionTrafficOptions options)
    {
        Check(options);
        var csv = new StringBuilder("indication_number,municipality,bsn,product_categorie,product_code,arrangement_code,begindatum,einddatum,decision_date,status\n");
        foreach (var client in AllClients(options))
        {
            foreach (var a in client.Allocations)
            {
                csv.Append(CultureInfo.InvariantCulture, $"{a.Nummer},{client.Municipality},{client.Bsn},{a.Product.Categorie},{a.Product.Code},,{Date(a.Ingangsdatum)},{Date(AllocationEnd)},{Date(DecisionDate)},active\n");
            }
        }

        return csv.ToString();
    }

    /// <summary>The three CSV files, written into <paramref name="directory"/> under the names <c>import all</c> reads.</summary>
    public static void WriteReferenceData(string directory, RegionTrafficOptions options)
    {
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        File.WriteAllText(Path.Combine(directory, "municipalities.csv"), MunicipalitiesCsv(options), utf8);
        File.WriteAllText(Path.Combine(directory, "providers.csv"), ProvidersCsv(options), utf8);
        File.WriteAllText(Path.Combine(directory, "indications.csv"), IndicationsCsv(options), utf8);
    }

    /// <summary>Number of allocations (ToegewezenProducten) of the load.</summary>
    public static int AllocationCount(RegionTrafficOptions options) => AllClients(options).Sum(c => c.Allocations.Count);

    /// <summary>The load: one WMO301 per client, in client order (names <c>load-000001-WMO301.xml</c>…), generated lazily.</summary>
    public static IEnumerable<RegionMessage> Load(RegionTrafficOptions? options = null)
    {
        options ??= new RegionTrafficOptions();
        Check(options);
        foreach (var client in AllClients(options))
        {
            var message = new Wmo301(
                new Header(client.Municipality, client.Provider, new BerichtIdentificatie(string.Create(CultureInfo.InvariantCulture, $"RL{client.N:D10}"), LoadDagtekening), XsdVersie.Iwmo32),
                new ToewijzingClient(
                    new ToewijzingClientGegevens(
                        client.Bsn,
                        new Geboortedatum(client.Geboortedatum),
                        client.Geslacht,
                        new VolledigeNaam(new Achternaamgegevens(client.Achternaam), null, client.Voornaam, client.Voornaam[..1], "1"),
                        null,
                        null,
                        null,
                        null),
                    [],
                    [new Contact("01", new Adres(new Huis(1 + (client.N % 300)), string.Create(CultureInfo.InvariantCulture, $"{1000 + (client.N % 9000)}AB"), "Dorpsstraat", "Amsterdam", "NL"))],
                    [.. client.Allocations.Select((a, i) => new ToegewezenProduct(
                        a.Nummer,
                        null,
                        a.Product,
                        LoadDagtekening,
                        new TimeOnly(9, i, client.N % 60),
                        a.Ingangsdatum,
                        AllocationEnd,
                        null,
                        a.Omvang,
                        null,
                        null))]));
            yield return new RegionMessage(string.Create(CultureInfo.InvariantCulture, $"load-{client.N:D6}-WMO301.xml"), MessageType.Wmo301, IwmoWriter.ToBytes(message));
        }
    }

    /// <summary>The day: <see cref="RegionTrafficOptions.DayMessages"/> messages in processing order (names <c>day-0001-WMO305.xml</c>…), generated lazily.</summary>
    public static IEnumerable<RegionMessage> Day(RegionTrafficOptions? options = null)
    {
        options ??= new RegionTrafficOptions();
        Check(options);
        var day = ProcessingDate;
        var started = new Queue<Client>();
        // Distinct clients in a scattered order: i * a prime step modulo the number of clients.
        var step = Step(options.Clients);
        var next = 0;
        Client Fresh() => ClientAt(options, 1 + (int)((long)next++ * step % options.Clients));
        var schedule = Schedule(options.DayMessages);
        for (var i = 1; i <= schedule.Count; i++)
        {
            var kind = schedule[i - 1];
            var header = (string provider, string municipality) =>
                new Header(provider, municipality, new BerichtIdentificatie(string.Create(CultureInfo.InvariantCulture, $"RD{i:D10}"), day), XsdVersie.Iwmo32);
            IwmoMessage message;
            switch (kind)
            {
                case '5':
                {
                    var client = Fresh();
                    started.Enqueue(client);
                    message = new Wmo305(
                        header(client.Provider, client.Municipality),
                        new StartClient(client.Verkort, [.. client.Allocations.Select(a => new StartProduct(a.Nummer, a.Product, a.Ingangsdatum, a.Begindatum, "1"))]));
                    break;
                }

                case 'S':
                {
                    var client = started.Dequeue();
                    message = new Wmo307(
                        header(client.Provider, client.Municipality),
                        new StopClient(client.Verkort, [.. client.Allocations.Select(a => new StopProduct(a.Nummer, a.Product, a.Ingangsdatum, a.Begindatum, "31", day.AddDays(-1), "1"))]));
                    break;
                }

                case 'T':
                {
                    var client = Fresh();
                    message = new Wmo315(
                        header(client.Provider, client.Municipality),
                        new VotClient(
                            client.Verkort,
                            null,
                            [
                                new AangevraagdProduct(
                                    string.Create(CultureInfo.InvariantCulture, $"VOT-{i:D8}"),
                                    null,
                                    Requested.Product,
                                    null,
                                    day.AddDays(7),
                                    AllocationEnd,
                                    Requested.Omvang,
                                    null,
                                    new Verwijzer("04", "Huisarts"),
                                    null,
                                    null),
                            ]));
                    break;
                }

                default:
                {
                    var client = Fresh();
                    var first = client.Allocations[0];
                    message = new Wmo317(
                        header(client.Provider, client.Municipality),
                        new VowClient(
                            client.Bsn,
                            new Verzoek(
                                string.Create(CultureInfo.InvariantCulture, $"VOW-{i:D8}"),
                                "1",
                                [.. client.Allocations.Skip(1).Select(a => new OngewijzigdProduct(a.Nummer))],
                                [new TeWijzigenProduct(first.Nummer, day.AddDays(1), AllocationEnd.AddMonths(6), first.Omvang, null)],
                                [])));
                    break;
                }
            }

            yield return new RegionMessage(string.Create(CultureInfo.InvariantCulture, $"day-{i:D6}-{message.Type.Name}.xml"), message.Type, IwmoWriter.ToBytes(message));
        }
    }

    /// <summary>How many messages of each type <see cref="Day"/> makes, without making them.</summary>
    public static IReadOnlyDictionary<MessageType, int> DayMix(RegionTrafficOptions options)
    {
        Check(options);
        return Schedule(options.DayMessages)
            .GroupBy(kind => kind switch { '5' => MessageType.Wmo305, 'S' => MessageType.Wmo307, 'T' => MessageType.Wmo315, _ => MessageType.Wmo317 })
            .ToDictionary(g => g.Key, g => g.Count());
    }

    private sealed record Allocation(int Nummer, Product Product, Omvang Omvang, DateOnly Ingangsdatum)
    {
        public DateOnly Begindatum => Ingangsdatum.AddDays(3);
    }

    private sealed record Client(int N, string Bsn, string Municipality, string Provider, DateOnly Geboortedatum, string Geslacht, string Achternaam, string Voornaam, IReadOnlyList<Allocation> Allocations)
    {
        public VerkorteClientGegevens Verkort => new(Bsn, new Geboortedatum(Geboortedatum), Geslacht, new VerkorteNaam(new Achternaamgegevens(Achternaam), Voornaam, Voornaam[..1]));
    }

    private static void Check(RegionTrafficOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Clients, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Clients, 90_000, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.DayMessages, 0, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Providers, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Providers, 9_999, nameof(options));
        if (options.Municipalities < 1 || options.Municipalities > MunicipalityCodes.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"Municipalities must be 1 to {MunicipalityCodes.Count}.");
        }

        // Each day message takes a fresh client, except a 307, which stops one started that day.
        var fresh = Schedule(options.DayMessages).Count(kind => kind != 'S');
        if (fresh > options.Clients)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"A day of {options.DayMessages} messages needs {fresh} distinct clients; the region has {options.Clients}.");
        }
    }

    /// <summary>
    /// The kind of each message of the day in order: <see cref="DayPattern"/> repeated ('5' start,
    /// 'S' stop, 'T' VOT, 'W' VOW), a stop with nothing started left to stop becoming a start.
    /// </summary>
    private static List<char> Schedule(int dayMessages)
    {
        var kinds = new List<char>(dayMessages);
        var open = 0;
        for (var i = 0; i < dayMessages; i++)
        {
            var kind = DayPattern[i % DayPattern.Length];
            if (kind == 'S' && open == 0)
            {
                kind = '5';
            }

            open += kind switch { '5' => 1, 'S' => -1, _ => 0 };
            kinds.Add(kind);
        }

        return kinds;
    }

    /// <summary>A step coprime with <paramref name="clients"/>, so that i * step mod clients visits every client once.</summary>
    private static long Step(int clients)
    {
        long step = 7_919;
        while (Gcd(step, clients) != 1)
        {
            step += 2;
        }

        return step % clients == 0 ? 1 : step;
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    private static IEnumerable<Client> AllClients(RegionTrafficOptions options)
    {
        for (var n = 1; n <= options.Clients; n++)
        {
            yield return ClientAt(options, n);
        }
    }

    /// <summary>
    /// Client <paramref name="n"/> (1-based), from n alone: the n-th test BSN, a municipality and a
    /// provider in turn, 1 + n mod 3 allocations numbered n * 10 + k (unique in the region, so per
    /// municipality too, TR332), starting in early February.
    /// </summary>
    private static Client ClientAt(RegionTrafficOptions options, int n)
    {
        var municipality = MunicipalityCodes[n % options.Municipalities];
        var provider = string.Create(CultureInfo.InvariantCulture, $"7000{1 + ((n * 7) % options.Providers):D4}");
        var ingang = new DateOnly(2026, 2, 2).AddDays(n % 10);
        var allocations = Enumerable.Range(0, 1 + (n % 3))
            .Select(k => new Allocation((n * 10) + k, Kinds[k].Product, Kinds[k].Omvang, ingang))
            .ToList();
        return new Client(
            n,
            BsnAt(n),
            municipality,
            provider,
            LoadDagtekening.AddYears(-20 - (n % 70)).AddDays(-(n % 300)),
            (1 + (n % 2)).ToString(CultureInfo.InvariantCulture),
            Achternamen[n % Achternamen.Length],
            Voornamen[(n / 10) % Voornamen.Length],
            allocations);
    }

    private static readonly List<string> BsnCache = [];
    private static readonly TestBsnSequence BsnSource = new();
    private static readonly Lock BsnLock = new();

    /// <summary>The n-th BSN of <see cref="TestBsnSequence"/> (1-based), remembered once made.</summary>
    private static string BsnAt(int n)
    {
        lock (BsnLock)
        {
            while (BsnCache.Count < n)
            {
                BsnCache.Add(BsnSource.Next());
            }

            return BsnCache[n - 1];
        }
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
