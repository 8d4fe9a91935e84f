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
    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await BackofficeCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static string Schemas => RepoPaths.IwmoSchemas;

    [Test]
    public async Task Validate_reference_samples_folder_exits_0()
    {
        var (exit, output, _) = await Run("validate", RepoPaths.ReferenceSamples("iwmo-3.2"), "--schemas", Schemas);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok));
        Assert.That(output, Does.Contain("7 files: 7 valid, 0 not valid."));
    }

    [Test]
    public async Task Validate_with_the_reference_schema_set_as_shipped_exits_0()
    {
        var (exit, _, err) = await Run("validate", RepoPaths.ReferenceSamples("iwmo-3.2"), "--schemas", RepoPaths.ReferenceXsd("iwmo-3.2"));

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
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
                Assert.That(entry.GetProperty("outcome").GetString(), Is.EqualTo("accepted"));
            }

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
