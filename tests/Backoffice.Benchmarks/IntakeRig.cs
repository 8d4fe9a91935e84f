using System.Text;
using Backoffice.Data;
using Backoffice.Data.Migrations;
using Backoffice.Data.Reference;
using Backoffice.Service.Hosting;
using Backoffice.Service.Intake;
using Backoffice.Service.Processing;
using Backoffice.Service.Reference;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Backoffice.Benchmarks;

/// <summary>
/// The whole service path for inbox files, built exactly as the CLI's <c>process</c> verb builds it:
/// the real host on a temporary data folder with the embedded SQLite database, migrated once, then
/// <see cref="InboxBatch.RunAsync"/> (MessageIntakeStore.ReceiveAsync + MessageProcessor.ProcessAsync,
/// then the file is moved to processed/). One rig serves many deliveries: each must be distinct bytes,
/// because the same bytes twice are a duplicate delivery and are not processed again.
/// </summary>
public sealed class IntakeRig : IDisposable
{
    private readonly IHost _host;
    private readonly InboxBatch _batch;

    /// <param name="processingDate">Pins the processing date (as <c>process --processing-date</c> does); null: today.</param>
    public IntakeRig(string root, string schemasDirectory, DateOnly? processingDate = null)
    {
        Root = Directory.CreateDirectory(root).FullName;
        Inbox = Path.Combine(Root, "inbox");
        Directory.CreateDirectory(Inbox);
        var overrides = new Dictionary<string, string?>
        {
            ["Data:Directory"] = Path.Combine(Root, "data"),
            ["Inbox:Directory"] = Inbox,
            ["Schemas:Directory"] = schemasDirectory,
            ["Log:MinimumLevel"] = "Warning",
            ["Inbox:SettleSeconds"] = "0",
        };
        _host = BackofficeHost.CreateBuilder(new HostSettings(overrides, ProcessingDate: processingDate, ConsoleToStandardError: true)).Build();
        DatabaseMigrator.Migrate(_host.Services.GetRequiredService<DatabaseSettings>());
        _batch = _host.Services.GetRequiredService<InboxBatch>();
        Processed = Path.Combine(Root, "data", "processed");
        Outbox = Path.Combine(Root, "data", "outbox");
    }

    public string Root { get; }

    public string Inbox { get; }

    public string Processed { get; }

    public string Outbox { get; }

    /// <summary>The host's services, for what a run needs besides the batch (the importer, the register).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>
    /// Imports the reference data in <paramref name="folder"/> (each kind's file there, such as
    /// <c>municipalities.csv</c>, <c>providers.csv</c>, <c>indications.csv</c>), as <c>backoffice import all</c> does; a message
    /// between parties the register does not know is refused, so a rig must know its senders.
    /// </summary>
    public async Task ImportReferenceAsync(string folder)
    {
        var imports = await _host.Services.GetRequiredService<ReferenceImporter>().ImportFolderAsync(folder, CancellationToken.None);
        if (imports.Count != ReferenceWords.Kinds.Count(k => File.Exists(ReferenceImporter.FileIn(folder, k))) || imports.Any(i => !i.Result.Applied))
        {
            throw new InvalidOperationException($"The reference data in {folder} did not import whole.");
        }
    }

    /// <summary>One inbox batch over whatever is in the inbox, every result returned (callers judge the outcomes).</summary>
    public async Task<IReadOnlyList<InputResult>> RunBatchAsync(CancellationToken cancellationToken = default) =>
        (await _batch.RunAsync(TimeSpan.Zero, cancellationToken)).Results;

    /// <summary>Puts one delivery in the inbox (not timed by callers).</summary>
    public void Deliver(string name, byte[] content) => File.WriteAllBytes(Path.Combine(Inbox, name), content);

    /// <summary>One inbox batch; throws unless exactly one message was accepted, so a broken path is never measured as fast.</summary>
    public async Task<long> RunOneAsync(CancellationToken cancellationToken = default)
    {
        var results = (await _batch.RunAsync(TimeSpan.Zero, cancellationToken)).Results;
        if (results.Count != 1 || results[0].Outcome != InputOutcomes.Accepted)
        {
            var what = string.Join("; ", results.Select(r => $"{r.Input}: {r.Outcome} {r.Reason}"));
            throw new InvalidOperationException($"Expected one accepted message, got {results.Count}: {what}");
        }

        return results[0].MessageId ?? 0;
    }

    /// <summary>Removes files set aside by earlier runs, so the disk does not fill (the stored copies stay in the database).</summary>
    public void ClearProcessed()
    {
        if (Directory.Exists(Processed))
        {
            foreach (var file in Directory.EnumerateFiles(Processed))
            {
                File.Delete(file);
            }
        }
    }

    public void Dispose()
    {
        _host.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>
    /// Fixed-width BerichtIdentificatie patching: the template is generated once with a 12-character
    /// placeholder, and each delivery overwrites it in place, giving distinct bytes of the same length.
    /// </summary>
    public sealed class DistinctDeliveries
    {
        public const string Placeholder = "BENCH0000000";

        private readonly byte[] _content;
        private readonly int _offset;
        private int _counter;

        public DistinctDeliveries(byte[] template)
        {
            _content = (byte[])template.Clone();
            var marker = Encoding.UTF8.GetBytes("Identificatie>" + Placeholder + "<");
            var at = _content.AsSpan().IndexOf(marker);
            if (at < 0)
            {
                throw new InvalidOperationException($"The template does not carry the placeholder Identificatie {Placeholder}.");
            }

            _offset = at + "Identificatie>".Length;
        }

        /// <summary>The next distinct content (the same array, patched: write it out before asking again).</summary>
        public byte[] Next()
        {
            _counter++;
            var id = Encoding.ASCII.GetBytes($"BENCH{_counter:D7}");
            id.CopyTo(_content, _offset);
            return _content;
        }
    }
}
