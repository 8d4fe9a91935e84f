using System.Globalization;
using System.Text.Json;
using Backoffice.Core.Messages;
using Backoffice.Service.Cli;
using Backoffice.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>
/// A municipality's desk for a scenario, driven only through the CLI as an operator runs it
/// (<see cref="BackofficeCli.RunAsync"/> in-process): a throwaway data folder with its own reference
/// CSVs imported by <c>import all</c>, an inbox the messages of a step are dropped into, <c>process
/// --processing-date DAY --format json</c> per step, <c>queue --format json</c> on a pinned day, and
/// the register read straight from the SQLite file.
/// </summary>
internal sealed class ScenarioDesk(string? settings = null) : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("backoffice-scenario-");
    private readonly HashSet<string> _outboxSeen = new(StringComparer.Ordinal);

    public string Data => Path.Combine(_root.FullName, "data");

    public string Inbox => Path.Combine(_root.FullName, "inbox");

    public string Outbox => Path.Combine(Data, "outbox");

    public string Database => Path.Combine(Data, "backoffice.db");

    /// <summary>
    /// The operator's settings file: files dropped by the scenario are complete when written, so they
    /// need not settle first (Inbox:SettleSeconds has its own tests); plus the scenario's own
    /// <c>settings</c> (more top-level JSON members, e.g. a <c>Declarations</c> section).
    /// </summary>
    private string Config
    {
        get
        {
            var path = Path.Combine(_root.FullName, "scenario.json");
            if (!File.Exists(path))
            {
                File.WriteAllText(path, $$"""{ "Inbox": { "SettleSeconds": 0 }{{(settings is null ? string.Empty : ", " + settings)}} }""");
            }

            return path;
        }
    }

    /// <summary>Writes the scenario's reference CSVs (kind name to its lines, header first) and imports them with <c>import all</c>.</summary>
    public async Task ImportAsync(IReadOnlyDictionary<string, string[]> csvs)
    {
        ArgumentNullException.ThrowIfNull(csvs);
        var folder = Directory.CreateDirectory(Path.Combine(_root.FullName, "reference")).FullName;
        foreach (var (kind, lines) in csvs)
        {
            await File.WriteAllLinesAsync(Path.Combine(folder, kind + ".csv"), lines);
        }

        var (exit, output, error) = await RunAsync("import", "all", folder, "--data", Data);
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), output + error);
    }

    /// <summary>Drops <paramref name="messages"/> (file name, message) into the inbox and runs one <c>process</c> on <paramref name="day"/>.</summary>
    public async Task<StepRun> ProcessAsync(DateOnly day, params (string Name, IwmoMessage Message)[] messages)
    {
        Directory.CreateDirectory(Inbox);
        var dropped = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (name, message) in messages)
        {
            var bytes = IwmoWriter.ToBytes(message);
            dropped[name] = bytes;
            await File.WriteAllBytesAsync(Path.Combine(Inbox, name), bytes);
        }

        var (exit, output, error) = await RunAsync(
            "process", "--data", Data, "--inbox", Inbox, "--processing-date", Day(day), "--format", "json", "--schemas", RepoPaths.IwmoSchemas, "--config", Config);
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), $"process on {Day(day)}: {error}\n{output}");
        using var json = JsonDocument.Parse(output);
        var results = json.RootElement.EnumerateArray().Select(MessageOutcome.From).ToList();
        Assert.That(results.Select(r => r.Input), Is.EquivalentTo(dropped.Keys), "one entry per file dropped, nothing left from before");
        Assert.That(Directory.EnumerateFileSystemEntries(Inbox), Is.Empty, "every file is taken out of the inbox");
        foreach (var result in results.Where(r => r.Verdict is "accepted" or "rejected"))
        {
            // The file goes where its stored verdict says: accepted to processed/, refused to quarantine/ (with its reason).
            var folder = result.Verdict == "accepted" ? "processed" : "quarantine";
            Assert.That(Path.GetDirectoryName(result.MovedTo), Is.EqualTo(Path.Combine(Data, folder)), result.Input);
            Assert.That(File.ReadAllBytes(result.MovedTo!), Is.EqualTo(dropped[result.Input]), result.Input);
        }

        var written = Directory.Exists(Outbox)
            ? Directory.EnumerateFiles(Outbox).Select(Path.GetFileName).OfType<string>().Where(f => !_outboxSeen.Contains(f)).Order(StringComparer.Ordinal).ToList()
            : [];
        _outboxSeen.UnionWith(written);
        return new StepRun(results, written, dropped);
    }

    /// <summary><c>queue --format json</c> as of <paramref name="day"/>.</summary>
    public async Task<IReadOnlyList<QueueEntry>> QueueAsync(DateOnly day)
    {
        var (exit, output, error) = await RunAsync("queue", "--data", Data, "--processing-date", Day(day), "--format", "json", "--config", Config);
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), error);
        using var json = JsonDocument.Parse(output);
        return
        [
            .. json.RootElement.EnumerateArray().Select(e => new QueueEntry(
                e.GetProperty("kind").GetString()!,
                e.GetProperty("messageId").ValueKind == JsonValueKind.Number ? e.GetProperty("messageId").GetInt64() : null,
                e.GetProperty("subject").GetString()!,
                e.GetProperty("detail").GetString()!,
                e.GetProperty("dueOn").GetString(),
                e.GetProperty("status").GetString()!)),
        ];
    }

    /// <summary><c>queue</c> as people read it, as of <paramref name="day"/>.</summary>
    public async Task<string> QueueTextAsync(DateOnly day)
    {
        var (exit, output, error) = await RunAsync("queue", "--data", Data, "--processing-date", Day(day), "--config", Config);
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), error);
        return output;
    }

    /// <summary>All log text the runs wrote to the data folder's log files.</summary>
    public string ReadLogs()
    {
        var folder = Path.Combine(Data, "logs");
        return Directory.Exists(folder) ? string.Concat(Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllText)) : string.Empty;
    }

    public byte[] OutboxBytes(string file) => File.ReadAllBytes(Path.Combine(Outbox, file));

    /// <summary>The answer in the outbox, read back as a typed message.</summary>
    public T Answer<T>(string file)
        where T : IwmoMessage
    {
        var read = IwmoReader.Read(OutboxBytes(file));
        Assert.That(read.Message, Is.InstanceOf<T>(), $"{file} reads as {typeof(T).Name}: {read}");
        return (T)read.Message!;
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={Database};Mode=ReadOnly;Pooling=False");
        return [.. await connection.QueryAsync<T>(sql, parameters)];
    }

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => Cli.CliRun.RunAsync(args);

    public void Dispose()
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
}

