using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Backoffice.Service.Cli;
using Backoffice.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Cli;

/// <summary><c>backoffice import KIND FILE</c> as an operator runs it, on a throwaway data folder.</summary>
public sealed class ImportCommandTests
{
    private const string IndicationHeader = "indication_number,municipality,bsn,product_categorie,product_code,arrangement_code,begindatum,einddatum,decision_date,status";
    private const string ContractHeader = "provider,product_categorie,product_code,begindatum,einddatum,tariff_cents,eenheid,partial_month_in_full";

    private static readonly string[] Kinds = ["municipalities", "providers", "products", "contracts", "indications"];

    private DirectoryInfo root = null!;

    private string Data => Path.Combine(root.FullName, "data");

    private static string Demo(string kind) => Path.Combine(RepoPaths.Root, "deploy", "demo", kind + ".csv");

    [SetUp]
    public void SetUp() => root = Directory.CreateTempSubdirectory("backoffice-import-");

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        root.Delete(true);
    }

    [Test]
    public async Task The_demo_files_import_and_importing_them_again_changes_nothing()
    {
        foreach (var (kind, rows) in new[] { ("municipalities", 6), ("providers", 4), ("products", 44), ("contracts", 84), ("indications", 10) })
        {
            var (exit, output, err) = await Run("import", kind, Demo(kind), "--data", Data);

            Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
            Assert.That(output, Is.EqualTo($"{kind}: {rows} rows read, {rows} versions added ({rows} new, 0 changed), 0 unchanged.{Environment.NewLine}"));
        }

        var before = await DumpAsync();
        foreach (var kind in Kinds)
        {
            var (exit, output, _) = await Run("import", kind, Demo(kind), "--data", Data);

            Assert.That(exit, Is.EqualTo(ExitCodes.Ok));
            Assert.That(output, Does.Contain("0 versions added (0 new, 0 changed)"));
        }

        Assert.That(await DumpAsync(), Is.EqualTo(before), "a second import of the same files writes nothing");
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM reference_import"), Is.EqualTo(5));
    }

    [Test]
    public async Task Import_all_takes_the_demo_folder_in_dependency_order_and_again_changes_nothing()
    {
        var (exit, output, err) = await Run("import", "all", Path.Combine(RepoPaths.Root, "deploy", "demo"), "--data", Data);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        Assert.That(output.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(':')[0]), Is.EqualTo(Kinds));
        Assert.That(output, Does.Contain("contracts: 84 rows read, 84 versions added (84 new, 0 changed), 0 unchanged."));
        var before = await DumpAsync();

        var again = await Run("import", "all", Path.Combine(RepoPaths.Root, "deploy", "demo"), "--data", Data);

        Assert.That(again.Exit, Is.EqualTo(ExitCodes.Ok));
        Assert.That(await DumpAsync(), Is.EqualTo(before));
        Assert.That(
            await ScalarAsync("SELECT COUNT(*) FROM product_version WHERE is_current = 1 AND arrangement_code IN ('ARR-3-4-ONT-PLUS', 'IWO-GEM-ACT-PLUS')"),
            Is.EqualTo(2),
            "the arrangements the demo indications 2001 and 2002 name are in the catalogue");
    }

    [Test]
    public async Task Import_all_takes_the_files_that_are_there_and_stops_at_a_rejected_one()
    {
        var folder = Directory.CreateDirectory(Path.Combine(root.FullName, "region")).FullName;
        foreach (var kind in new[] { "municipalities", "providers", "products" })
        {
            File.Copy(Demo(kind), Path.Combine(folder, kind + ".csv"));
        }

        File.WriteAllText(Path.Combine(folder, "contracts.csv"), ContractHeader + "\n42420001,01,01A99,2026-01-01,,3380,04,\n");
        File.Copy(Demo("indications"), Path.Combine(folder, "indications.csv"));

        var (exit, output, _) = await Run("import", "all", folder, "--data", Data);

        Assert.That(exit, Is.EqualTo(ExitCodes.Findings));
        Assert.That(output, Does.Contain("line 2: product_code: not a product of the catalogue in this category"));
        Assert.That(output, Does.Not.Contain("indications:"), "a later kind is not imported after a rejected file");
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM product_version"), Is.EqualTo(44), "the files before it stay imported");
    }

    [Test]
    public async Task A_contract_file_is_refused_by_line_for_an_unknown_provider_or_product_and_overlapping_periods()
    {
        await ImportDemoAsync();
        var before = await DumpAsync();
        var file = Write("contracts.csv", string.Join("\n",
            ContractHeader,
            "42420001,01,01A01,2028-01-01,2028-12-31,3500,04,",
            "12345678,01,01A01,2028-01-01,,3500,04,",
            "42420001,03,01A01,2028-01-01,,3500,04,",
            "42420001,01,01A01,2027-07-01,2028-06-30,3500,04,",
            "42420001,01,01A01,2028-06-01,,3500,04,",
            "42420001,01,01A01,2029-01-01,,35.00,04,maybe"));

        var (exit, output, err) = await Run("import", "contracts", file, "--data", Data);

        Assert.That(exit, Is.EqualTo(ExitCodes.Findings), err);
        Assert.That(output, Is.EqualTo(string.Join(Environment.NewLine,
            "line 7: tariff_cents: must be a whole number of eurocents, 0 or more (no sign, separator or decimals)",
            "line 7: partial_month_in_full: must be true or false (empty is false)",
            "contracts: 6 rows read, 2 problems; nothing was imported (fix the lines above and import the whole file again).",
            string.Empty)));

        File.WriteAllText(file, string.Join("\n", File.ReadAllLines(file)[..^1]));
        (exit, output, _) = await Run("import", "contracts", file, "--data", Data);

        Assert.That(exit, Is.EqualTo(ExitCodes.Findings));
        Assert.That(output, Is.EqualTo(string.Join(Environment.NewLine,
            "line 3: provider: not a provider this backoffice knows (import it with 'import providers' first)",
            "line 4: product_code: not a product of the catalogue in this category (import it with 'import products' first)",
            "line 5: begindatum: the period overlaps a current contract line of this provider and product; end that one first (its einddatum, in the same file)",
            "line 6: begindatum: the period overlaps line 2 (the same provider and product)",
            "contracts: 5 rows read, 4 problems; nothing was imported (fix the lines above and import the whole file again).",
            string.Empty)));
        Assert.That(await DumpAsync(), Is.EqualTo(before), "the good line 2 was not applied either");
    }

    [Test]
    public async Task A_changed_tariff_adds_a_contract_version()
    {
        await ImportDemoAsync();
        var changed = File.ReadAllText(Demo("contracts")).Replace("42420001,01,01A01,2026-01-01,2027-12-31,3380,04,", "42420001,01,01A01,2026-01-01,2027-12-31,3400,04,", StringComparison.Ordinal);

        var (exit, output, _) = await Run("import", "contracts", Write("contracts.csv", changed), "--data", Data);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok));
        Assert.That(output, Does.Contain("contracts: 84 rows read, 1 version added (0 new, 1 changed), 83 unchanged."));
        Assert.That(
            await ScalarAsync("SELECT tariff_cents FROM contract_version WHERE provider = '42420001' AND product_code = '01A01' AND begindatum = '2026-01-01' AND is_current = 1 AND version = 2"),
            Is.EqualTo(3400));
    }

    [Test]
    public async Task An_indication_backs_the_allocation_of_the_sample_WMO301()
    {
        await ImportDemoAsync();
        var sample = File.ReadAllText(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), "WMO301.xml"));
        string Element(string name) => Regex.Match(sample, $"<wmo301:{name}>([^<]*)<").Groups[1].Value;

        var backing = await ScalarAsync(
            """
            SELECT COUNT(*) FROM indication_version
            WHERE is_current = 1 AND status = 'active' AND municipality = @afzender AND bsn = @bsn
              AND product_categorie = '01' AND product_code = '01A01' AND begindatum <= '2023-01-01' AND einddatum >= '2023-12-31'
            """,
            new { afzender = Element("Afzender"), bsn = Element("Bsn") });

        Assert.That(backing, Is.EqualTo(1));
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM provider_version WHERE agb_code = @agb", new { agb = Element("Ontvanger") }), Is.EqualTo(1));
    }

    [Test]
    public async Task A_changed_row_adds_a_version_and_says_so()
    {
        await ImportDemoAsync();
        var changed = File.ReadAllText(Demo("providers")).Replace("Thuiszorg De Brug (demo)", "Thuiszorg De Brug B.V. (demo)", StringComparison.Ordinal);

        var (exit, output, _) = await Run("import", "providers", Write("providers.csv", changed), "--data", Data);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok));
        Assert.That(output, Does.Contain("providers: 4 rows read, 1 version added (0 new, 1 changed), 3 unchanged."));
        Assert.That(await ScalarAsync("SELECT COUNT(*) FROM provider_version WHERE agb_code = '42420001'"), Is.EqualTo(2));
        Assert.That(await ScalarAsync("SELECT version FROM provider_version WHERE agb_code = '42420001' AND is_current = 1"), Is.EqualTo(2));
    }

    [Test]
    public async Task Rejected_rows_are_reported_by_their_physical_line_and_nothing_is_applied()
    {
        await ImportDemoAsync();
        var before = await DumpAsync();
        // The record of line 3 has a quoted field across two lines (a line break is no product
        // code) and the empty line 6 is skipped, so the rows after them are on lines 5, 7 and 8.
        var file = Write("indications.csv", string.Join("\n",
            IndicationHeader,
            "3001,0384,999900079,01,,,2024-01-01,,2023-12-01,active",
            "3002,0384,999900080,01,\"01",
            "A\",,2024-01-01,,2023-12-01,active",
            "3003,0384,999900081,01,,,2024-01-01,,2023-12-01,active",
            string.Empty,
            "3004,0384,999900092,01,,,2024-02-30,2023-12-31,2023-12-01,open",
            "3001,0384,999900079,01,,,2024-01-01,,2023-12-01,active",
            string.Empty));

        var (exit, output, err) = await Run("import", "indications", file, "--data", Data);

        Assert.That(exit, Is.EqualTo(ExitCodes.Findings), err);
        Assert.That(output, Is.EqualTo(string.Join(Environment.NewLine,
            "line 3: product_code: must be 1 to 5 characters (LDT_ProductCode)",
            "line 5: bsn: does not pass the 11-proef",
            "line 7: begindatum: must be a date as yyyy-MM-dd",
            "line 7: status: must be active, withdrawn, superseded",
            "line 8: indication_number: the same key as line 2; a file has one row per key",
            "indications: 5 rows read, 5 problems; nothing was imported (fix the lines above and import the whole file again).",
            string.Empty)));
        Assert.That(await DumpAsync(), Is.EqualTo(before), "the good rows of a bad file are not applied either");
    }

    [Test]
    public async Task Rows_that_conflict_with_the_stored_data_are_refused_with_their_line()
    {
        await ImportDemoAsync();
        var before = await DumpAsync();
        var file = Write("indications.csv", string.Join("\n",
            IndicationHeader,
            "1001,0384,999900006,01,01A01,,2023-01-01,2023-12-31,2022-12-15,withdrawn",
            "3001,0999,999900079,01,,,2024-01-01,,2023-12-01,active",
            "1002,0384,999900006,01,,,2023-01-01,2023-12-31,2022-12-20,active"));

        var (exit, output, _) = await Run("import", "indications", file, "--data", Data, "--format", "json");

        Assert.That(exit, Is.EqualTo(ExitCodes.Findings));
        using var json = JsonDocument.Parse(output);
        var result = json.RootElement;
        Assert.That(result.GetProperty("applied").GetBoolean(), Is.False);
        Assert.That(result.GetProperty("rowsRead").GetInt32(), Is.EqualTo(3));
        Assert.That(result.GetProperty("importId").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(
            result.GetProperty("rejected").EnumerateArray().Select(p => (p.GetProperty("line").GetInt32(), p.GetProperty("column").GetString())),
            Is.EqualTo(new[] { (3, "municipality"), (4, "bsn") }));
        Assert.That(await DumpAsync(), Is.EqualTo(before), "the withdrawal on line 2 was not applied either");
    }

    [Test]
    public async Task No_BSN_of_a_bad_file_appears_in_the_output_or_the_log()
    {
        await ImportDemoAsync();
        // BSNs everywhere a value could be quoted: a bad BSN, a good one in a bad row, a BSN shifted
        // into another column by a missing field, a file without its header.
        var bsns = new[] { "999900007", "999900109", "999900110", "999900122" };
        var shifted = Write("shifted.csv", string.Join("\n",
            IndicationHeader,
            "4001,0384,999900007,01,,,2024-01-01,,2023-12-01,active",
            "4002,0384,999900109,01,,,2024-01-01,,2023-12-01,closed",
            "4003,999900110,01,,,2024-01-01,,2023-12-01,active",
            "4004,0384,01,999900110,,,2024-01-01,,2023-12-01,active,x",
            "4005,0999,999900122,01,,,2024-01-01,,2023-12-01,active"));
        var headerless = Write("headerless.csv", "4006,0384,999900122,01,,,2024-01-01,,2023-12-01,active\n");
        var conflicting = Write("conflicting.csv", IndicationHeader + "\n4007,0999,999900122,01,,,2024-01-01,,2023-12-01,active\n");

        var outputs = new StringBuilder();
        foreach (var file in new[] { shifted, headerless, conflicting })
        {
            foreach (var format in new[] { "text", "json" })
            {
                var (exit, output, err) = await Run("import", "indications", file, "--data", Data, "--format", format);
                Assert.That(exit, Is.EqualTo(ExitCodes.Findings));
                outputs.Append(output).Append(err);
            }
        }

        var logs = string.Concat(Directory.EnumerateFiles(Path.Combine(Data, "logs")).Select(File.ReadAllText));
        foreach (var bsn in bsns)
        {
            Assert.That(outputs.ToString(), Does.Not.Contain(bsn));
            Assert.That(logs, Does.Not.Contain(bsn));
        }

        Assert.That(outputs.ToString(), Does.Contain("line 2: bsn: does not pass the 11-proef"));
        Assert.That(outputs.ToString(), Does.Contain("line 1: header columns 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 are not columns of this kind"));
    }

    [Test]
    public async Task Json_reports_the_counts_and_the_file_hash()
    {
        var (exit, output, _) = await Run("import", "municipalities", Demo("municipalities"), "--data", Data, "--format", "json");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok));
        using var json = JsonDocument.Parse(output);
        var result = json.RootElement;
        Assert.That(result.GetProperty("kind").GetString(), Is.EqualTo("municipalities"));
        Assert.That(result.GetProperty("applied").GetBoolean(), Is.True);
        Assert.That(
            (result.GetProperty("rowsRead").GetInt32(), result.GetProperty("versionsAdded").GetInt32(), result.GetProperty("new").GetInt32(),
             result.GetProperty("changed").GetInt32(), result.GetProperty("unchanged").GetInt32()),
            Is.EqualTo((6, 6, 6, 0, 0)));
        Assert.That(result.GetProperty("fileSha256").GetString(), Does.Match("^[0-9a-f]{64}$"));
        Assert.That(result.GetProperty("importId").GetInt64(), Is.EqualTo(1));
        Assert.That(result.GetProperty("rejected").GetArrayLength(), Is.Zero);
    }

    [TestCase("import")]
    [TestCase("import", "tariffs", "x.csv")]
    [TestCase("import", "providers")]
    [TestCase("import", "providers", "x.csv", "--format", "yaml")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var (exit, _, err) = await Run(args);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err, Does.Contain("backoffice"));
    }

    [Test]
    public async Task A_missing_file_exits_2_and_creates_no_database()
    {
        var (exit, _, err) = await Run("import", "providers", Path.Combine(root.FullName, "no-such.csv"), "--data", Data);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err, Does.Contain("is not a file"));
        Assert.That(File.Exists(Path.Combine(Data, "backoffice.db")), Is.False);
    }

    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRun.RunAsync(args);

    private async Task ImportDemoAsync()
    {
        foreach (var kind in Kinds)
        {
            var (exit, _, err) = await Run("import", kind, Demo(kind), "--data", Data);
            Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        }
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(root.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<long> ScalarAsync(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "backoffice.db")}");
        return await connection.ExecuteScalarAsync<long>(sql, parameters);
    }

    private async Task<string> DumpAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "backoffice.db")}");
        var parts = new List<string>();
        foreach (var table in new[] { "reference_import", "municipality_version", "provider_version", "product_version", "contract_version", "indication_version" })
        {
            var rows = await connection.QueryAsync($"SELECT * FROM {table} ORDER BY id");
            parts.Add(table + ": " + string.Join(" | ", rows.Select(r => string.Join(",", ((IDictionary<string, object?>)r).Values))));
        }

        return string.Join(Environment.NewLine, parts);
    }
}
