using System.Text.Json;
using Backoffice.Service.Cli;
using Backoffice.TestSupport;
using Microsoft.Data.Sqlite;
using Dapper;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Cli;

/// <summary>The verbs as a user runs them: arguments in, text or JSON and an exit code out.</summary>
public sealed class CliTests
{
    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRun.RunAsync(args);

    private static string Schemas => RepoPaths.IwmoSchemas;

    [Test]
    public async Task Validate_reference_samples_reports_the_one_known_level2_failure_and_nothing_else()
    {
        var (exit, output, _) = await Run("validate", RepoPaths.ReferenceSamples("iwmo-3.2"), "--schemas", Schemas);

        // The reference WMO317 itself fails TR380 (iwmo-3.2.md §8.11); the official stylesheet agrees.
        Assert.That(exit, Is.EqualTo(ExitCodes.Findings));
        Assert.That(output, Does.Contain("7 files: 6 valid, 1 not valid."));
        Assert.That(output, Does.Contain("WMO317.xml: INVALID (level 2)"));
        Assert.That(output.Split('\n').Count(l => l.Contains("-> 0001]", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(output, Does.Contain("/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct/GewensteIngangsdatum: [TR380 -> 0001]"));
    }

    [Test]
    public async Task Validate_json_gives_level2_findings_their_level_and_rule()
    {
        var (exit, output, _) = await Run("validate", Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), "WMO317.xml"), "--schemas", Schemas, "--format", "json");

        Assert.That(exit, Is.EqualTo(ExitCodes.Findings));
        using var json = JsonDocument.Parse(output);
        var file = json.RootElement.EnumerateArray().Single();
        Assert.That(file.GetProperty("valid").GetBoolean(), Is.False);
        var finding = file.GetProperty("findings").EnumerateArray().Single();
        Assert.That(finding.GetProperty("level").GetInt32(), Is.EqualTo(2));
        Assert.That(finding.GetProperty("rule").GetString(), Is.EqualTo("TR380"));
        Assert.That(finding.GetProperty("retourcode").GetString(), Is.EqualTo("0001"));
        Assert.That(finding.GetProperty("line").GetInt32(), Is.GreaterThan(0));
    }

    [Test]
    public async Task Validate_with_the_reference_schema_set_as_shipped_gives_the_same_verdicts()
    {
        var (exit, output, err) = await Run("validate", RepoPaths.ReferenceSamples("iwmo-3.2"), "--schemas", RepoPaths.ReferenceXsd("iwmo-3.2"));

        Assert.That(exit, Is.EqualTo(ExitCodes.Findings), err);
        Assert.That(output, Does.Contain("7 files: 6 valid, 1 not valid."));
    }

    [Test]
    public async Task Validate_iJw_sample_says_not_supported_and_exits_1()
    {
        var (exit, output, _) = await Run("validate", Path.Combine(RepoPaths.ReferenceSamples("ijw-3.2"), "JW323.xml"), "--schemas", Schemas);

        Assert.That(exit, Is.EqualTo(ExitCodes.Findings));
        Assert.That(output, Does.Contain("NOT SUPPORTED (iJw 3.2 JW323)"));
    }

    [Test]
    public async Task Validate_json_reports_the_removed_element_with_path_and_line()
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-cli-");
        try
        {
            var lines = File.ReadAllLines(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), "WMO323.xml"));
            var broken = Path.Combine(folder.FullName, "WMO323-no-ProductCode.xml");
            File.WriteAllLines(broken, lines.Where((l, i) => !(l.Contains("<wmo323:ProductCode>", StringComparison.Ordinal) && i < 40)));

            var (exit, output, _) = await Run("validate", broken, "--format", "json", "--schemas", Schemas);

