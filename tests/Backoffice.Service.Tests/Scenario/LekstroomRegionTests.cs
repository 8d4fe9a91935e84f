using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Data;
using Backoffice.Service.Cli;
using Backoffice.Service.Demo;
using Backoffice.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>
/// <c>backoffice demo --region lekstroom-2020</c> as a user runs it, once: the calibrated year goes
/// through the real path (CSV import, 301s, 305/307s, 323s in <c>InboxBatch</c>), and the figures
/// the Lekstroom strategy publishes for 2020 come out of the store, computed in SQL with the
/// definitions fixed for <c>report steering</c> (<see cref="RegionFigures"/>). The expected numbers
/// are written out here as published, not taken from the generator.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class LekstroomRegionTests
{
    private const string From = "2021-01";
    private const string To = "2021-12";

    private DirectoryInfo _root = null!;
    private JsonDocument _output = null!;
    private RegionFigureSet _figures = null!;

    private string Data => Path.Combine(_root.FullName, "data");

    [OneTimeSetUp]
    public async Task RunTheYear()
    {
        _root = Directory.CreateTempSubdirectory("backoffice-lekstroom-");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();
        var exit = await BackofficeCli.RunAsync(["demo", "--region", "lekstroom-2020", "--data", Data, "--format", "json", "--schemas", RepoPaths.IwmoSchemas], stdout, stderr);
        clock.Stop();
        await TestContext.Progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"demo --region lekstroom-2020: generated and processed in {clock.Elapsed.TotalSeconds:F1} s"));
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), stderr.ToString());
        _output = JsonDocument.Parse(stdout.ToString());
        _figures = await RegionFigures.ReadAsync(new DbConnectionFactory(DatabaseSettings.SqliteInDataFolder(Data)), From, To, ["0321", "0353", "0331", "0356"], CancellationToken.None);
        SqliteConnection.ClearAllPools();
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        _output?.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A log file handle may linger; the temp folder is cleaned by the OS.
        }
    }

    [TestCase("0321", 363, 214_586_800, TestName = "Houten: 363 clients, EUR 2,145,868.00")]
    [TestCase("0353", 242, 106_680_500, TestName = "IJsselstein: 242 clients, EUR 1,066,805.00")]
    [TestCase("0331", 66, 30_667_700, TestName = "Lopik: 66 clients, EUR 306,677.00")]
    [TestCase("0356", 886, 320_706_900, TestName = "Nieuwegein: 886 clients, EUR 3,207,069.00")]
    [TestCase("1961", 320, 122_696_541, TestName = "Vijfheerenlanden: 320 clients, EUR 1,226,965.41")]
    public void Each_municipality_has_its_published_clients_and_spend_to_the_cent(string municipality, int clients, long cents)
    {
        var figure = _figures.Municipalities.Single(m => m.Key == municipality);
        Assert.That((figure.Clients, figure.Cents), Is.EqualTo((clients, cents)));
    }

    [Test]
    public async Task The_region_in_total_has_1877_clients_and_EUR_7953384_41()
    {
        Assert.That(_figures.Municipalities.Select(m => m.Key), Is.EquivalentTo(new[] { "0321", "0353", "0331", "0356", "1961" }), "only the five municipalities");
        Assert.That((_figures.Total.Clients, _figures.Total.Cents), Is.EqualTo((1_877, 795_338_441L)));

        // The same two numbers in plain SQL, without the helper.
        var plain = await ScalarAsync<long>("SELECT SUM(amount_cents) FROM payment_ledger WHERE delivery_month >= @From AND delivery_month <= @To", new { From, To });
        var clients = await ScalarAsync<long>(
            """
            SELECT COUNT(*) FROM (
              SELECT v.bsn FROM payment_ledger l JOIN prestatie_verdict v ON v.id = l.prestatie_id
              WHERE l.delivery_month >= @From AND l.delivery_month <= @To
              GROUP BY v.bsn HAVING SUM(l.amount_cents) > 0) c
            """,
            new { From, To });
        Assert.That((clients, plain), Is.EqualTo((1_877L, 795_338_441L)));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM payment_ledger WHERE delivery_month < @From OR delivery_month > @To", new { From, To }), Is.Zero, "nothing outside the year");
    }

    [Test]
    public void The_provider_table_without_Vijfheerenlanden_has_49_providers_and_the_published_concentration()
    {
        Assert.That(_figures.Providers, Has.Count.EqualTo(49));
        Assert.That(_figures.ProviderTableCents, Is.EqualTo(672_641_900L), "EUR 6,726,419");
        Assert.That(_figures.LargestCents(12), Is.EqualTo(606_847_600L), "the 12 largest: EUR 6,068,476");
        Assert.That(_figures.LargestCents(7), Is.EqualTo(538_113_500L), "the 7 largest: EUR 5,381,135");
        Assert.That(_figures.ProvidersCarrying(90), Is.EqualTo(12));
        Assert.That(_figures.ProvidersCarrying(80), Is.EqualTo(7));

        // The boundaries the definition turns on: 79.99997 % rounds to 80 %, the 6 and the 11 largest stay below 79.5 % and 89.5 %.
        Assert.That(RegionFigureSet.RoundedPercent(_figures.LargestCents(7), _figures.ProviderTableCents), Is.EqualTo(80));
        Assert.That(_figures.LargestCents(6) * 1000, Is.LessThan(_figures.ProviderTableCents * 795));
        Assert.That(_figures.LargestCents(11) * 1000, Is.LessThan(_figures.ProviderTableCents * 895));
    }

    [Test]
    public void Twenty_seven_providers_have_fewer_than_7_clients_and_EUR_225645_together()
    {
        var small = _figures.SmallProviders;
        Assert.That(small, Has.Count.EqualTo(27));
        Assert.That(small.Sum(p => p.Cents), Is.EqualTo(22_564_500L));
        Assert.That(small.All(p => p.Clients is >= 1 and < 7), Is.True);
    }

    // The published figures as a policy officer gets them: backoffice report steering on the year,
    // once over the region, once over the provider table's four municipalities, read from its files.
    [Test]
    public async Task Report_steering_on_the_year_reproduces_the_published_figures()
    {
        var region = await SteeringCsvAsync("region");
        var municipalities = region["municipalities"];
        Assert.That(
            municipalities.Select(m => (m["row"], m["municipality"], m["clients"], m["spend_eur"])),
            Is.EqualTo(new[]
            {
                ("municipality", "0321", "363", "2145868.00"),
                ("municipality", "0331", "66", "306677.00"),
                ("municipality", "0353", "242", "1066805.00"),
                ("municipality", "0356", "886", "3207069.00"),
                ("municipality", "1961", "320", "1226965.41"),
                ("total", "", "1877", "7953384.41"),
            }));

        var table = await SteeringCsvAsync("table", "0321", "0353", "0331", "0356");
        var concentration = table["concentration"].ToDictionary(c => c["figure"], StringComparer.Ordinal);
        Assert.That((concentration["providers"]["providers"], concentration["providers"]["spend_eur"]), Is.EqualTo(("49", "6726419.00")));
        Assert.That((concentration["carrying 80 %"]["providers"], concentration["carrying 80 %"]["spend_eur"]), Is.EqualTo(("7", "5381135.00")));
        Assert.That((concentration["carrying 90 %"]["providers"], concentration["carrying 90 %"]["spend_eur"]), Is.EqualTo(("12", "6068476.00")));
        Assert.That((concentration["fewer than 7 clients"]["providers"], concentration["fewer than 7 clients"]["spend_eur"]), Is.EqualTo(("27", "225645.00")));
    }

    private async Task<Dictionary<string, List<Dictionary<string, string>>>> SteeringCsvAsync(string name, params string[] municipalities)
    {
        var path = Path.Combine(_root.FullName, name + ".csv");
        var (exit, _, err) = await Cli.CliRun.RunAsync(["report", "steering", "--from", From, "--to", To, .. municipalities.SelectMany(m => new[] { "--municipality", m }), "--format", "csv", "--out", path, "--data", Data]);
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        var tables = new Dictionary<string, List<Dictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var figure in new[] { "municipalities", "concentration" })
        {
            tables[figure] = Reports.ReportCsv.Records(Path.Combine(_root.FullName, $"{name}.{figure}.csv"));
        }

        return tables;
    }

    [Test]
    public void The_demo_itself_reports_the_figures_and_no_surprise()
    {
        var root = _output.RootElement;
        Assert.That(root.GetProperty("asExpected").GetBoolean(), Is.True, root.GetProperty("surprises").ToString());
        Assert.That(root.GetProperty("region").GetString(), Is.EqualTo("lekstroom-2020"));
        var table = root.GetProperty("figures").GetProperty("providerTable");
        Assert.That(table.GetProperty("providers").GetInt32(), Is.EqualTo(49));
        Assert.That(table.GetProperty("largest7Cents").GetInt64(), Is.EqualTo(538_113_500L));
        Assert.That(root.GetProperty("figures").GetProperty("total").GetProperty("spendCents").GetInt64(), Is.EqualTo(795_338_441L));
        Assert.That(root.GetProperty("awardedPerMonth").EnumerateArray().Select(m => m.GetProperty("month").GetString()), Is.EqualTo(Enumerable.Range(1, 12).Select(m => string.Create(CultureInfo.InvariantCulture, $"2021-{m:D2}"))));
    }

    [Test]
    public async Task The_ledger_equals_the_325s_sent_in_total_and_per_declaration()
    {
        var answers = Directory.EnumerateFiles(Path.Combine(Data, "outbox"), "WMO325-*.xml")
            .Select(f => IwmoReader.Read(File.ReadAllBytes(f)).Message as Wmo325 ?? throw new AssertionException("a WMO325 in the outbox does not read as one"))
            .ToList();
        Assert.That(answers, Has.Count.EqualTo(await ScalarAsync<long>("SELECT COUNT(*) FROM message WHERE message_type = 'WMO323'")), "one 325 per 323");
        Assert.That(answers.All(a => a.DeclaratieAntwoord is not null), Is.True, "no 323 was rejected whole");

        var sent = answers.ToDictionary(a => (a.Header.Ontvanger, a.DeclaratieAntwoord!.DeclaratieNummer), a => a.DeclaratieAntwoord!.TotaalToegekendBedrag.Cents);
        var ledger = (await QueryAsync<(string Provider, string Nummer, long Cents)>(
                """
                SELECT d.provider, d.declaratie_nummer, COALESCE(SUM(l.amount_cents), 0)
                FROM declaration d LEFT JOIN payment_ledger l ON l.message_id = d.message_id
                GROUP BY d.provider, d.declaratie_nummer
                """))
            .ToDictionary(r => (r.Provider, r.Nummer), r => r.Cents);
        Assert.That(ledger, Is.EquivalentTo(sent), "per declaration: ledger = TotaalToegekendBedrag of its 325");
        Assert.That(await ScalarAsync<long>("SELECT SUM(amount_cents) FROM payment_ledger"), Is.EqualTo(sent.Values.Sum()).And.EqualTo(795_338_441L));
    }

    [Test]
    public async Task The_year_has_the_story_the_reports_are_run_on()
    {
        // A handful of rejected lines, each for its reason, and nothing else rejected.
        var rejected = await QueryAsync<string>("SELECT retourcodes FROM prestatie_verdict WHERE approved = 0");
        Assert.That(rejected.Order(StringComparer.Ordinal), Is.EqualTo(new[] { "0611", "8017", "9307", "9308", "9321", "9338", "9389" }));

        // Corrections: approved credits, each naming the approved debit it undoes, the pair netting to zero.
        var corrections = await QueryAsync<(long Credit, long Debit)>(
            """
            SELECT lc.amount_cents, ld.amount_cents
            FROM prestatie_verdict c
            JOIN payment_ledger lc ON lc.prestatie_id = c.id
            JOIN payment_ledger ld ON ld.prestatie_id = c.credits_prestatie_id
            WHERE c.approved = 1 AND c.debet_credit = 'C'
            """);
        Assert.That(corrections, Has.Count.GreaterThanOrEqualTo(5));
        Assert.That(corrections.All(c => c.Credit + c.Debit == 0 && c.Debit > 0), Is.True);

        // Outflow: ends as planned (19) and for other reasons; re-allocations stopped with 36.
        var reasons = (await QueryAsync<(string Reason, long Count)>("SELECT reden_beeindiging, COUNT(*) FROM care_line WHERE reden_beeindiging IS NOT NULL GROUP BY reden_beeindiging"))
            .ToDictionary(r => r.Reason, r => r.Count, StringComparer.Ordinal);
        Assert.That(reasons.Keys, Is.SupersetOf(new[] { "19", "02", "21", "23", "31", "36" }));
        Assert.That(reasons["19"], Is.GreaterThan(reasons.Where(r => r.Key != "19").Max(r => r.Value)), "most ends are as planned");

        // Re-allocations to a heavier (opschalen) and to a lighter (afschalen) cell from the day after the old one ends.
        var moves = await QueryAsync<(long Up, long Down)>(
            """
            SELECT COALESCE(SUM(CASE WHEN cn.tariff_cents > co.tariff_cents THEN 1 ELSE 0 END), 0),
                   COALESCE(SUM(CASE WHEN cn.tariff_cents < co.tariff_cents THEN 1 ELSE 0 END), 0)
            FROM allocation_version o
            JOIN allocation_version n ON n.bsn = o.bsn AND n.provider = o.provider AND n.toewijzing_nummer <> o.toewijzing_nummer
                                     AND n.ingangsdatum = date(o.einddatum, '+1 day') AND n.eenheid = '82'
            JOIN contract_version co ON co.provider = o.provider AND co.product_code = o.product_code AND co.is_current = 1
            JOIN contract_version cn ON cn.provider = n.provider AND cn.product_code = n.product_code AND cn.is_current = 1
            WHERE o.reden_wijziging = '05' AND o.eenheid = '82'
            """);
        Assert.That(moves.Single().Up, Is.Positive, "opschalen");
        Assert.That(moves.Single().Down, Is.Positive, "afschalen");

        // Mid-year starts and ends, most on arrangements, the rest in minutes of an hour product.
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM allocation_version WHERE ingangsdatum > '2021-01-01' AND ingangsdatum NOT LIKE '%-01'"), Is.Positive);
        var units = (await QueryAsync<(string Eenheid, long Lines)>("SELECT eenheid, COUNT(*) FROM prestatie_verdict WHERE approved = 1 GROUP BY eenheid")).ToDictionary(u => u.Eenheid, u => u.Lines, StringComparer.Ordinal);
        Assert.That(units.Keys, Is.EquivalentTo(new[] { "01", "82" }));
        Assert.That(units["82"], Is.GreaterThan(units["01"] * 2));
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = Open();
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    private async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = Open();
        return await connection.ExecuteScalarAsync<T>(sql, parameters) ?? throw new AssertionException("no value");
    }

    private SqliteConnection Open() =>
        new(string.Create(CultureInfo.InvariantCulture, $"Data Source={Path.Combine(Data, "backoffice.db")};Mode=ReadOnly;Pooling=False"));
}
