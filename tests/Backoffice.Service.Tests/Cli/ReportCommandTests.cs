using System.IO.Compression;
using System.Text;
using Backoffice.Data;
using Backoffice.Data.Tests.Payments;
using Backoffice.Service.Cli;
using MiniExcelLibs;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Cli;

/// <summary>
/// <c>backoffice report payments</c> as an auditor runs it, on a data folder with the demo
/// reference data and the fixture declarations of <see cref="PaymentLedgerFixture"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "Each test's harness is disposed in TearDown.")]
public sealed class ReportCommandTests
{
    private static readonly string[] LineHeader =
    [
        "batch_month", "municipality", "municipality_name", "provider", "provider_name", "product_categorie", "product_code",
        "delivery_month", "prestaties", "debit_cents", "credit_cents", "net_cents", "debit_eur", "credit_eur", "net_eur",
    ];

    private static readonly string[] ProviderHeader =
    [
        "row", "batch_month", "municipality", "municipality_name", "provider", "provider_name", "declarations", "prestaties",
        "toegekend_cents", "ledger_net_cents", "difference_cents", "toegekend_eur", "ledger_net_eur", "difference_eur", "reconciles",
    ];

    private ServiceHarness harness = null!;
    private PaymentLedgerFixture fixture = null!;

    private string Out(string name) => Path.Combine(harness.DataDirectory, name);

    [SetUp]
    public void SetUp()
    {
        harness = new ServiceHarness();
        fixture = new PaymentLedgerFixture(harness.Get<IDbConnectionFactory>());
    }

    [TearDown]
    public void TearDown() => harness.Dispose();

    [Test]
    public async Task Csv_holds_every_line_and_provider_total_to_the_cent_and_a_reconciling_batch_exits_0()
    {
        await fixture.AddAsync(PaymentLedgerFixture.Region);

        var (exit, output, err) = await Run("report", "payments", "--month", "2026-03", "--format", "csv", "--out", Out("payments.csv"), "--data", harness.DataDirectory);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        Assert.That(output, Does.Contain("Payment batch 2026-03, all municipalities: 7 lines, 10 prestaties, 3 providers in 4 provider-municipality totals, 5 declarations."));
        Assert.That(output, Does.Contain("Debit 2,899.22, credit 95.34, net 2,803.88; the 325s granted 2,803.88: reconciles."));
        var (header, lines) = ReadCsv(Out("payments.csv"));
        Assert.That(header, Is.EqualTo(LineHeader));
        Assert.That(lines.Select(l => string.Join(",", l)), Is.EqualTo(new[]
        {
            "2026-03,0363,Amsterdam,42420001,Thuiszorg De Brug (demo),01,01A01,2026-02,2,5000,5000,0,50.00,50.00,0.00",
            "2026-03,0363,Amsterdam,42420001,Thuiszorg De Brug (demo),01,01A01,2026-03,2,22345,0,22345,223.45,0.00,223.45",
            "2026-03,0363,Amsterdam,42420001,Thuiszorg De Brug (demo),02,02A03,2026-03,1,7777,0,7777,77.77,0.00,77.77",
            "2026-03,0363,Amsterdam,65656055,Begeleiding Op Maat (demo),04,04X01,2026-01,1,0,1234,-1234,0.00,12.34,-12.34",
            "2026-03,0363,Amsterdam,65656055,Begeleiding Op Maat (demo),04,04X01,2026-03,1,250000,0,250000,2500.00,0.00,2500.00",
            "2026-03,0384,Diemen,42420001,Thuiszorg De Brug (demo),01,01A01,2026-02,1,1500,0,1500,15.00,0.00,15.00",
            "2026-03,0384,Diemen,42420001,Thuiszorg De Brug (demo),01,01A01,2026-03,2,3300,3300,0,33.00,33.00,0.00",
        }));
        var (providerHeader, providers) = ReadCsv(Out("payments.providers.csv"));
        Assert.That(providerHeader, Is.EqualTo(ProviderHeader));
        Assert.That(providers.Select(l => string.Join(",", l)), Is.EqualTo(new[]
        {
            "provider,2026-03,0363,Amsterdam,42420001,Thuiszorg De Brug (demo),1,5,30122,30122,0,301.22,301.22,0.00,yes",
            "provider,2026-03,0363,Amsterdam,65656055,Begeleiding Op Maat (demo),1,2,248766,248766,0,2487.66,2487.66,0.00,yes",
            "provider,2026-03,0384,Diemen,42420001,Thuiszorg De Brug (demo),2,3,1500,1500,0,15.00,15.00,0.00,yes",
            "provider,2026-03,0384,Diemen,75750003,Huishoudelijke Hulp Amstelland (demo),1,0,0,0,0,0.00,0.00,0.00,yes",
            "total,2026-03,,,,,5,10,280388,280388,0,2803.88,2803.88,0.00,yes",
        }));
        Assert.That(Directory.EnumerateFiles(harness.DataDirectory, ".*"), Is.Empty, "no temporary file is left");
        AssertNoBsn(output, err, Out("payments.csv"), Out("payments.providers.csv"));
    }

