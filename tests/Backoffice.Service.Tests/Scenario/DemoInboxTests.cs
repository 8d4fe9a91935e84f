using System.Text.Json;
using Backoffice.Core.Messages;
using Backoffice.Service.Cli;
using Backoffice.TestSupport;
using Backoffice.TestSupport.Lifecycle;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>
/// <c>deploy/demo/inbox</c>, the folder the README's first command processes from a fresh clone:
/// it holds exactly what <see cref="DemoInbox"/> builds (set BACKOFFICE_WRITE_DEMO=1 to rewrite it
/// after changing the builder), and the first command's two steps give each file the verdict, codes
/// and answer the demo promises.
/// </summary>
public sealed class DemoInboxTests
{
    private static string Folder => Path.Combine(RepoPaths.DemoReference, "inbox");

    [Test]
    public void The_demo_inbox_holds_exactly_what_the_builder_makes()
    {
        var built = DemoInbox.Build().ToDictionary(f => f.Name, f => IwmoWriter.ToBytes(f.Message), StringComparer.Ordinal);
        if (Environment.GetEnvironmentVariable("BACKOFFICE_WRITE_DEMO") == "1")
        {
            Directory.CreateDirectory(Folder);
            foreach (var stale in Directory.EnumerateFiles(Folder).Where(f => !built.ContainsKey(Path.GetFileName(f))))
            {
                File.Delete(stale);
            }

            foreach (var (name, bytes) in built)
            {
                File.WriteAllBytes(Path.Combine(Folder, name), bytes);
            }
        }

        Assert.That(Directory.EnumerateFiles(Folder).Select(Path.GetFileName), Is.EquivalentTo(built.Keys), "run the tests once with BACKOFFICE_WRITE_DEMO=1 to rewrite deploy/demo/inbox");
        foreach (var (name, bytes) in built)
        {
            Assert.That(File.ReadAllBytes(Path.Combine(Folder, name)), Is.EqualTo(bytes), $"{name} differs from what DemoInbox builds; run with BACKOFFICE_WRITE_DEMO=1 to rewrite it");
        }
    }

    [Test]
    public async Task The_first_README_command_answers_every_demo_message_with_its_verdict_and_codes()
    {
        var root = Directory.CreateTempSubdirectory("backoffice-demo-");
        try
        {
            var data = Path.Combine(root.FullName, "data");
            Assert.That((await Run("import", "all", RepoPaths.DemoReference, "--data", data)).Exit, Is.EqualTo(ExitCodes.Ok));
            var before = Directory.EnumerateFiles(Folder).ToDictionary(f => f, File.ReadAllBytes);
            // The files may have been written just now (a fresh checkout, or the rewrite above); the
            // README's command builds first, so its files are older than Inbox:SettleSeconds.
            var config = Path.Combine(root.FullName, "settings.json");
            await File.WriteAllTextAsync(config, """{ "Inbox": { "SettleSeconds": 0 } }""");

            var (exit, output, err) = await Run("process", "--data", data, "--inbox", Folder, "--leave-inbox", "--format", "json", "--processing-date", "2026-12-02", "--config", config);

            Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
            var results = JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => string.Join(
                ' ',
                e.GetProperty("input").GetString(),
                e.GetProperty("outcome").GetString(),
                e.GetProperty("retourFile").GetString() is { } file ? Path.GetFileName(file)[..6] : "-",
                string.Join(',', e.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("retourcode").GetString()))).TrimEnd());
            Assert.That(results, Is.EqualTo(new[]
            {
                "01-WMO301-amsterdam.xml accepted WMO301",
                "02-WMO301-diemen-b.xml accepted WMO301",
                "03-WMO301-diemen-c.xml accepted WMO301",
                "04-WMO302-amsterdam.xml accepted -",
                "05-WMO305-amsterdam.xml accepted WMO306",
                "06-WMO305-diemen-b.xml rejected WMO306 9019",
                "07-WMO305-diemen-c.xml accepted WMO306",
                "08-WMO307-diemen-c.xml accepted WMO308",
                "09-WMO317-amsterdam.xml accepted WMO318",
                "10-WMO301-amsterdam.xml accepted WMO301",
                "11-WMO315-diemen-b.xml accepted WMO316",
                "12-WMO319-diemen-b.xml accepted WMO319",
            }));
            Assert.That(Directory.EnumerateFiles(Folder).ToDictionary(f => f, File.ReadAllBytes), Is.EqualTo(before), "--leave-inbox: the demo folder is read, never changed");

            var (_, queue, _) = await Run("queue", "--data", data, "--format", "json", "--processing-date", "2026-12-02");
            var kinds = JsonDocument.Parse(queue).RootElement.EnumerateArray().Select(t => t.GetProperty("kind").GetString()).ToList();
            Assert.That(kinds, Does.Contain("answer-request"), "the VOT in onderzoek waits for its final answer");
            Assert.That(kinds, Does.Contain("unbacked-allocation"), "01A02 has no indication of its own: indication 1003 is for 01A11");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            root.Delete(recursive: true);
        }
    }

    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => Cli.CliRun.RunAsync(args);
}
