using Backoffice.Data.Answers;
using Backoffice.Service.Configuration;
using Backoffice.Service.Intake;
using Backoffice.Service.Logging;
using Microsoft.Extensions.Logging;

namespace Backoffice.Service.Outbox;

/// <summary>
/// Writes committed answers to the outbox (the GGk portal's upload folder) from their stored rows:
/// under a hidden temporary name, flushed, then renamed to the answer's fixed name, so an upload
/// tool never sees half a file and a rewrite after a crash replaces the file with the same bytes
/// instead of adding a second one. Only then is the row marked written.
/// </summary>
public sealed class OutboxWriter(AnswerStore answers, BackofficePaths paths, TimeProvider time, ILogger<OutboxWriter> logger)
{
    /// <summary>
    /// Writes every answer committed but not yet written (one sync pass for all, see
    /// <see cref="SetAside.WriteAllAtomically"/>) and then marks those in place written, in one
    /// transaction. Returns the path of each answer now in the outbox, by message id; one that could
    /// not be written is logged, stays unwritten and is written by the next batch. The caller has made
    /// the store durable first (<see cref="Data.StoreDurability"/>), so no answer leaves whose verdict
    /// a power loss could undo.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, string>> FlushAsync(CancellationToken cancellationToken)
    {
        var committed = await answers.ListUnwrittenAsync(cancellationToken);
        var written = new Dictionary<long, string>();
        var marked = new List<StoredAnswer>(committed.Count);
        if (committed.Count == 0)
        {
            return written;
        }

        Directory.CreateDirectory(paths.Outbox);
        var files = committed.Select(a => (Path: PathOf(a.FileName), Bytes: a.Content)).ToList();
        var faults = SetAside.WriteAllAtomically(files);
        for (var i = 0; i < committed.Count; i++)
        {
            if (faults[i] is { } fault)
            {
                logger.LogError("Message {MessageId}: its answer could not be written to the outbox ({Error}); the next batch writes it", committed[i].MessageId, Redaction.Describe(fault));
            }
            else
            {
                written[committed[i].MessageId] = files[i].Path;
                marked.Add(committed[i]);
            }
        }

        // A crash before this line rewrites the same bytes under the same names: never a second answer.
        await answers.MarkWrittenAsync(marked, time.GetUtcNow(), cancellationToken);
        return written;
    }

    /// <summary>Where a stored answer's file is in the outbox.</summary>
    public string PathOf(string fileName) => Path.Combine(paths.Outbox, fileName);
}
