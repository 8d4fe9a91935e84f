using Backoffice.Service.Cli;
using Backoffice.TestSupport;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>What <c>backoffice demo --format json</c> left: its data folder and what it printed.</summary>
internal sealed record DemoRegionRun(string Data, string Output);

/// <summary>
/// The default demo region (<c>backoffice demo</c>, three months of a few hundred clients), run
/// once per test run as a user runs it, for the fixtures that only read what it processed (reports
/// on it): the demo takes seconds, and every fixture running its own would add them up. A fixture
/// that changes the store works on a copy of <see cref="DemoRegionRun.Data"/>. The folder goes when
/// the run ends (<see cref="DemoRegionOnceCleanUp"/>).
/// </summary>
internal static class DemoRegionOnce
{
    private static readonly DirectoryInfo Root = Directory.CreateTempSubdirectory("backoffice-demo-once-");
    private static readonly Lazy<Task<DemoRegionRun>> Run = new(RunAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public static Task<DemoRegionRun> GetAsync() => Run.Value;

    internal static void Delete()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A log file handle may linger; the temp folder is cleaned by the OS.
        }
    }

    private static async Task<DemoRegionRun> RunAsync()
    {
        var data = Path.Combine(Root.FullName, "data");
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await BackofficeCli.RunAsync(["demo", "--data", data, "--format", "json", "--schemas", RepoPaths.IwmoSchemas], stdout, stderr);
        if (exit != ExitCodes.Ok)
        {
            throw new InvalidOperationException($"backoffice demo exited {exit}: {stderr}{stdout}");
        }

        SqliteConnection.ClearAllPools();
        return new DemoRegionRun(data, stdout.ToString());
    }
}

/// <summary>Removes the shared demo folder when the scenario fixtures are done.</summary>
[SetUpFixture]
public sealed class DemoRegionOnceCleanUp
{
    [OneTimeTearDown]
    public void Delete() => DemoRegionOnce.Delete();
}
