using System.IO.Compression;
using System.Text;
using Backoffice.Data;
using Backoffice.Data.Tests.Payments;
using Backoffice.Service.Cli;
using MiniExcelLibs;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Reports;

/// <summary>
/// <c>backoffice report steering</c> as a policy officer runs it, on a data folder with the demo
/// reference data (its catalogue of arrangements) and a few fixture declarations of three clients.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "Each test's harness is disposed in TearDown.")]
public sealed class SteeringReportCommandTests
{
    private const string A = "999900006";
    private const string B = "999900031";
    private const string C = "999900043";

    private ServiceHarness harness = null!;

    private string Out(string name) => Path.Combine(harness.DataDirectory, name);

    [SetUp]
    public async Task SetUp()
    {
        harness = new ServiceHarness();

        // Amsterdam (0363): A ARR-3-4-BEH-PLUS (02M08) 78000 in January and February, B the same in
        // January, C 01A01 3380 in February, all at 42420001. Diemen (0384): C IWO-BEP-ACT-GEM
        // (10I01) 27300 at 65656055. March is outside the period asked.
        var fixture = new PaymentLedgerFixture(harness.Get<IDbConnectionFactory>());
        await fixture.AddAsync(
        [
            new("0363", "42420001", "2026-02",
            [
                new("02", "02M08", "2026-01", 78_000, Bsn: A),
                new("02", "02M08", "2026-02", 78_000, Bsn: A),
                new("02", "02M08", "2026-01", 78_000, Bsn: B),
                new("01", "01A01", "2026-02", 3_380, Bsn: C),
                new("01", "01A01", "2026-03", 3_380, Bsn: C),
            ]),
            new("0384", "65656055", "2026-02", [new("10", "10I01", "2026-02", 27_300, Bsn: C)]),
        ]);
    }

    [TearDown]
    public void TearDown() => harness.Dispose();

    [Test]
    public async Task Csv_is_one_file_per_figure_with_the_figures_of_the_period()
    {
        var (exit, output, err) = await Run("report", "steering", "--from", "2026-01", "--to", "2026-02", "--format", "csv", "--out", Out("steering.csv"), "--data", harness.DataDirectory);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);

        // Clients: A (156000), B (78000), C (3380 + 27300): 3; spend 156000 + 78000 + 30680 = 264680.
        Assert.That(output, Does.Contain("  3 clients, spend 2,646.80 (5 ledger rows); 0358 (Aalsmeer) 0 / 0.00; 0362 (Amstelveen) 0 / 0.00; 0363 (Amsterdam) 3 / 2,373.80; 0384 (Diemen) 1 / 273.00;"));

        // 42420001 carries 237380 / 264680 = 89.69 %, rounding to 90 %: N = 1 for 80 % and for 90 %.
        Assert.That(output, Does.Contain("2 providers; 80 %: the 1 largest carry 2,373.80 (89.68566 %); 90 %: the 1 largest carry 2,373.80 (89.68566 %); 2 providers with fewer than 7 clients, together 2,646.80"));
        foreach (var figure in new[] { "municipalities", "cells", "providers", "concentration", "dimensions", "movements", "durations", "outflow" })
        {
            Assert.That(File.Exists(Out($"steering.{figure}.csv")), Is.True, figure);
        }

