using Backoffice.Data;
using Backoffice.Data.Migrations;
using Backoffice.Data.Reference;
using Backoffice.Service.Hosting;
using Backoffice.Service.Reference;
using Backoffice.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Backoffice.Service.Tests;

/// <summary>
/// A real service on a throwaway data folder: real SQLite file, real inbox folders, our schemas.
/// Built exactly as the CLI builds it (BackofficeHost), so tests exercise the production wiring.
/// It holds the demo reference data (deploy/demo) unless told otherwise, so the reference samples'
/// parties are known; without it every register-checked message is refused for its parties.
/// </summary>
internal sealed class ServiceHarness : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("backoffice-test-");

    public ServiceHarness(bool leaveFiles = false, DateOnly? processingDate = null, IReadOnlyDictionary<string, string?>? settings = null, bool referenceData = true)
    {
        Inbox = Directory.CreateDirectory(Path.Combine(DataDirectory, "inbox")).FullName;
        var overrides = Overrides(leaveFiles);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            overrides[key] = value;
        }

        Settings = new HostSettings(overrides, ProcessingDate: processingDate);
        Host = BackofficeHost.CreateBuilder(Settings).Build();
        DatabaseMigrator.Migrate(Host.Services.GetRequiredService<DatabaseSettings>());
        if (referenceData)
        {
            ImportReference(RepoPaths.DemoReference);
        }
    }

    /// <summary>Imports every reference file in <paramref name="folder"/> (as <c>import all</c>); each must apply.</summary>
    public void ImportReference(string folder)
    {
        var imports = Get<ReferenceImporter>().ImportFolderAsync(folder, CancellationToken.None).GetAwaiter().GetResult();
        if (imports.Count != ReferenceWords.Kinds.Count(k => File.Exists(ReferenceImporter.FileIn(folder, k))) || imports.Any(i => !i.Result.Applied))
        {
            throw new InvalidOperationException($"The reference data in {folder} did not import whole.");
        }
    }

    public string DataDirectory => Path.Combine(_root.FullName, "data");

    public string Inbox { get; }

    public string Processed => Path.Combine(DataDirectory, "processed");

    public string Quarantine => Path.Combine(DataDirectory, "quarantine");

    public string Logs => Path.Combine(DataDirectory, "logs");

    public string Database => Path.Combine(DataDirectory, "backoffice.db");

    public HostSettings Settings { get; }

    public IHost Host { get; }

    public T Get<T>()
        where T : notnull => Host.Services.GetRequiredService<T>();

    public Dictionary<string, string?> Overrides(bool leaveFiles = false) => new()
    {
        ["Data:Directory"] = DataDirectory,
        ["Schemas:Directory"] = RepoPaths.IwmoSchemas,
        ["Inbox:LeaveFiles"] = leaveFiles ? "true" : "false",
        // Files dropped by a test are complete when written; the settle period has its own tests.
        ["Inbox:SettleSeconds"] = "0",
    };

    public string Drop(string name, byte[] content)
    {
        var path = Path.Combine(Inbox, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public string DropSample(string sample, string? asName = null) =>
        Drop(asName ?? sample, File.ReadAllBytes(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), sample)));

    /// <summary>All log text written so far (Serilog flushes when the host is disposed).</summary>
    public string ReadLogs()
    {
        Host.Dispose();
        return Directory.Exists(Logs)
            ? string.Concat(Directory.EnumerateFiles(Logs).Select(f => File.ReadAllText(f)))
            : string.Empty;
    }

    public void Dispose()
    {
        Host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            _root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A log file handle may linger on some platforms; the temp folder is cleaned by the OS.
        }
    }
}
