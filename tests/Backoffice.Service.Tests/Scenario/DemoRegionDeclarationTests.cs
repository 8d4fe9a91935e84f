using System.Globalization;
using System.Text.Json;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Reference;
using Backoffice.Data;
using Backoffice.Data.Reference;
using Backoffice.Service.Cli;
using Backoffice.Service.Demo;
using Backoffice.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>
/// The scenario of the declarations issue, through <c>backoffice demo</c> as a user runs it: a demo
/// region of a few hundred clients at four providers declares three consecutive months, with
/// corrections and lines that must be rejected. Read back from the database and the outbox, the
/// ledger, the declarations recorded and the 325s sent agree to the cent per month and provider,
/// every rejection carries its code on its own prestatie, every correction is linked and nets out,
/// and every 323 has exactly one 325.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class DemoRegionDeclarationTests
{
    private DirectoryInfo _root = null!;
    private JsonDocument _output = null!;
    private DemoPlan _plan = null!;

    private string _data = null!;

    private string Data => _data;

    [OneTimeSetUp]
    public async Task RunTheDemo()
    {
        _root = Directory.CreateTempSubdirectory("backoffice-demo-");
        var demo = await DemoRegionOnce.GetAsync();
        _data = demo.Data;
        _output = JsonDocument.Parse(demo.Output);

        // The same plan the demo ran (it is deterministic), from the reference data it imported.
        var store = new ReferenceStore(new DbConnectionFactory(DatabaseSettings.SqliteInDataFolder(Data)));
        var contracts = new List<ContractTariff>();
        foreach (var (agb, _) in DemoRegion.Providers)
        {
            contracts.AddRange(await store.ContractsOfProviderAsync(agb, CancellationToken.None));
        }

        _plan = DemoRegion.Build(await store.CurrentProductsAsync(CancellationToken.None), contracts);
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

    private IEnumerable<DemoExpectation> Expected => _plan.Steps.SelectMany(s => s.Declarations);

    [Test]
    public void The_demo_reports_every_expectation_met()
    {
        var root = _output.RootElement;
        Assert.That(root.GetProperty("asExpected").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("surprises").GetArrayLength(), Is.Zero);
        Assert.That(root.GetProperty("clients").GetInt32(), Is.EqualTo(DemoRegion.DefaultClients));
        Assert.That(root.GetProperty("providers").GetInt32(), Is.EqualTo(4));
        Assert.That(root.GetProperty("municipalities").GetInt32(), Is.EqualTo(6));
        Assert.That(root.GetProperty("awardedPerMonth").EnumerateArray().Select(m => m.GetProperty("month").GetString()), Is.EqualTo(new[] { "2026-01", "2026-02", "2026-03" }));
    }

    [Test]
    public async Task Every_323_has_exactly_one_325_in_the_outbox_and_in_the_answers()
    {
        var declarations = await QueryAsync<(long Id, string Sender, string Identificatie)>("SELECT id, sender, identificatie FROM message WHERE message_type = 'WMO323'");
        Assert.That(declarations, Has.Count.EqualTo(Expected.Count()));
        Assert.That(await QueryAsync<long>("SELECT message_id FROM declaration"), Is.EquivalentTo(declarations.Select(d => d.Id)));
        Assert.That(await QueryAsync<long>("SELECT message_id FROM message_answer WHERE answer_type = 'WMO325'"), Is.EquivalentTo(declarations.Select(d => d.Id)));

        var answers = Answers();
        Assert.That(answers.Select(a => (a.Header.Ontvanger, a.Header.DeclaratieIdentificatie.Identificatie)), Is.EquivalentTo(declarations.Select(d => (d.Sender, d.Identificatie))), "one 325 per 323, naming it (TR337)");
    }

    [Test]
    public async Task Ledger_declarations_and_325s_agree_to_the_cent_per_month_and_provider()
    {
        var ledger = (await QueryAsync<(string Month, string Provider, long Cents)>(
                "SELECT batch_month, provider, SUM(amount_cents) FROM payment_ledger GROUP BY batch_month, provider"))
            .ToDictionary(r => (r.Month, r.Provider), r => r.Cents);
        var declared = (await QueryAsync<(string Month, string Provider, long Cents)>(
                "SELECT substr(periode_begin, 1, 7), provider, SUM(toegekend_cents) FROM declaration GROUP BY substr(periode_begin, 1, 7), provider"))
            .ToDictionary(r => (r.Month, r.Provider), r => r.Cents);
        var months = (await QueryAsync<(string Provider, string Nummer, string Month)>("SELECT provider, declaratie_nummer, substr(periode_begin, 1, 7) FROM declaration"))
            .ToDictionary(r => (r.Provider, r.Nummer), r => r.Month);
        var sent = Answers()
            .GroupBy(a => (months[(a.Header.Ontvanger, a.DeclaratieAntwoord!.DeclaratieNummer)], a.Header.Ontvanger))
            .ToDictionary(g => g.Key, g => g.Sum(a => a.DeclaratieAntwoord!.TotaalToegekendBedrag.Cents));
        var expected = Expected.GroupBy(e => (e.Month, e.Provider)).ToDictionary(g => g.Key, g => g.Sum(e => e.ToegekendCents));

        Assert.That(expected.Keys, Has.Count.EqualTo(12), "three months, four providers");
        Assert.That(declared, Is.EquivalentTo(expected), "declaration.toegekend_cents");
        Assert.That(sent, Is.EquivalentTo(expected), "TotaalToegekendBedrag of the 325s in the outbox");
        Assert.That(ledger, Is.EquivalentTo(expected), "payment_ledger.amount_cents");
    }

    [TestCase("2026-01")]
    [TestCase("2026-02")]
    [TestCase("2026-03")]
    public async Task The_payment_report_of_each_month_reconciles_and_pays_each_provider_what_its_325s_awarded(string month)
    {
        var file = Path.Combine(Data, "..", string.Create(CultureInfo.InvariantCulture, $"payments-{month}.csv"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var exit = await BackofficeCli.RunAsync(["report", "payments", "--month", month, "--format", "csv", "--out", file, "--data", Data], stdout, stderr);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), stderr.ToString());
        Assert.That(stdout.ToString(), Does.Contain("reconciles"));
        using var reader = CsvHelper.CsvReader.FromFile(Path.ChangeExtension(file, ".providers.csv"), CsvHelper.CsvReaderOptions.Default with { Separator = ',', HasHeader = true });
        var paid = new Dictionary<string, long>(StringComparer.Ordinal);
        while (reader.Read())
        {
            if (reader.GetString(0) == "provider")
            {
                var provider = reader.GetString(4);
                paid[provider] = paid.GetValueOrDefault(provider) + long.Parse(reader.GetString(9), CultureInfo.InvariantCulture);
            }
        }

        var expected = Expected.Where(e => e.Month == month).GroupBy(e => e.Provider).ToDictionary(g => g.Key, g => g.Sum(e => e.ToegekendCents));
        Assert.That(paid, Is.EquivalentTo(expected), "ledger_net_cents per provider in the report = what the 325s awarded");
    }

    [Test]
    public async Task Every_expected_rejection_carries_its_code_on_its_own_prestatie()
    {
        var verdicts = (await QueryAsync<(string Provider, string Referentie, long Approved, string Codes)>(
                "SELECT provider, referentie_nummer, approved, retourcodes FROM prestatie_verdict"))
            .ToDictionary(v => (v.Provider, v.Referentie), v => (v.Approved, v.Codes));
        var rejections = Expected.SelectMany(e => e.Rejected.Select(r => (e.Provider, Referentie: r.Key, Code: r.Value))).ToList();

        Assert.That(rejections.Select(r => r.Code).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "0611", "8017", "9307", "9308", "9321", "9338", "9389" }), "each kind of rejection the demo shows");
        Assert.That(verdicts, Has.Count.EqualTo(Expected.Sum(e => e.Lines)), "a verdict per prestatie declared");
        foreach (var (provider, referentie, code) in rejections)
        {
            Assert.That(verdicts[(provider, referentie)], Is.EqualTo((0L, code)), $"{provider} {referentie}");
        }

        Assert.That(verdicts.Where(v => v.Value.Approved == 0).Select(v => v.Key), Is.EquivalentTo(rejections.Select(r => (r.Provider, r.Referentie))), "nothing else is rejected");
        Assert.That(verdicts.Where(v => v.Value.Approved == 1).Select(v => v.Value.Codes).Distinct(), Is.EqualTo(new[] { "8001" }));

        // The 325 sends each rejected line back with the same code (IV087).
        var returned = Answers().SelectMany(a => a.DeclaratieAntwoord!.Clienten.SelectMany(c => c.Prestaties.Select(p => (a.Header.Ontvanger, p.Prestatie.ProductReferentie.ReferentieNummer, string.Join(" ", p.RetourCodes)))));
        Assert.That(returned, Is.EquivalentTo(rejections));
    }

    [Test]
    public async Task A_correction_links_the_credit_to_its_debit_and_the_ledger_nets_them()
    {
        var credits = Expected.SelectMany(e => e.Credits.Select(c => (e.Provider, c.Credit, c.Debit))).ToList();
        Assert.That(credits, Has.Count.GreaterThanOrEqualTo(5), "the demo corrects several January lines in March");
        foreach (var (provider, credit, debit) in credits)
        {
            var rows = (await QueryAsync<(long Id, string Referentie, string DebetCredit, long Approved, long? Credits, long Ledger)>(
                    """
                    SELECT v.id, v.referentie_nummer, v.debet_credit, v.approved, v.credits_prestatie_id, l.amount_cents
                    FROM prestatie_verdict v JOIN payment_ledger l ON l.prestatie_id = v.id
                    WHERE v.provider = @provider AND v.referentie_nummer IN (@credit, @debit)
                    """,
                    new { provider, credit, debit }))
                .ToDictionary(r => r.Referentie);
            Assert.That(rows.Keys, Is.EquivalentTo(new[] { credit, debit }), $"{provider} {credit}: both approved and in the ledger");
            Assert.That(rows[credit].Credits, Is.EqualTo(rows[debit].Id), "credits_prestatie_id names the debit it undoes");
            Assert.That((rows[debit].DebetCredit, rows[credit].DebetCredit), Is.EqualTo(("D", "C")));
            Assert.That(rows[debit].Ledger + rows[credit].Ledger, Is.Zero, "the ledger nets the credit against its debit");
            Assert.That(rows[debit].Ledger, Is.Positive);
        }

        // Each corrected period has exactly one uncredited approved debit left: the new one.
        var open = await QueryAsync<long>(
            """
            SELECT COUNT(*) FROM prestatie_verdict d
            WHERE d.approved = 1 AND d.debet_credit = 'D'
              AND NOT EXISTS (SELECT 1 FROM prestatie_verdict c WHERE c.approved = 1 AND c.credits_prestatie_id = d.id)
            GROUP BY d.provider, d.toewijzing_nummer, d.product_code, d.periode_begin, d.periode_eind
            HAVING COUNT(*) > 1
            """);
        Assert.That(open, Is.Empty, "TR389: one standing debit per allocation, product and period");
    }

    [Test]
    public async Task A_second_demo_on_its_own_folder_rebuilds_it_and_a_foreign_folder_is_refused()
    {
        var foreign = Directory.CreateDirectory(Path.Combine(_root.FullName, "foreign"));
        await File.WriteAllTextAsync(Path.Combine(foreign.FullName, "backoffice.db"), "not ours");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.That(await BackofficeCli.RunAsync(["demo", "--data", foreign.FullName], stdout, stderr), Is.EqualTo(ExitCodes.Usage));
        Assert.That(await File.ReadAllTextAsync(Path.Combine(foreign.FullName, "backoffice.db")), Is.EqualTo("not ours"), "nothing of a foreign folder is touched");

        var again = Path.Combine(_root.FullName, "again");
        Assert.That(await BackofficeCli.RunAsync(["demo", "--data", again, "--schemas", RepoPaths.IwmoSchemas], stdout, stderr), Is.EqualTo(ExitCodes.Ok), stderr.ToString());
        SqliteConnection.ClearAllPools();
        Assert.That(await BackofficeCli.RunAsync(["demo", "--data", again, "--schemas", RepoPaths.IwmoSchemas], stdout, stderr), Is.EqualTo(ExitCodes.Ok), stderr.ToString());
        Assert.That(stdout.ToString(), Does.Contain("Every line that should pass passed"));
        SqliteConnection.ClearAllPools();
    }

    private List<Wmo325> Answers() =>
    [
        .. Directory.EnumerateFiles(Path.Combine(Data, "outbox"), "WMO325-*.xml")
            .Select(f => IwmoReader.Read(File.ReadAllBytes(f)).Message)
            .Select(m => m as Wmo325 ?? throw new AssertionException("a WMO325 in the outbox does not read as one")),
    ];

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection(string.Create(CultureInfo.InvariantCulture, $"Data Source={Path.Combine(Data, "backoffice.db")};Mode=ReadOnly;Pooling=False"));
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }
}
