using System.Globalization;
using Backoffice.Core.Reference;
using Backoffice.Data;
using Backoffice.Data.Reference;
using Backoffice.Service.Cli;
using Backoffice.Service.Demo;
using Backoffice.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>
/// <c>backoffice report reconciliation</c> on the demo region, run once by <c>backoffice demo</c> as a
/// user runs it: the report's paid total equals the ledger to the cent, a paid prestatie is traced
/// back through its allocation to its indication and its 323, and the exceptions an auditor looks
/// for are found when they are there: built through the real path where the service allows it (an
/// indication withdrawn by a later import; a region whose allocations have no indication), and put
/// straight into a copy of the database where the service makes the state impossible (an approved
/// credit without its debit: TR323 refuses it; an answer written after its due day: the answer is
/// written with the verdict).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class DemoRegionReconciliationTests
{
    private DirectoryInfo _root = null!;
    private DemoPlan _plan = null!;

    private string _data = null!;

    private string Data => _data;

    [OneTimeSetUp]
    public async Task RunTheDemo()
    {
        _root = Directory.CreateTempSubdirectory("backoffice-recon-");
        _data = (await DemoRegionOnce.GetAsync()).Data;

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

    [TestCase("2026-01", "2026-03", null)]
    [TestCase("2026-02", "2026-02", null)]
    [TestCase("2026-01", "2026-03", "0363")]
    public async Task The_paid_total_equals_the_ledger_over_the_delivery_months_to_the_cent(string from, string to, string? municipality)
    {
        var file = Out($"recon-{from}-{to}-{municipality}.csv");
        string[] args = ["report", "reconciliation", "--from", from, "--to", to, "--format", "csv", "--out", file, "--data", Data];
        var (exit, output, error) = await Run(municipality is null ? args : [.. args, "--municipality", municipality]);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), error);
        var ledger = await Scalar<long>(
            "SELECT COALESCE(SUM(amount_cents), 0) FROM payment_ledger WHERE delivery_month >= @from AND delivery_month <= @to AND (@municipality IS NULL OR municipality = @municipality)",
            new { from, to, municipality });
        Assert.That(ledger, Is.Positive, "the demo paid something in these months");
        var (header, rows) = ReadCsv(file);
        var total = rows.Single(r => r[0] == "total");
        Assert.That(long.Parse(total[header.IndexOf("paid_cents")], CultureInfo.InvariantCulture), Is.EqualTo(ledger), "total row = SELECT SUM(amount_cents) FROM payment_ledger over the period");
        Assert.That(rows.Where(r => r[0] == "line").Sum(r => long.Parse(r[header.IndexOf("paid_cents")], CultureInfo.InvariantCulture)), Is.EqualTo(ledger), "the lines add up to the total");
        Assert.That(decimal.Parse(total[header.IndexOf("paid_eur")], CultureInfo.InvariantCulture), Is.EqualTo(ledger / 100m));
        Assert.That(output, Does.Contain(": equal."));
        Assert.That(rows[..^1].All(r => r[0] == "line") && rows[^1][0] == "total", "one total row, last");
    }

    [TestCase("--from", "2026-03", "--to", "2026-01")]
    [TestCase("--from", "2026-13", "--to", "2026-01")]
    [TestCase("--provider", "12345678", "--from", "2026-01", "--to", "2026-01")]
    [TestCase("--municipality", "9999", "--from", "2026-01", "--to", "2026-01")]
    [TestCase("--provider", "1234", "--from", "2026-01", "--to", "2026-01")]
    public async Task Usage_errors_write_nothing_and_exit_2(params string[] options)
    {
        var file = Out("usage.csv");

        var (exit, _, error) = await Run(["report", "reconciliation", "--format", "csv", "--out", file, "--data", Data, .. options]);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage), error);
        Assert.That(File.Exists(file), Is.False, "nothing written");
    }

    [Test]
    public async Task A_paid_prestatie_is_traced_to_its_indication_its_allocation_its_301_and_its_323()
    {
        // A January line paid by the only 323 that declared its allocation that month.
        var paid = (await Query<(long MessageId, string Identificatie, string Nummer, string Municipality, long Number, string Indication, string Allocation301, long Cents)>(
            """
            SELECT p.message_id, m.identificatie, d.declaratie_nummer, p.municipality, p.toewijzing_nummer, av.indication_number, am.identificatie, l.amount_cents
            FROM payment_ledger l
            JOIN prestatie_verdict p ON p.id = l.prestatie_id
            JOIN declaration d ON d.message_id = p.message_id
            JOIN message m ON m.id = p.message_id
            JOIN allocation_version av ON av.id = p.allocation_version_id
            JOIN message am ON am.id = av.message_id
            WHERE l.delivery_month = '2026-01' AND l.amount_cents > 0
              AND (SELECT COUNT(*) FROM prestatie_verdict o WHERE o.municipality = p.municipality AND o.toewijzing_nummer = p.toewijzing_nummer AND substr(o.periode_begin, 1, 7) = '2026-01') = 1
            ORDER BY p.id LIMIT 1
            """)).Single();
        var file = Out("trace.csv");

        var (exit, _, error) = await Run("report", "reconciliation", "--from", "2026-01", "--to", "2026-01", "--format", "csv", "--out", file, "--data", Data);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), error);
        var (header, rows) = ReadCsv(file);
        string Cell(string[] row, string column) => row[header.IndexOf(column)];
        var line = rows.Single(r => Cell(r, "municipality") == paid.Municipality && Cell(r, "allocation_number") == paid.Number.ToString(CultureInfo.InvariantCulture));
        Assert.That(Cell(line, "indication_number"), Is.EqualTo(paid.Indication).And.Not.Empty, "the indication the allocation rests on");
        Assert.That(Cell(line, "indication_status"), Is.EqualTo("active"));
        Assert.That(Cell(line, "backing"), Is.EqualTo("backed"));
        Assert.That(Cell(line, "municipality_name"), Is.EqualTo(await Scalar<string>("SELECT name FROM municipality_version WHERE cbs_code = @c AND is_current = 1", new { c = paid.Municipality })));
        Assert.That(Cell(line, "allocation_bericht_identificatie"), Is.EqualTo(paid.Allocation301), "our 301");
        Assert.That(Cell(line, "last_declaration_message_id"), Is.EqualTo(paid.MessageId.ToString(CultureInfo.InvariantCulture)), "the 323");
        Assert.That(Cell(line, "last_declaration_bericht_identificatie"), Is.EqualTo(paid.Identificatie));
        Assert.That(Cell(line, "last_declaratie_nummer"), Is.EqualTo(paid.Nummer));
        Assert.That(Cell(line, "paid_cents"), Is.EqualTo(paid.Cents.ToString(CultureInfo.InvariantCulture)));
        Assert.That(Cell(line, "approved_lines"), Is.EqualTo("1"));
        Assert.That(File.ReadAllText(file), Does.Not.Contain(_plan.Clients[0].Bsn), "no BSN in the report");
    }

    [Test]
    public async Task Every_rejected_prestatie_is_listed_per_retourcode_with_its_323_and_the_demo_has_no_exceptions()
    {
        var file = Out("rejections.csv");

        var (exit, output, error) = await Run("report", "reconciliation", "--from", "2026-01", "--to", "2026-03", "--format", "csv", "--out", file, "--data", Data);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), error);
        var (header, rows) = ReadCsv(Path.ChangeExtension(file, ".rejections.csv"));
        Assert.That(rows.Select(r => r[header.IndexOf("retourcode")]).Order(StringComparer.Ordinal), Is.EqualTo(new[] { "0611", "8017", "9307", "9308", "9321", "9338", "9389" }));
        var verdicts = await Query<(long MessageId, string Referentie, string Codes)>("SELECT message_id, referentie_nummer, retourcodes FROM prestatie_verdict WHERE approved = 0");
        Assert.That(
            rows.Select(r => (long.Parse(r[header.IndexOf("message_id")], CultureInfo.InvariantCulture), r[header.IndexOf("referentie_nummer")], r[header.IndexOf("retourcode")])),
            Is.EquivalentTo(verdicts));
        var (_, exceptions) = ReadCsv(Path.ChangeExtension(file, ".exceptions.csv"));
        Assert.That(exceptions, Is.Empty, "every allocation of the demo rests on an indication, every answer left in time");
        Assert.That(output, Does.Contain("Exceptions paid-without-indication: 0").And.Contain("Exceptions answer-late: 0"));
    }

    [Test]
    public async Task Xlsx_has_typed_number_and_date_cells_in_each_sheet()
    {
        var path = Out("recon.xlsx");

        var (exit, _, error) = await Run("report", "reconciliation", "--from", "2026-01", "--to", "2026-03", "--format", "xlsx", "--out", path, "--data", Data);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), error);
        Assert.That(MiniExcel.GetSheetNames(path), Is.EqualTo(new[] { "lines", "rejections", "exceptions" }));
        var lines = Sheet(path, "lines");
        var line = lines.First(l => (string?)l["row"] == "line" && l["indication_number"] is string);
        Assert.That(line["delivery_month"], Is.TypeOf<DateTime>(), "a real date cell");
        Assert.That(line["allocation_ingangsdatum"], Is.TypeOf<DateTime>());
        Assert.That(line["paid_cents"], Is.TypeOf<double>(), "a number cell");
        Assert.That(line["paid_eur"], Is.TypeOf<double>());
        Assert.That(line["allocated_volume"], Is.TypeOf<double>());
        Assert.That(line["product_categorie"], Is.TypeOf<string>().And.Length.EqualTo(2), "codes stay text, leading zero and all");
        var ledger = await Scalar<long>("SELECT SUM(amount_cents) FROM payment_ledger WHERE delivery_month BETWEEN '2026-01' AND '2026-03'");
        Assert.That(lines[^1]["row"], Is.EqualTo("total"));
        Assert.That(lines[^1]["paid_cents"], Is.EqualTo((double)ledger));
        var rejection = Sheet(path, "rejections")[0];
        Assert.That(rejection["delivery_month"], Is.TypeOf<DateTime>());
        Assert.That(rejection["bedrag_eur"], Is.TypeOf<double>());
    }

    [Test]
    public async Task A_withdrawn_indication_a_credit_without_its_debit_and_late_or_unsent_answers_are_flagged()
    {
        var copy = Directory.CreateDirectory(Path.Combine(_root.FullName, "copy")).FullName;
        await using (var source = new SqliteConnection($"Data Source={Path.Combine(Data, "backoffice.db")};Mode=ReadOnly;Pooling=False"))
        {
            await source.ExecuteAsync($"VACUUM INTO '{Path.Combine(copy, "backoffice.db")}'");
        }

        // Through the real path: the front office withdraws the indication of a regular client, whose lines were paid.
        var client = _plan.Clients.First(c => c.Role == DemoRole.Regular && c.Allocations.Count == 1);
        var allocation = client.Allocations[0];
        var withdrawn = DemoRegion.IndicationsCsv([new DemoIndication(allocation.IndicationNumber, client.Municipality, client.Bsn, allocation.Product, allocation.Ingangsdatum, new DateOnly(2026, 12, 31), allocation.IndicationDecided)])
            .Replace(",active\n", ",withdrawn\n", StringComparison.Ordinal);
        var csv = Path.Combine(_root.FullName, "withdrawn.csv");
        await File.WriteAllTextAsync(csv, withdrawn);
        var (imported, importOutput, importError) = await Run("import", "indications", csv, "--data", copy);
        Assert.That(imported, Is.EqualTo(ExitCodes.Ok), importOutput + importError);

        // Straight into the copy, because the service refuses these states: an approved credit that
        // undoes no debit (TR323 rejects it with 8017) with its ledger row, so the money path sees it.
        await using (var db = new SqliteConnection($"Data Source={Path.Combine(copy, "backoffice.db")};Pooling=False"))
        {
            await db.ExecuteAsync(
                """
                INSERT INTO prestatie_verdict (message_id, ordinal, municipality, provider, bsn, referentie_nummer, vorig_referentie_nummer, toewijzing_nummer,
                    product_categorie, product_code, periode_begin, periode_eind, geleverd_volume, eenheid, product_tarief, bedrag_cents, debet_credit,
                    approved, retourcodes, allocation_version_id, indication_number, indication_version, credits_prestatie_id, recorded_at)
                SELECT message_id, 9999, municipality, provider, bsn, 'ORPHAN-CREDIT', 'NO-SUCH-DEBIT', toewijzing_nummer,
                    product_categorie, product_code, periode_begin, periode_eind, geleverd_volume, eenheid, product_tarief, bedrag_cents, 'C',
                    1, '8001', allocation_version_id, indication_number, indication_version, NULL, recorded_at
                FROM prestatie_verdict WHERE approved = 1 AND debet_credit = 'D' AND periode_begin LIKE '2026-02%' ORDER BY id LIMIT 1;
                INSERT INTO payment_ledger (message_id, prestatie_id, municipality, provider, product_categorie, product_code, delivery_month, batch_month, amount_cents, recorded_at)
                SELECT p.message_id, p.id, p.municipality, p.provider, p.product_categorie, p.product_code, '2026-02', substr(d.periode_begin, 1, 7), -p.bedrag_cents, p.recorded_at
                FROM prestatie_verdict p JOIN declaration d ON d.message_id = p.message_id WHERE p.referentie_nummer = 'ORPHAN-CREDIT';
                """);

            // An answer written after its due day, and one never written: the service writes each
            // answer with its verdict, so the due day is moved back instead.
            await db.ExecuteAsync(
                """
                UPDATE message SET answer_due_on = '2026-02-04'
                WHERE id = (SELECT MIN(m.id) FROM message m WHERE m.message_type = 'WMO323' AND m.dagtekening LIKE '2026-02%');
                UPDATE message_answer SET written_at = NULL
                WHERE message_id = (SELECT MAX(m.id) FROM message m WHERE m.message_type = 'WMO323' AND m.dagtekening LIKE '2026-02%');
                """);
        }

        SqliteConnection.ClearAllPools();
        var file = Path.Combine(copy, "recon.csv");
        var (exit, output, error) = await Run("report", "reconciliation", "--from", "2026-01", "--to", "2026-03", "--format", "csv", "--out", file, "--data", copy, "--as-of", "2026-06-30");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), error + output);
        var (header, rows) = ReadCsv(Path.ChangeExtension(file, ".exceptions.csv"));
        string Cell(string[] row, string column) => row[header.IndexOf(column)];
        var byKind = rows.GroupBy(r => Cell(r, "kind")).ToDictionary(g => g.Key, g => g.ToList());

        var number = allocation.Number.ToString(CultureInfo.InvariantCulture);
        var linesOnWithdrawn = await Query<long>(
            "SELECT COUNT(*) FROM prestatie_verdict WHERE toewijzing_nummer = @n AND municipality = @m AND periode_begin BETWEEN '2026-01-01' AND '2026-03-31'",
            new { n = allocation.Number, m = client.Municipality }, copy);
        Assert.That(byKind["declared-on-ended-indication"].Select(r => Cell(r, "allocation_number")), Is.All.EqualTo(number));
        Assert.That(byKind["declared-on-ended-indication"], Has.Count.EqualTo(linesOnWithdrawn.Single()), "every line declared on it");
        Assert.That(byKind["declared-on-ended-indication"].Select(r => Cell(r, "detail")), Has.All.Contains("withdrawn in version 2"));
        Assert.That(byKind.GetValueOrDefault("paid-without-indication"), Is.Null, "when the lines were paid the indication's version then standing was active: money paid on a valid indication");
        Assert.That(Cell(byKind["declared-on-ended-indication"][0], "detail"), Does.Contain("recorded after the declaration was judged"));

        var orphan = byKind["credit-without-debit"].Single();
        Assert.That(Cell(orphan, "referentie_nummer"), Is.EqualTo("ORPHAN-CREDIT"));
        Assert.That(Cell(orphan, "declaratie_nummer"), Does.StartWith("D2602"));
        Assert.That(long.Parse(Cell(orphan, "amount_cents"), CultureInfo.InvariantCulture), Is.Negative);
        var mismatch = byKind["payment-total-mismatch"].Single();
        Assert.That(Cell(mismatch, "message_id"), Is.EqualTo(Cell(orphan, "message_id")), "the declaration whose ledger rows no longer equal its 325");

        var late = byKind["answer-late"].Single();
        Assert.That(Cell(late, "due_on"), Is.EqualTo("2026-02-04"));
        Assert.That(string.CompareOrdinal(Cell(late, "answered_on"), "2026-02-04"), Is.Positive);
        var unsent = byKind["answer-unsent"].Single();
        Assert.That(Cell(unsent, "answered_on"), Is.Empty);
        Assert.That(Cell(unsent, "message_type"), Is.EqualTo("WMO323"));

        var ledger = await Query<long>("SELECT SUM(amount_cents) FROM payment_ledger WHERE delivery_month BETWEEN '2026-01' AND '2026-03'", null, copy);
        var (lineHeader, lines) = ReadCsv(file);
        Assert.That(lines.Single(r => r[0] == "total")[lineHeader.IndexOf("paid_cents")], Is.EqualTo(ledger.Single().ToString(CultureInfo.InvariantCulture)), "the orphan credit is paid money too");
        Assert.That(output, Does.Contain("Exceptions credit-without-debit: 1").And.Contain("Exceptions answer-late: 1").And.Contain("Exceptions answer-unsent: 1").And.Contain("Exceptions payment-total-mismatch: 1"));
        Assert.That(File.ReadAllText(Path.ChangeExtension(file, ".exceptions.csv")), Does.Not.Contain(client.Bsn), "no BSN in the exceptions");
    }

    [Test]
    public async Task Allocations_without_an_indication_and_the_money_paid_on_them_are_flagged()
    {
        // A region whose 301s go out before the front office delivered any indication for these
        // clients: the real import (deploy/demo, whose ten indications are of other clients), the
        // demo's 301s and its January 323s, through process as an operator runs it.
        using var desk = new ScenarioDesk();
        await desk.ImportAsync(Directory.EnumerateFiles(RepoPaths.DemoReference, "*.csv").ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllLines));
        var clients = _plan.Clients.Take(40).ToList();
        var allocations = _plan.Steps[0].Messages.Take(clients.Count).Select((m, i) => (string.Create(CultureInfo.InvariantCulture, $"301-{i:D3}.xml"), m)).ToArray();
        await desk.ProcessAsync(_plan.Steps[0].ProcessingDate, allocations);
        var declarations = _plan.Steps[1].Messages.Select((m, i) => (string.Create(CultureInfo.InvariantCulture, $"323-{i:D3}.xml"), m)).ToArray();
        await desk.ProcessAsync(_plan.Steps[1].ProcessingDate, declarations);
        var file = Path.Combine(desk.Data, "..", "unbacked.csv");

        var (exit, output, error) = await Run("report", "reconciliation", "--from", "2026-01", "--to", "2026-01", "--format", "csv", "--out", file, "--data", desk.Data);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), error);
        var (header, rows) = ReadCsv(Path.ChangeExtension(file, ".exceptions.csv"));
        string Cell(string[] row, string column) => row[header.IndexOf(column)];
        var unbacked = await desk.QueryAsync<(long Message, string Identificatie, long Number)>(
            """
            SELECT a.message_id, m.identificatie, a.toewijzing_nummer FROM allocation_version a JOIN message m ON m.id = a.message_id
            WHERE a.ingangsdatum <= '2026-01-31' AND (a.einddatum IS NULL OR a.einddatum >= '2026-01-01')
            """);
        Assert.That(unbacked, Has.Count.EqualTo(clients.Sum(c => c.Allocations.Count(a => !a.FromChange && a.Ingangsdatum.Month == 1))), "the January allocations of the 301s sent");
        Assert.That(await desk.QueryAsync<string>("SELECT DISTINCT backing FROM allocation_version"), Is.EqualTo(new[] { "unbacked" }), "the register found no indication for any");
        Assert.That(
            rows.Where(r => Cell(r, "kind") == "allocation-without-indication").Select(r => (long.Parse(Cell(r, "message_id"), CultureInfo.InvariantCulture), Cell(r, "bericht_identificatie"), long.Parse(Cell(r, "allocation_number"), CultureInfo.InvariantCulture))),
            Is.EquivalentTo(unbacked),
            "each names our 301 and its allocation");
        var paid = await desk.QueryAsync<(long Message, string Referentie)>("SELECT l.message_id, p.referentie_nummer FROM payment_ledger l JOIN prestatie_verdict p ON p.id = l.prestatie_id");
        Assert.That(paid, Is.Not.Empty, "lines on those allocations were approved: no rule refuses a line for its indication");
        Assert.That(
            rows.Where(r => Cell(r, "kind") == "paid-without-indication").Select(r => (long.Parse(Cell(r, "message_id"), CultureInfo.InvariantCulture), Cell(r, "referentie_nummer"))),
            Is.EquivalentTo(paid),
            "every paid line is flagged, naming its 323 and prestatie");
        Assert.That(output, Does.Contain(string.Create(CultureInfo.InvariantCulture, $"Exceptions paid-without-indication: {paid.Count}")));
    }

    [Test]
    public async Task Money_paid_after_its_indication_was_withdrawn_is_paid_without_a_valid_indication()
    {
        // Through the real path: indications and 301s for a few clients, then the front office
        // withdraws one client's indication, then the provider declares January for all of them.
        using var desk = new ScenarioDesk();
        var clients = _plan.Clients.Where(c => c.Role == DemoRole.Regular && c.Allocations.Count == 1).Take(10).ToList();
        var reference = Directory.EnumerateFiles(RepoPaths.DemoReference, "*.csv").ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllLines);
        var indications = _plan.Steps[0].Indications.Where(i => clients.Any(c => c.Allocations[0].IndicationNumber == i.Number)).ToList();
        reference["indications"] = Lines(DemoRegion.IndicationsCsv(indications));
        await desk.ImportAsync(reference);
        var allocations = _plan.Steps[0].Messages.OfType<Core.Messages.Toewijzing.Wmo301>()
            .Where(m => clients.Any(c => c.Bsn == m.Client.Gegevens.Bsn))
            .Select((m, i) => (string.Create(CultureInfo.InvariantCulture, $"301-{i:D3}.xml"), (Core.Messages.IwmoMessage)m)).ToArray();
        Assert.That(allocations, Has.Length.EqualTo(clients.Count));
        await desk.ProcessAsync(_plan.Steps[0].ProcessingDate, allocations);
        var ended = indications[0];
        reference["indications"] = Lines(DemoRegion.IndicationsCsv([ended]).Replace(",active\n", ",withdrawn\n", StringComparison.Ordinal));
        await desk.ImportAsync(reference);
        // Imports are recorded at the real clock (import has no --processing-date), so the 323s are
        // processed today too: judged after the withdrawal, as in a real run.
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        await desk.ProcessAsync(today, [.. _plan.Steps[1].Messages.Select((m, i) => (string.Create(CultureInfo.InvariantCulture, $"323-{i:D3}.xml"), m))]);
        var file = Path.Combine(desk.Data, "..", "withdrawn-first.csv");

        var (exit, _, error) = await Run("report", "reconciliation", "--from", "2026-01", "--to", "2026-01", "--format", "csv", "--out", file, "--data", desk.Data);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), error);
        var (header, rows) = ReadCsv(Path.ChangeExtension(file, ".exceptions.csv"));
        string Cell(string[] row, string column) => row[header.IndexOf(column)];
        var onEnded = await desk.QueryAsync<(long Message, string Referentie)>(
            "SELECT l.message_id, p.referentie_nummer FROM payment_ledger l JOIN prestatie_verdict p ON p.id = l.prestatie_id WHERE p.indication_number = @n",
            new { n = ended.Number.ToString(CultureInfo.InvariantCulture) });
        Assert.That(onEnded, Is.Not.Empty, "the line on the withdrawn indication was approved: no declaration rule reads the indication");
        Assert.That(
            rows.Where(r => Cell(r, "kind") == "paid-without-indication").Select(r => (long.Parse(Cell(r, "message_id"), CultureInfo.InvariantCulture), Cell(r, "referentie_nummer"))),
            Is.EquivalentTo(onEnded),
            "only the money paid after the withdrawal, and all of it");
        Assert.That(rows.Where(r => Cell(r, "kind") == "declared-on-ended-indication").Select(r => Cell(r, "detail")), Has.All.Contains("recorded before the declaration was judged").And.Not.Empty);
    }

    private static string[] Lines(string csv) => csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private string Out(string name) => Path.Combine(_root.FullName, name);

    private static (List<string> Header, List<string[]> Rows) ReadCsv(string path)
    {
        var (header, rows) = Reports.ReportCsv.Read(path);
        return ([.. header], rows);
    }

    private static List<IDictionary<string, object?>> Sheet(string path, string sheet) =>
        [.. MiniExcel.Query(path, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];

    private async Task<T> Scalar<T>(string sql, object? parameters = null) => (await Query<T>(sql, parameters)).Single();

    private async Task<IReadOnlyList<T>> Query<T>(string sql, object? parameters = null, string? data = null)
    {
        await using var connection = new SqliteConnection(string.Create(CultureInfo.InvariantCulture, $"Data Source={Path.Combine(data ?? Data, "backoffice.db")};Mode=ReadOnly;Pooling=False"));
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => Cli.CliRun.RunAsync(args);
}