/// <summary>What one <c>process</c> run printed for one input: its outcome, its answer file and its findings (rule, code, path).</summary>
internal sealed record MessageOutcome(string Input, string? MessageType, long? MessageId, string Verdict, string? RetourFile, IReadOnlyList<(string? Rule, string? Code, string? Path)> Findings)
{
    public string? MovedTo { get; init; }

    /// <summary>"rule code path" per finding, for a compact comparison.</summary>
    public IEnumerable<string> Codes => Findings.Select(f => $"{f.Rule} {f.Code} {f.Path}");

    public static MessageOutcome From(JsonElement e) => new(
        e.GetProperty("input").GetString()!,
        e.GetProperty("messageType").GetString(),
        e.GetProperty("messageId").ValueKind == JsonValueKind.Number ? e.GetProperty("messageId").GetInt64() : null,
        e.GetProperty("outcome").GetString()!,
        e.GetProperty("retourFile").GetString(),
        [
            .. e.GetProperty("findings").EnumerateArray().Select(f => (
                f.GetProperty("rule").GetString(),
                f.GetProperty("retourcode").GetString(),
                f.GetProperty("path").GetString())),
        ])
    {
        MovedTo = e.GetProperty("movedTo").GetString(),
    };
}

/// <summary>One step's run: the outcome per dropped file, the files the run added to the outbox, and the bytes dropped.</summary>
internal sealed record StepRun(IReadOnlyList<MessageOutcome> Results, IReadOnlyList<string> NewInOutbox, IReadOnlyDictionary<string, byte[]> Dropped)
{
    public MessageOutcome this[string input] => Results.Single(r => r.Input == input);
}

/// <summary>One line of <c>queue --format json</c>.</summary>
internal sealed record QueueEntry(string Kind, long? MessageId, string Subject, string Detail, string? DueOn, string Status);
