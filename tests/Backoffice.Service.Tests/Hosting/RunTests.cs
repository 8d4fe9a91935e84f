using Backoffice.Service.Cli;
using Backoffice.TestSupport;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Hosting;

/// <summary>The hosted service: Quartz scans the inbox on its own and processes what it finds.</summary>
public sealed class RunTests
{
    [Test]
    public async Task Run_scans_the_inbox_on_schedule_until_stopped()
    {
        var root = Directory.CreateTempSubdirectory("backoffice-run-");
        var inbox = Directory.CreateDirectory(Path.Combine(root.FullName, "inbox")).FullName;
        File.Copy(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), "WMO323.xml"), Path.Combine(inbox, "WMO323.xml"));
        using var stop = new CancellationTokenSource();
        try
        {
            // The 323's parties must be known for it to be accepted (set aside in processed/).
            Assert.That(await BackofficeCli.RunAsync(["import", "all", RepoPaths.DemoReference, "--data", root.FullName], TextWriter.Null, TextWriter.Null), Is.EqualTo(ExitCodes.Ok));
            var running = BackofficeCli.RunAsync(["run", "--data", root.FullName, "--schemas", RepoPaths.IwmoSchemas], TextWriter.Null, TextWriter.Null, stop.Token);

            var processed = Path.Combine(root.FullName, "processed", "000001-000001-WMO323.xml");
            // Waits for the scan to happen, bounded so a broken scheduler fails instead of hanging.
            for (var i = 0; i < 600 && !File.Exists(processed) && !running.IsCompleted; i++)
            {
                await Task.Delay(100);
            }

            Assert.That(File.Exists(processed), Is.True, "the first scheduled scan processes the inbox");
            await stop.CancelAsync();
            Assert.That(await running, Is.EqualTo(ExitCodes.Ok));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            root.Delete(true);
        }
    }

    [Test]
    public async Task Run_with_invalid_configuration_exits_2_with_the_reason()
    {
        var root = Directory.CreateTempSubdirectory("backoffice-run-");
        var config = Path.Combine(root.FullName, "settings.json");
        await File.WriteAllTextAsync(config, """{ "Inbox": { "ScanIntervalSeconds": 0 } }""");
        try
        {
            var exit = await BackofficeCli.RunAsync(["run", "--data", root.FullName, "--config", config], TextWriter.Null, TextWriter.Null);

            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        }
        finally
        {
            root.Delete(true);
        }
    }

    [Test]
    public async Task Run_with_an_unusable_schema_folder_stops_at_start_with_the_reason()
    {
        var root = Directory.CreateTempSubdirectory("backoffice-run-");
        using var stderr = new StringWriter();
        try
        {
            var exit = await BackofficeCli.RunAsync(["run", "--data", root.FullName, "--schemas", Path.Combine(root.FullName, "none")], TextWriter.Null, stderr);

            Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
            Assert.That(stderr.ToString(), Does.Contain("does not exist"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            root.Delete(true);
        }
    }
}