        Assert.That(File.Exists(Out("steering.csv")), Is.False, "every figure has a file of its own");
        var municipalities = ReadCsv(Out("steering.municipalities.csv"));
        Assert.That(municipalities.Header, Is.EqualTo(new[] { "row", "from_month", "to_month", "municipality", "municipality_name", "clients", "spend_cents", "spend_eur", "spend_share", "ledger_rows" }));
        Assert.That(municipalities.Rows.Where(r => r[6] != "0").Select(r => string.Join(",", r)), Is.EqualTo(new[]
        {
            "municipality,2026-01,2026-02,0363,Amsterdam,3,237380,2373.80,0.8968565815,4",
            "municipality,2026-01,2026-02,0384,Diemen,1,27300,273.00,0.1031434185,1",
            "total,2026-01,2026-02,,,3,264680,2646.80,1,5",
        }));
        Assert.That(ReadCsv(Out("steering.cells.csv")).Rows.Select(r => string.Join(",", r[0], r[3], r[4], r[5], r[6], r[7], r[9], r[10])), Is.EqualTo(new[]
        {
            "arrangement,ARR-3-4-BEH-PLUS,ARR,3-4,BEH,PLUS,2,234000",
            "arrangement,IWO-BEP-ACT-GEM,IWO,BEP,ACT,GEM,1,27300",
            "product,01 01A01,,,,,1,3380",
            "total,,,,,,3,264680",
        }));
        Assert.That(ReadCsv(Out("steering.providers.csv")).Rows.Select(r => string.Join(",", r[0], r[3], r[5], r[6], r[9], r[11], r[12], r[13])), Is.EqualTo(new[]
        {
            "1,42420001,3,237380,237380,0.8968565815,90,yes",
            "2,65656055,1,27300,264680,1,100,yes",
        }));
        AssertNoBsn([output, err, .. Directory.GetFiles(harness.DataDirectory, "steering.*.csv")]);
    }

    [Test]
    public async Task Xlsx_is_one_workbook_with_a_sheet_per_figure_in_typed_cells()
    {
        var path = Out("steering.xlsx");

        var (exit, _, err) = await Run("report", "steering", "--from", "2026-01", "--to", "2026-02", "--municipality", "0363", "--municipality", "0384", "--format", "xlsx", "--out", path, "--data", harness.DataDirectory);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        Assert.That(MiniExcel.GetSheetNames(path), Is.EqualTo(new[] { "municipalities", "cells", "providers", "concentration", "dimensions", "movements", "durations", "outflow" }));
        var municipalities = Sheet(path, "municipalities");
        Assert.That(municipalities.Select(m => m["municipality"] as string), Is.EqualTo(new[] { "0363", "0384", null }), "only the municipalities asked, then the total");
        var amsterdam = municipalities[0];
        Assert.That(amsterdam["from_month"], Is.TypeOf<DateTime>().And.EqualTo(new DateTime(2026, 1, 1)), "months are real dates");
        Assert.That(amsterdam["to_month"], Is.TypeOf<DateTime>().And.EqualTo(new DateTime(2026, 2, 1)));
        Assert.That(amsterdam["clients"], Is.TypeOf<double>().And.EqualTo(3d));
        Assert.That(amsterdam["spend_eur"], Is.TypeOf<double>().And.EqualTo(2373.80d));
        Assert.That(amsterdam["spend_share"], Is.TypeOf<double>().And.EqualTo(237_380d / 264_680d).Within(1e-12), "a share is a number (the fraction) with a % format");

        var concentration = Sheet(path, "concentration");
        Assert.That(concentration.Select(c => ((string)c["figure"]!, (double)c["providers"]!)), Is.EqualTo(new[]
        {
            ("providers", 2d),
            ("carrying 80 %", 1d),
            ("carrying 90 %", 1d),
            ("fewer than 7 clients", 2d),
        }));
        Assert.That(concentration[1]["target_share"], Is.TypeOf<double>().And.EqualTo(0.8d));
        var durations = Sheet(path, "durations");
        Assert.That(durations[^1]["row"], Is.EqualTo("total"));
        Assert.That(durations[^1]["mean_months"], Is.TypeOf<double>());
        Assert.That(XlsxPart(path, "xl/styles.xml"), Does.Contain("formatCode=\"0.00%\"").And.Contain("formatCode=\"#,##0.00\"").And.Contain("formatCode=\"yyyy-mm\""));
        AssertNoBsn(err, path);
    }

    [TestCase("--from", "2026-13", "--from must be a month as yyyy-MM, not '2026-13'.")]
    [TestCase("--to", "2025-12", "--to must not be before --from; nothing was written.")]
    [TestCase("--municipality", "384", "--municipality must be a CBS code of 4 digits, not '384'.")]
    [TestCase("--municipality", "9999", "9999 is not a municipality this backoffice serves; nothing was written.")]
    [TestCase("--provider", "4242", "--provider must be an AGB code of 8 digits, not '4242'.")]
    [TestCase("--provider", "12345678", "12345678 is not a provider this backoffice knows; nothing was written.")]
    [TestCase("--format", "pdf", "pdf")]
    public async Task Usage_errors_exit_2_and_write_nothing(string option, string value, string reason)
    {
        var args = new Dictionary<string, string>
        {
            ["--from"] = "2026-01",
            ["--to"] = "2026-02",
            ["--format"] = "csv",
            ["--out"] = Out("steering.csv"),
            ["--data"] = harness.DataDirectory,
        };
        args[option] = value;

        var (exit, _, err) = await Run(["report", "steering", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err, Does.Contain(reason));
        Assert.That(Directory.GetFiles(harness.DataDirectory, "steering*"), Is.Empty);
    }

    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => Cli.CliRun.RunAsync(args);

    private static (string[] Header, List<string[]> Rows) ReadCsv(string path) => ReportCsv.Read(path);

    private static List<IDictionary<string, object?>> Sheet(string path, string sheet) =>
        [.. MiniExcel.Query(path, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];

    private static string XlsxPart(string path, string part)
    {
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry(part)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void AssertNoBsn(params string[] outputsOrFiles)
    {
        foreach (var text in outputsOrFiles)
        {
            string content;
            if (!File.Exists(text))
            {
                content = text;
            }
            else if (text.EndsWith(".xlsx", StringComparison.Ordinal))
            {
                using var zip = ZipFile.OpenRead(text);
                content = string.Concat(zip.Entries.Select(e => XlsxPart(text, e.FullName)));
            }
            else
            {
                content = File.ReadAllText(text);
            }

            foreach (var bsn in new[] { A, B, C })
            {
                Assert.That(content, Does.Not.Contain(bsn));
            }
        }
    }
}
