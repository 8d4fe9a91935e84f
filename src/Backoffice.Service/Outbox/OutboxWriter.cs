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
    /// <summary>Writes one answer; returns its path. Throws on I/O faults (the row stays unwritten and is retried).</summary>
    public async Task<string> WriteAsync(StoredAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        Directory.CreateDirectory(paths.Outbox);
        var path = Path.Combine(paths.Outbox, answer.FileName);
        SetAside.WriteAtomically(path, answer.Content);
        await answers.MarkWrittenAsync(answer.MessageId, time.GetUtcNow(), cancellationToken);
        return path;
    }

    /// <summary>Writes every answer committed but not yet written (a crash between commit and write).</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var answer in await answers.ListUnwrittenAsync(cancellationToken))
        {
            try
            {
                await WriteAsync(answer, cancellationToken);
                written++;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                logger.LogError("Message {MessageId}: its answer could not be written to the outbox ({Error}); retried on the next scan", answer.MessageId, Redaction.Describe(ex));
            }
        }

        return written;
    }

    /// <summary>Where a stored answer's file is in the outbox.</summary>
    public string PathOf(string fileName) => Path.Combine(paths.Outbox, fileName);
}
