using Backoffice.Core.Validation;
using Backoffice.Data.Processing;
using Backoffice.Service.Configuration;
using Backoffice.Service.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Backoffice.Service.Processing;

/// <summary>
/// Processes one stored message: claim it under a lease, validate the stored bytes, record the
/// verdict and every finding in one transaction. The inbox batch, the Quartz job and any later entry
/// point all come through here (style habit 15). This is the per-message boundary: the one place a
/// fault is caught, recorded and left for a retry, so nothing is lost and nothing is answered twice.
/// </summary>
public sealed class MessageProcessor(
    MessageProcessingStore store,
    MessageValidator validator,
    ResiliencePipeline resilience,
    TimeProvider time,
    InstanceIdentity instance,
    IOptions<ProcessingOptions> options,
    ILogger<MessageProcessor> logger)
{
    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    /// <summary>
    /// Leases are compared across processes, so they run on the wall clock, never on a pinned
    /// processing date (two runs pinned to different dates must still agree who holds a claim).
    /// </summary>
    public static DateTimeOffset LeaseNow() => TimeProvider.System.GetUtcNow();

    /// <summary>Instances that hold claims but are known to be gone (a crashed run on this machine).</summary>
    public async Task<IReadOnlyList<string>> GoneOwnersAsync(CancellationToken cancellationToken)
    {
        var owners = await resilience.ExecuteAsync(async ct => await store.ListClaimOwnersAsync(ct), cancellationToken);
        return [.. owners.Where(InstanceIdentity.IsGone)];
    }

    public async Task<ProcessedMessage> ProcessAsync(long messageId, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["MessageId"] = messageId });
        try
        {
            var gone = await GoneOwnersAsync(cancellationToken);
            var now = LeaseNow();
            var claimed = await resilience.ExecuteAsync(
                async ct => await store.TryClaimAsync(messageId, instance.Id, now, now + Lease, gone, ct), cancellationToken);
            if (!claimed)
            {
                logger.LogInformation("Message {MessageId} is claimed by another live instance or already processed; skipped", messageId);
                return new ProcessedMessage(messageId, null, InputOutcomes.ClaimedElsewhere, "Another live instance holds the claim on this message and finishes it; the file stays until then.");
            }

            await using var heartbeat = new LeaseHeartbeat(store, messageId, instance.Id, Lease, LeaseNow, logger);
            var report = await resilience.ExecuteAsync(
                async ct =>
                {
                    await using var content = await store.OpenContentAsync(messageId, ct);
                    return validator.Validate(content, MessageScope.Inbound);
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
                // The lease ran out and another instance took over; its verdict stands.
                logger.LogWarning("Message {MessageId}: claim lost before the verdict was recorded; left to the other instance", messageId);
                return new ProcessedMessage(messageId, report, InputOutcomes.ClaimedElsewhere, "The claim was taken over by another instance before the verdict was recorded; its verdict stands.");
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
            // Infrastructure, not input: the message stays stored; its lease runs out (or this
            // process is seen to be gone) and the next scan retries it.
            logger.LogError("Message {MessageId} could not be processed ({Error}); it stays stored and is retried", messageId, Redaction.Describe(ex));
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

    /// <summary>Renews a claim every third of its lease until disposed, so a live owner never loses it.</summary>
    private sealed class LeaseHeartbeat : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task loop;

        public LeaseHeartbeat(MessageProcessingStore store, long messageId, string owner, TimeSpan lease, Func<DateTimeOffset> now, ILogger logger)
        {
            loop = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        await Task.Delay(lease / 3, stop.Token);
                        if (!await store.RenewLeaseAsync(messageId, owner, now() + lease, stop.Token))
                        {
                            return; // No longer ours: recording the verdict will say so.
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                    catch (Exception ex)
                    {
                        // A missed renewal only shortens the lease; the next one may succeed.
                        logger.LogWarning("Message {MessageId}: the claim could not be renewed ({Error})", messageId, Redaction.Describe(ex));
                    }
                }
            });
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
        }
    }
}

/// <summary>The verdict on one stored message (Report is null when it could not be read).</summary>
public sealed record ProcessedMessage(long MessageId, ValidationReport? Report, string Outcome, string? Reason);

/// <summary>
/// Names this process in claims, so several instances on one database never take the same message:
/// <c>{machine}/{process id}/{random}</c>. A claim by a process of this machine that no longer runs
/// belongs to a crashed run and is taken over at once, without waiting for its lease.
/// </summary>
public sealed class InstanceIdentity
{
    public string Id { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>True when <paramref name="owner"/> names a process of this machine that has ended.</summary>
    public static bool IsGone(string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var parts = owner.Split('/');
        return parts.Length == 3
            && string.Equals(parts[0], Environment.MachineName, StringComparison.Ordinal)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
            && pid != Environment.ProcessId
            && !IsRunning(pid);
    }

    private static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux())
        {
            // A killed child that was not reaped yet is a zombie: gone for our purpose.
            var stat = $"/proc/{pid}/stat";
            try
            {
                var text = File.ReadAllText(stat);
                var state = text.LastIndexOf(')') is var close and > 0 && close + 2 < text.Length ? text[close + 2] : '?';
                return state is not ('Z' or 'X');
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
            {
                return false;
            }
            catch (IOException)
            {
                return true; // Cannot tell: assume alive and let the lease decide.
            }
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
