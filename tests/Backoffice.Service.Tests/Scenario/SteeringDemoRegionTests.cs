using Backoffice.Data;
using Backoffice.Data.Steering;
using Backoffice.Service.Cli;
using Dapper;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>
/// The steering figures of the region <c>backoffice demo</c> builds through the real path
/// (indications, 301s, 323s): their spend equals the ledger to the cent, per municipality and
/// provider and in total, read by independent SQL; and the report runs on it as a user runs it.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SteeringDemoRegionTests
{
    private DirectoryInfo _root = null!;

    private string _data = null!;

    private string Data => _data;

    [OneTimeSetUp]
    public async Task RunTheDemo()
    {
        _root = Directory.CreateTempSubdirectory("backoffice-steering-demo-");
        _data = (await DemoRegionOnce.GetAsync()).Data;
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
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

    [TestCase("2026-01", "2026-03")]
    [TestCase("2026-02", "2026-02")]
    [TestCase("2000-01", "2099-12")]
    public async Task Spend_per_municipality_and_provider_equals_the_ledger(string from, string to)
    {
        var connections = new DbConnectionFactory(DatabaseSettings.SqliteInDataFolder(Data));
        var selection = new SteeringSelection(StoredDates.ParseMonth(from), StoredDates.ParseMonth(to), [], null);
        var figures = await new SteeringReportStore(connections).ReadAsync(selection, CancellationToken.None);

        await using var connection = await connections.OpenAsync(CancellationToken.None);
        var filter = new { from, to };
        var total = await connection.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(amount_cents), 0) FROM payment_ledger WHERE delivery_month BETWEEN @from AND @to", filter);
        var perMunicipality = (await connection.QueryAsync<(string, long)>("SELECT municipality, SUM(amount_cents) FROM payment_ledger WHERE delivery_month BETWEEN @from AND @to GROUP BY municipality ORDER BY municipality", filter)).ToList();
        var perProvider = (await connection.QueryAsync<(string, long)>("SELECT provider, SUM(amount_cents) FROM payment_ledger WHERE delivery_month BETWEEN @from AND @to GROUP BY provider ORDER BY provider", filter)).ToList();

        Assert.That(total, Is.GreaterThan(0), "the demo paid something in the period");
        Assert.That(figures.Total.SpendCents, Is.EqualTo(total));
        Assert.That(figures.Municipalities.Where(m => m.Figures.LedgerRows > 0).Select(m => (m.Municipality, m.Figures.SpendCents)), Is.EqualTo(perMunicipality));
        Assert.That(figures.Providers.Select(p => (p.Provider, p.Figures.SpendCents)), Is.EqualTo(perProvider));
        Assert.That(figures.Cells.Sum(c => c.Figures.SpendCents), Is.EqualTo(total), "every ledger row is in exactly one cell");
        Assert.That(figures.Concentration.Ranked[^1].CumulativeCents, Is.EqualTo(total));

        // Clients recounted here from the rows: per municipality the BSNs whose net there is above 0.
        var nets = (await connection.QueryAsync<(string Municipality, string Bsn, long Net)>(
            "SELECT l.municipality, v.bsn, SUM(l.amount_cents) FROM payment_ledger l JOIN prestatie_verdict v ON v.id = l.prestatie_id WHERE l.delivery_month BETWEEN @from AND @to GROUP BY l.municipality, v.bsn", filter)).ToList();
        var clients = nets.Where(n => n.Net > 0).GroupBy(n => n.Municipality).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => (g.Key, g.Count())).ToList();
        Assert.That(figures.Municipalities.Where(m => m.Figures.Clients > 0).Select(m => (m.Municipality, m.Figures.Clients)), Is.EqualTo(clients));
    }

    [Test]
    public async Task The_report_on_the_demo_writes_every_figure_and_no_bsn()
    {
        var path = Path.Combine(_root.FullName, "steering.xlsx");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await BackofficeCli.RunAsync(["report", "steering", "--from", "2026-01", "--to", "2026-03", "--format", "xlsx", "--out", path, "--data", Data], stdout, stderr);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), stderr.ToString());
        Assert.That(stdout.ToString(), Does.Contain("300 clients"), "every demo client was paid for in the quarter");
        Assert.That(MiniExcelLibs.MiniExcel.GetSheetNames(path), Has.Count.EqualTo(8));
        await using var connection = await new DbConnectionFactory(DatabaseSettings.SqliteInDataFolder(Data)).OpenAsync(CancellationToken.None);
        var bsns = (await connection.QueryAsync<string>("SELECT DISTINCT bsn FROM prestatie_verdict")).ToList();
        using var zip = System.IO.Compression.ZipFile.OpenRead(path);
        var content = string.Concat(zip.Entries.Select(e =>
        {
            using var reader = new StreamReader(e.Open());
            return reader.ReadToEnd();
        }));
        Assert.That(bsns, Is.Not.Empty);
        Assert.That(bsns.Where(b => content.Contains(b, StringComparison.Ordinal) || stdout.ToString().Contains(b, StringComparison.Ordinal)), Is.Empty, "no BSN in the workbook or the output");
    }
}
