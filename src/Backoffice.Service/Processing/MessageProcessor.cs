using Backoffice.Core.Validation;
using Backoffice.Data.Processing;
using Microsoft.Extensions.Logging;
using Polly;

namespace Backoffice.Service.Processing;

/// <summary>
/// Processes one stored message: claim it, validate the stored bytes, record the verdict and every
/// finding in one transaction. The inbox batch, the Quartz job and any later entry point all come
/// through here (style habit 15). This is the per-message boundary: the one place a fault is caught,
/// recorded and left for a retry, so nothing is lost and nothing is answered twice.
/// </summary>
public sealed class MessageProcessor(
    MessageProcessingStore store,
    MessageValidator validator,
    ResiliencePipeline resilience,
    TimeProvider time,
    InstanceIdentity instance,
    ILogger<MessageProcessor> logger)
{
    public async Task<ProcessedMessage> ProcessAsync(long messageId, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["MessageId"] = messageId });
        try
        {
            var claimed = await resilience.ExecuteAsync(
                async ct => await store.TryClaimAsync(messageId, instance.Id, time.GetUtcNow(), ct), cancellationToken);
            if (!claimed)
            {
                logger.LogInformation("Message {MessageId} is claimed by another instance; skipped", messageId);
                return new ProcessedMessage(messageId, null, InputOutcomes.ClaimedElsewhere, "Another instance is processing this message.");
            }

            var report = await resilience.ExecuteAsync(
                async ct =>
                {
                    await using var content = await store.OpenContentAsync(messageId, ct);
                    return validator.Validate(content);
                },
                cancellationToken);

            using var messageScope = logger.BeginScope(new Dictionary<string, object?>
            {
                ["MessageType"] = report.MessageType,
                ["Sender"] = report.Header.Afzender,
            });

            var outcome = InputOutcomes.From(report.Verdict);
            var recorded = await resilience.ExecuteAsync(
                async ct => await store.RecordOutcomeAsync(ToStored(messageId, report, outcome, time.GetUtcNow()), instance.Id, ct),
                cancellationToken);
            if (!recorded)
            {
                // The claim went stale and another instance took over; its verdict stands.
                logger.LogWarning("Message {MessageId}: claim lost before the verdict was recorded; left to the other instance", messageId);
                return new ProcessedMessage(messageId, report, InputOutcomes.ClaimedElsewhere, "The claim was lost to another instance.");
            }

            logger.LogInformation(
                "Message {MessageId} ({MessageType} from {Sender}): {Outcome} with {FindingCount} findings",
                messageId,
                report.MessageType ?? "unclassified",
                report.Header.Afzender ?? "unknown",
                outcome,
                report.Findings.Count + report.FindingsOmitted);
            return new ProcessedMessage(messageId, report, outcome, report.Summary);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Infrastructure, not input: the message stays stored and claimed; the claim goes
            // stale and the next scan retries it.
            logger.LogError(ex, "Message {MessageId} could not be processed; it stays stored and is retried", messageId);
            return new ProcessedMessage(messageId, null, InputOutcomes.Failed, $"Processing failed ({ex.GetType().Name}); the message is kept and retried on the next scan.");
        }
    }

    private static MessageOutcome ToStored(long messageId, ValidationReport report, string outcome, DateTimeOffset now)
    {
        DateOnly? dagtekening = DateOnly.TryParseExact(report.Header.Dagtekening, "yyyy-MM-dd", out var d) ? d : null;
        var findings = report.Findings
            .Select(f => new StoredFinding(f.Level, f.Rule, f.Retourcode, f.Path, f.Line, f.Column, f.Message))
            .ToList();
        if (report.FindingsOmitted > 0)
        {
            findings.Add(new StoredFinding(1, null, null, null, null, null, $"{report.FindingsOmitted} further findings not kept."));
        }

        return new MessageOutcome(
            messageId,
            report.Standard,
            report.MessageType,
            report.BerichtCode,
            report.Header.Afzender,
            report.Header.Ontvanger,
            report.Header.Identificatie,
            dagtekening,
            outcome,
            report.Summary,
            findings,
            now);
    }
}

/// <summary>The verdict on one stored message (Report is null when it could not be read).</summary>
public sealed record ProcessedMessage(long MessageId, ValidationReport? Report, string Outcome, string? Reason);

/// <summary>Names this process in claims, so several instances on one SQL Server never take the same message.</summary>
public sealed class InstanceIdentity
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";
}