    [Test]
    public async Task Xlsx_has_a_sheet_of_lines_and_one_of_provider_totals_in_typed_cells()
    {
        await fixture.AddAsync(PaymentLedgerFixture.Region);
        var path = Out("payments.xlsx");

        var (exit, _, err) = await Run("report", "payments", "--month", "2026-03", "--format", "xlsx", "--out", path, "--data", harness.DataDirectory);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        Assert.That(MiniExcel.GetSheetNames(path), Is.EqualTo(new[] { "lines", "providers" }));
        var lines = Sheet(path, "lines");
        Assert.That(lines, Has.Count.EqualTo(7));
        var late = lines[3];
        Assert.That(late["provider"], Is.EqualTo("65656055"));
        Assert.That(late["product_categorie"], Is.EqualTo("04"), "codes stay text, leading zero and all");
        Assert.That(late["delivery_month"], Is.TypeOf<DateTime>().And.EqualTo(new DateTime(2026, 1, 1)), "a real date cell");
        Assert.That(late["batch_month"], Is.TypeOf<DateTime>().And.EqualTo(new DateTime(2026, 3, 1)));
        Assert.That(late["credit_cents"], Is.TypeOf<double>().And.EqualTo(1234d), "a number cell");
        Assert.That(late["net_eur"], Is.TypeOf<double>().And.EqualTo(-12.34d));
        Assert.That(late["prestaties"], Is.TypeOf<double>().And.EqualTo(1d));
        Assert.That(lines.Sum(l => (double)l["net_cents"]!), Is.EqualTo(280_388d));

        var providers = Sheet(path, "providers");
        Assert.That(providers.Select(p => ((string)p["row"]!, p["provider"] as string, (double)p["toegekend_cents"]!, (double)p["ledger_net_cents"]!, (string)p["reconciles"]!)), Is.EqualTo(new (string, string?, double, double, string)[]
        {
            ("provider", "42420001", 30_122, 30_122, "yes"),
            ("provider", "65656055", 248_766, 248_766, "yes"),
            ("provider", "42420001", 1_500, 1_500, "yes"),
            ("provider", "75750003", 0, 0, "yes"),
            ("total", null, 280_388, 280_388, "yes"),
        }));
        Assert.That(providers[^1]["toegekend_eur"], Is.TypeOf<double>().And.EqualTo(2803.88d));
        Assert.That(XlsxPart(path, "xl/styles.xml"), Does.Contain("formatCode=\"#,##0.00\"").And.Contain("formatCode=\"yyyy-mm\""), "euros and months carry their number formats");
        AssertNoBsn(err, path);
    }

    [Test]
    public async Task The_municipality_filter_reports_only_that_municipality()
    {
        await fixture.AddAsync(PaymentLedgerFixture.Region);

        var (exit, output, err) = await Run("report", "payments", "--month", "2026-03", "--municipality", "0384", "--format", "csv", "--out", Out("diemen.csv"), "--data", harness.DataDirectory);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        Assert.That(output, Does.Contain("Payment batch 2026-03, municipality 0384: 2 lines, 3 prestaties, 2 providers in 2 provider-municipality totals, 3 declarations."));
        Assert.That(ReadCsv(Out("diemen.csv")).Rows.Select(l => (l[1], l[11])), Is.EqualTo(new[] { ("0384", "1500"), ("0384", "0") }));
        Assert.That(ReadCsv(Out("diemen.providers.csv")).Rows.Select(l => (l[0], l[2], l[4], l[8])), Is.EqualTo(new[]
        {
            ("provider", "0384", "42420001", "1500"),
            ("provider", "0384", "75750003", "0"),
            ("total", "0384", string.Empty, "1500"),
        }));
    }

    [Test]
    public async Task A_325_that_disagrees_with_its_ledger_rows_is_written_and_exits_1_naming_the_provider()
    {
        await fixture.AddAsync(PaymentLedgerFixture.Region);
        await fixture.AddAsync(new FixtureDeclaration("0384", "65656055", "2026-03", [new("04", "04X01", "2026-03", 4_000)]) { Toegekend = 4_100 });

        var (exit, output, err) = await Run("report", "payments", "--month", "2026-03", "--format", "xlsx", "--out", Out("payments.xlsx"), "--data", harness.DataDirectory);

        Assert.That(exit, Is.EqualTo(ExitCodes.Findings));
        Assert.That(output, Does.Contain("DOES NOT RECONCILE"));
        Assert.That(err, Does.Contain("provider 65656055 (Begeleiding Op Maat (demo)) at municipality 0384 (Diemen) does not reconcile: 1 declarations granted 41.00, the ledger pays 40.00 (difference 1.00); declarations that differ: 0008"));
        Assert.That(err, Does.Not.Contain("42420001"), "only the provider that differs is named");
        var providers = Sheet(Out("payments.xlsx"), "providers");
        Assert.That(providers.Where(p => (string)p["reconciles"]! == "no").Select(p => (p["row"], p["provider"] as string, (double)p["difference_cents"]!)), Is.EqualTo(new[]
        {
            ((object?)"provider", (string?)"65656055", 100d),
            ("total", null, 100d),
        }));
    }

