using System.Globalization;
using System.Text;
using Backoffice.Core.Validation;
using Backoffice.Data.Intake;
using Backoffice.Data.Processing;
using Backoffice.Service.Configuration;
using Backoffice.Service.Processing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Backoffice.Service.Intake;

/// <summary>
/// One pass over the inbox folder (the GGk portal's manual download): every file's bytes are
/// committed to the store first, then processed, then the file is moved to processed/ or to
/// quarantine/ with a reason file. Afterwards, messages stored earlier but never finished (a
/// crash, a lost claim) are processed too. Used by <c>backoffice process</c> and the Quartz job.
/// </summary>
public sealed class InboxBatch(
    MessageIntakeStore intake,
    MessageProcessingStore store,
    MessageProcessor processor,
    BackofficePaths paths,
    IOptions<InboxOptions> options,
    ResiliencePipeline resilience,
    TimeProvider time,
    ILogger<InboxBatch> logger)
{
    public const string Channel = "inbox";

    public async Task<IReadOnlyList<InputResult>> RunAsync(CancellationToken cancellationToken)
    {
        paths.EnsureWorkFolders();
        var results = new List<InputResult>();
        var seen = new HashSet<long>();
        foreach (var file in ListInbox())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await TakeInAsync(file, cancellationToken);
            results.Add(result);
            if (result.MessageId is { } id)
            {
                seen.Add(id);
            }
        }

        var pending = await resilience.ExecuteAsync(
            async ct => await store.ListPendingAsync(1000, time.GetUtcNow(), ct), cancellationToken);
        foreach (var id in pending.Where(seen.Add))
        {
            var processed = await processor.ProcessAsync(id, cancellationToken);
            results.Add(ToResult($"store:{id}", processed));
        }

        return results;
    }

    /// <summary>Top-level files, oldest name first; hidden and partial downloads are left alone.</summary>
    private List<string> ListInbox() =>
        Directory.EnumerateFiles(paths.Inbox)
            .Where(p =>
            {
                var name = Path.GetFileName(p);
                return !name.StartsWith('.')
                    && !name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
                    && !name.EndsWith(".part", StringComparison.OrdinalIgnoreCase)
                    && !name.EndsWith(".partial", StringComparison.OrdinalIgnoreCase);
            })
            .Order(StringComparer.Ordinal)
            .ToList();

    private async Task<InputResult> TakeInAsync(string file, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        IntakeReceipt receipt;
        try
        {
            receipt = await resilience.ExecuteAsync(
                async ct =>
                {
                    await using var content = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
                    return await intake.ReceiveAsync(content, new IntakeSource(Channel, name, time.GetUtcNow()), ct);
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            logger.LogWarning("An inbox file disappeared before it could be read; nothing was stored");
            return new InputResult(name, null, null, null, InputOutcomes.Vanished, null, [])
            {
                Reason = "The file disappeared before it could be read; nothing was stored. Ask the sender or the portal to deliver it again.",
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "An inbox file could not be stored; it stays in the inbox and is retried on the next scan");
            return new InputResult(name, null, null, null, InputOutcomes.Failed, null, [])
            {
                Reason = $"Could not be stored ({ex.GetType().Name}); the file stays in the inbox and is retried on the next scan.",
            };
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["MessageId"] = receipt.MessageId });
        if (receipt.IsDuplicate)
        {
            var earlier = await resilience.ExecuteAsync(async ct => await store.GetAsync(receipt.MessageId, ct), cancellationToken);
            if (earlier is { Status: MessageStatuses.Processed })
            {
                logger.LogInformation("Message {MessageId} delivered again (same SHA-256); recorded as a duplicate delivery", receipt.MessageId);
                var movedTo = await SetAsideAsync(file, paths.Processed, receipt, DuplicateNote(earlier), cancellationToken);
                return new InputResult(name, earlier.MessageType, earlier.Sender, earlier.Identificatie, InputOutcomes.Duplicate, null, [])
                {
                    MessageId = receipt.MessageId,
                    MovedTo = movedTo,
                    Reason = $"The same bytes were received before as message {receipt.MessageId}; not processed again.",
                };
            }

            // Stored by an earlier run that stopped before finishing: this is the same
            // delivery resumed, not a second one.
        }

        var processed = await processor.ProcessAsync(receipt.MessageId, cancellationToken);
        var result = ToResult(name, processed);
        if (processed.Report is null)
        {
            // Failed or claimed elsewhere: the bytes are safe in the store; the file stays put
            // and the next scan resumes it.
            return result;
        }

        var valid = processed.Report.Valid;
        var target = valid ? paths.Processed : paths.Quarantine;
        var moved = await SetAsideAsync(file, target, receipt, valid ? null : QuarantineNote(name, receipt, processed), cancellationToken);
        return moved is null && File.Exists(file)
            ? result with { Reason = $"{result.Reason} The verdict is recorded, but the file could not be moved out of the inbox (see the log).".TrimStart() }
            : result with { MovedTo = moved };
    }

    /// <summary>
    /// Moves (or, with Inbox:LeaveFiles, copies) the delivered file out of the inbox under a name
    /// that cannot collide, with an optional reason file beside it.
    /// </summary>
    private async Task<string?> SetAsideAsync(string file, string folder, IntakeReceipt receipt, string? note, CancellationToken cancellationToken)
    {
        var target = Path.Combine(folder, $"{receipt.MessageId:D6}-{Path.GetFileName(file)}");
        try
        {
            await resilience.ExecuteAsync(
                async ct =>
                {
                    if (note is not null)
                    {
                        await File.WriteAllTextAsync(target + ".reason.txt", note, new UTF8Encoding(false), ct);
                    }

                    if (options.Value.LeaveFiles)
                    {
                        File.Copy(file, target, overwrite: true);
                    }
                    else
                    {
                        File.Move(file, target, overwrite: true);
                    }
                },
                cancellationToken);
            return target;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            logger.LogWarning("Message {MessageId}: the inbox file was gone when it was to be set aside; the stored copy is kept", receipt.MessageId);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The verdict is recorded and the bytes are stored; only the tidy-up failed. The file
            // stays, and the next scan sees it as a duplicate and tries again.
            logger.LogError(ex, "Message {MessageId}: the inbox file could not be set aside in {Folder}; it stays in the inbox", receipt.MessageId, folder);
            return null;
        }
    }

    private static InputResult ToResult(string input, ProcessedMessage processed) =>
        new(input, processed.Report?.MessageType, processed.Report?.Header.Afzender, processed.Report?.Header.Identificatie, processed.Outcome, null, processed.Report?.Findings ?? [])
        {
            MessageId = processed.MessageId,
            Reason = processed.Report is { Valid: true } ? null : processed.Reason,
        };

    private static string DuplicateNote(MessageSummary earlier) =>
        $"""
        Duplicate delivery
        The same bytes (SHA-256 {earlier.Sha256}) were received before as message {earlier.Id}
        on {earlier.ReceivedAt.ToString("u", CultureInfo.InvariantCulture)} with outcome '{earlier.Outcome}'.
        They were not processed again (one message, one answer).
        """;

    private string QuarantineNote(string name, IntakeReceipt receipt, ProcessedMessage processed)
    {
        var report = processed.Report!;
        var text = new StringBuilder();
        text.AppendLine("Quarantined by Backoffice")
            .AppendLine(CultureInfo.InvariantCulture, $"File:       {name}")
            .AppendLine(CultureInfo.InvariantCulture, $"Message id: {receipt.MessageId}")
            .AppendLine(CultureInfo.InvariantCulture, $"SHA-256:    {receipt.Sha256}")
            .AppendLine(CultureInfo.InvariantCulture, $"Size:       {receipt.SizeBytes:N0} bytes")
            .AppendLine(CultureInfo.InvariantCulture, $"Checked:    {time.GetUtcNow().ToString("u", CultureInfo.InvariantCulture)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Outcome:    {processed.Outcome}{Classification(report)}")
            .AppendLine(CultureInfo.InvariantCulture, $"Why:        {Explain(report.Verdict)}")
            .AppendLine("Findings:");
        foreach (var f in report.Findings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {FindingText.Format(f)}");
        }

        if (report.FindingsOmitted > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  ... and {report.FindingsOmitted} more");
        }

        return text.ToString();
    }

    private static string Classification(ValidationReport report) =>
        report.Standard is null ? string.Empty : $" ({report.Standard} {report.MessageType}{(report.BerichtCode is { } code ? $", BerichtCode {code}" : string.Empty)})";

    /// <summary>
    /// Level 1 gets no retour (iwmo-3.2.md §8.1): the sender hears it from the transport. These
    /// say which GGk error (Fo01 code) answers the case.
    /// </summary>
    public static string Explain(Verdict verdict) => verdict switch
    {
        Verdict.Invalid => "The message fails the iWmo 3.2 XSD or a technical file rule (level 1). No retour is sent; the sender is told through the transport (GGk IB001, not XSD-valid).",
        Verdict.Unsupported => "This is not an iWmo 3.2 message this service takes; the transport answers GGk IB004 (function not supported).",
        Verdict.Unreadable => "The file is not readable XML (level 1). No retour can be built; the transport answers GGk IB001.",
        Verdict.TooLarge => "The file exceeds the 25 MB limit for one message (OP179); the transport answers GGk IB003.",
        _ => "Accepted at level 1.",
    };
}