            Assert.That(exit, Is.EqualTo(ExitCodes.Findings));
            Golden.Verify(output.Replace(folder.FullName, "TEMP", StringComparison.Ordinal), "validate_removed_element", "json");
        }
        finally
        {
            folder.Delete(true);
        }
    }

    [Test]
    public async Task Validate_missing_path_exits_2()
    {
        var (exit, _, err) = await Run("validate", "/no/such/file.xml", "--schemas", Schemas);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err, Does.Contain("not a file or folder"));
    }

    [Test]
    public async Task Validate_with_a_schema_folder_that_does_not_exist_exits_2()
    {
        var (exit, _, err) = await Run("validate", RepoPaths.ReferenceSamples("iwmo-3.2"), "--schemas", "/no/such/schemas");

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err, Does.Contain("does not exist"));
    }

    [TestCase("frobnicate")]
    [TestCase("validate")]
    [TestCase("validate", "x.xml", "--format", "yaml")]
    [TestCase("process", "--processing-date", "26-11-2026")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var (exit, _, err) = await Run(args);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err, Does.Contain("backoffice"));
    }

    [Test]
    public async Task Process_json_prints_one_entry_per_input_and_pins_the_processing_date()
    {
        var root = Directory.CreateTempSubdirectory("backoffice-process-");
        try
        {
            Assert.That((await Run("import", "all", RepoPaths.DemoReference, "--data", root.FullName)).Exit, Is.EqualTo(ExitCodes.Ok));
            var (exit, output, err) = await Run(
                "process", "--data", root.FullName, "--inbox", RepoPaths.ReferenceSamples("iwmo-3.2"), "--leave-inbox",
                "--processing-date", "2026-01-15", "--format", "json", "--schemas", Schemas);

            Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
            using var json = JsonDocument.Parse(output);
            var entries = json.RootElement.EnumerateArray().ToList();
            Assert.That(entries, Has.Count.EqualTo(7));
            foreach (var entry in entries)
            {
                Assert.That(
                    entry.EnumerateObject().Select(p => p.Name),
                    Is.SupersetOf(new[] { "input", "messageType", "sender", "identificatie", "outcome", "retourFile", "findings" }));
            }

            // The samples against the demo data and an empty register (InboxBatchTests has the reasons):
            // providers' messages are answered, accepted or not; our own refused 301 and 319 are not sent;
            // the 323 gets its 325.
            var verdicts = entries.ToDictionary(
                e => e.GetProperty("messageType").GetString()!,
                e => (e.GetProperty("outcome").GetString(), e.GetProperty("retourFile").ValueKind == JsonValueKind.String));
            Assert.That(verdicts, Is.EquivalentTo(new Dictionary<string, (string?, bool)>
            {
                ["WMO301"] = ("rejected", false),
                ["WMO305"] = ("rejected", true),
                ["WMO307"] = ("rejected", true),
                ["WMO315"] = ("accepted", true),
                ["WMO317"] = ("rejected", true),
                ["WMO319"] = ("rejected", false),
                ["WMO323"] = ("accepted", true),
            }));

            await using var connection = new SqliteConnection($"Data Source={Path.Combine(root.FullName, "backoffice.db")}");
            var received = await connection.QueryAsync<string>("SELECT received_at FROM message");
            Assert.That(received, Has.All.StartWith("2026-01-15"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            root.Delete(true);
        }
    }

    [Test]
    public async Task Queue_judges_deadlines_as_of_the_processing_date()
    {
        var root = Directory.CreateTempSubdirectory("backoffice-queue-");
        try
        {
            Assert.That((await Run("import", "all", RepoPaths.DemoReference, "--data", root.FullName)).Exit, Is.EqualTo(ExitCodes.Ok));

            // Demo indication 2001 was decided on Wed 10 Dec 2025: its allocation was due 5 working days later, Wed 17 Dec.
            string Status(string output)
            {
                using var json = JsonDocument.Parse(output);
                var item = json.RootElement.EnumerateArray().Single(e => e.GetProperty("subject").GetString()!.StartsWith("Indication 2001 ", StringComparison.Ordinal));
                return $"{item.GetProperty("dueOn").GetString()} {item.GetProperty("status").GetString()}";
            }

            var dueDay = await Run("queue", "--data", root.FullName, "--format", "json", "--processing-date", "2025-12-17");
            var later = await Run("queue", "--data", root.FullName, "--format", "json", "--processing-date", "2025-12-18");
            var before = await Run("queue", "--data", root.FullName, "--format", "json", "--processing-date", "2025-12-16");

            Assert.That(Status(dueDay.Out), Is.EqualTo("2025-12-17 due today"), dueDay.Err);
            Assert.That(Status(later.Out), Is.EqualTo("2025-12-17 overdue"));
            using var json = JsonDocument.Parse(before.Out);
            Assert.That(json.RootElement.EnumerateArray().Select(e => e.GetProperty("subject").GetString()), Has.None.StartWith("Indication 2001 "), "not listed before it is due");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            root.Delete(true);
        }
    }

    [Test]
    public async Task Migrate_brings_a_new_database_to_the_current_schema_once()
    {
        var root = Directory.CreateTempSubdirectory("backoffice-migrate-");
        try
        {
            var first = await Run("migrate", "--data", root.FullName);
            var second = await Run("migrate", "--data", root.FullName);

            Assert.That(first.Exit, Is.EqualTo(ExitCodes.Ok), first.Err);
            Assert.That(first.Out, Does.Contain("Sqlite database migrated: "));
            Assert.That(second.Out, Does.Contain("Sqlite database is current."));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            root.Delete(true);
        }
    }
}