    [Test]
    public async Task An_empty_month_writes_headers_and_zero_totals_and_says_so([Values("csv", "xlsx")] string format)
    {
        await fixture.AddAsync(PaymentLedgerFixture.Region);
        var path = Out("empty." + format);

        var (exit, output, err) = await Run("report", "payments", "--month", "2025-12", "--format", format, "--out", path, "--data", harness.DataDirectory);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        Assert.That(output, Does.Contain("Payment batch 2025-12, all municipalities: nothing was approved in declarations of this period; the report holds the headers and zero totals."));
        Assert.That(output, Does.Contain("Debit 0.00, credit 0.00, net 0.00; the 325s granted 0.00: reconciles."));
        if (format == "csv")
        {
            var (header, rows) = ReadCsv(path);
            Assert.That((header, rows.Count), Is.EqualTo((LineHeader, 0)));
            Assert.That(File.ReadAllText(Out("empty.providers.csv")), Is.EqualTo(string.Join(",", ProviderHeader) + "\ntotal,2025-12,,,,,0,0,0,0,0,0.00,0.00,0.00,yes\n"));
        }
        else
        {
            Assert.That(MiniExcel.Query(path, sheetName: "lines").Cast<IDictionary<string, object?>>().Single().Values, Is.EqualTo(LineHeader), "the header row alone");
            var total = Sheet(path, "providers").Single();
            Assert.That((total["row"], total["toegekend_cents"], total["ledger_net_cents"], total["reconciles"]), Is.EqualTo(("total", 0d, 0d, "yes")));
        }
    }

    [Test]
    public async Task An_existing_report_is_replaced_whole()
    {
        await fixture.AddAsync(PaymentLedgerFixture.Region);
        var path = Out("payments.csv");
        await File.WriteAllTextAsync(path, new string('x', 100_000));

        var (exit, _, err) = await Run("report", "payments", "--month", "2026-02", "--format", "csv", "--out", path, "--data", harness.DataDirectory);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        Assert.That(ReadCsv(path).Rows.Select(l => (l[3], l[11])), Is.EqualTo(new[] { ("42420001", "8000") }));
    }

    [TestCase("--month", "2026-13", "--month must be a month as yyyy-MM, not '2026-13'.")]
    [TestCase("--month", "2026-3", "--month must be a month as yyyy-MM, not '2026-3'.")]
    [TestCase("--month", "2026-03-01", "--month must be a month as yyyy-MM")]
    [TestCase("--format", "pdf", "pdf")]
    [TestCase("--municipality", "384", "--municipality must be a CBS code of 4 digits, not '384'.")]
    [TestCase("--municipality", "9999", "9999 is not a municipality this backoffice serves; nothing was written.")]
    [TestCase("--out", "no-such-folder/payments.csv", "is not a file in an existing folder; nothing was written.")]
    public async Task Usage_errors_exit_2_and_write_nothing(string option, string value, string reason)
    {
        var args = new Dictionary<string, string>
        {
            ["--month"] = "2026-03",
            ["--format"] = "csv",
            ["--out"] = Out("payments.csv"),
            ["--data"] = harness.DataDirectory,
        };
        args[option] = option == "--out" ? Out(value) : value;

        var (exit, _, err) = await Run(["report", "payments", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err, Does.Contain(reason));
        Assert.That(File.Exists(Out("payments.csv")), Is.False);
    }

    [TestCase("report")]
    [TestCase("report", "payments", "--format", "csv", "--out", "x.csv")]
    [TestCase("report", "payments", "--month", "2026-03", "--out", "x.csv")]
    [TestCase("report", "payments", "--month", "2026-03", "--format", "csv")]
    public async Task A_missing_sub_report_or_required_option_exits_2(params string[] args)
    {
        var (exit, _, err) = await Run(args);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err, Does.Contain("Run 'backoffice --help' for usage."));
    }

    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRun.RunAsync(args);

    private static (string[] Header, List<string[]> Rows) ReadCsv(string path) => Reports.ReportCsv.Read(path);

    private static List<IDictionary<string, object?>> Sheet(string path, string sheet) =>
        [.. MiniExcel.Query(path, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];

    private static string XlsxPart(string path, string part)
    {
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry(part)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static List<string> XlsxParts(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        return [.. zip.Entries.Select(e => e.FullName)];
    }

    private static void AssertNoBsn(params string[] outputsOrFiles)
    {
        foreach (var text in outputsOrFiles)
        {
            var content = !File.Exists(text) ? text
                : text.EndsWith(".xlsx", StringComparison.Ordinal) ? string.Concat(XlsxParts(text).Select(part => XlsxPart(text, part)))
                : File.ReadAllText(text);
            Assert.That(content, Does.Not.Contain(PaymentLedgerFixture.Bsn));
        }
    }
}
