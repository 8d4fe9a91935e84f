using Backoffice.Core.Calendar;
using Backoffice.Core.Retours;
using Backoffice.Core.Standard;
using Backoffice.Core.Validation;
using Backoffice.Data.Answers;
using Backoffice.Data.Processing;
using Backoffice.Data.Register;
using Backoffice.Data.Staff;
using Backoffice.Service.Configuration;
using Backoffice.Service.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Backoffice.Service.Processing;

/// <summary>
/// Processes one stored message as one unit of work: claim it under a lease, check it (level 1 on the
/// stored bytes, the typed message read once, level 2, the answer built and checked against its own
/// schema), then commit verdict, findings, staff tasks and the answer in ONE transaction; the answer
/// leaves for the outbox from what was committed, written by the batch once the store is durable
/// (<see cref="Intake.InboxBatch"/>: one sync for a chunk of messages). The inbox batch, the Quartz job and
/// any later entry point all come through here (style habit 15). This is the per-message boundary:
/// the one place a fault is caught, recorded and left for a retry of the whole message, so nothing is
/// lost and nothing is answered twice.
/// </summary>
public sealed class MessageProcessor(
    MessageClaims claims,
    MessageContent content,
    MessageSummaries summaries,
    MessageUnitOfWork unitOfWork,
    StaffTaskStore tasks,
    RegisterStore register,
    MessageCheck check,
    WorkingDays workingDays,
    ResiliencePipeline resilience,
    TimeProvider time,
    InstanceIdentity instance,
    IOptions<ProcessingOptions> options,
    ILogger<MessageProcessor> logger)
{
    /// <summary>OP090: a retour, or the word outside the flow when none can be built, within 3 working days.</summary>
    public const int AnswerWorkingDays = 3;

    /// <summary>OP090x4: the 325 on a declaration within 10 working days.</summary>
    public const int DeclarationAnswerWorkingDays = 10;

    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    /// <summary>
    /// Leases are compared across processes, so they run on the wall clock, never on a pinned
    /// processing date (two runs pinned to different dates must still agree who holds a claim).
    /// </summary>
    public static DateTimeOffset LeaseNow() => TimeProvider.System.GetUtcNow();

    /// <summary>Instances that hold claims but are known to be gone (a crashed run on this machine).</summary>
    public async Task<IReadOnlyList<string>> GoneOwnersAsync(CancellationToken cancellationToken)
    {
        var owners = await resilience.ExecuteAsync(async ct => await claims.ListClaimOwnersAsync(ct), cancellationToken);
        return [.. owners.Where(InstanceIdentity.IsGone)];
    }

    public async Task<ProcessedMessage> ProcessAsync(long messageId, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["MessageId"] = messageId });
        var claimed = false;
        try
        {
            var gone = await GoneOwnersAsync(cancellationToken);
            var now = LeaseNow();
            claimed = await resilience.ExecuteAsync(
                async ct => await claims.TryClaimAsync(messageId, instance.Id, now, now + Lease, gone, ct), cancellationToken);
            if (!claimed)
            {
                logger.LogInformation("Message {MessageId} is claimed by another live instance or already processed; skipped", messageId);
                return new ProcessedMessage(messageId, null, InputOutcomes.ClaimedElsewhere, "Another live instance holds the claim on this message and finishes it; the file stays until then.");
            }

            await using var heartbeat = new LeaseHeartbeat(claims, messageId, instance.Id, Lease, LeaseNow, logger);
            // The whole unit of work is retried on a transient fault (a locked database file, a
            // failover), not each call in it: nothing of a failed attempt was committed, so it reads,
            // checks and commits again from the stored bytes.
            var work = await resilience.ExecuteAsync(async ct => await WorkAsync(messageId, ct), cancellationToken);
            var checkedMessage = work.Checked;
            var report = checkedMessage.Level1;
            var answer = work.Answer;
            var outcome = work.Outcome;
            var reason = work.Reason;

            using var messageScope = logger.BeginScope(new Dictionary<string, object?>
            {
                ["MessageType"] = report.MessageType,
                ["Sender"] = report.Header.Afzender,
            });

            if (checkedMessage.Held is { } held)
            {
                logger.LogError("Message {MessageId} is held: {Reason}", messageId, held);
                return new ProcessedMessage(messageId, report, InputOutcomes.Failed, $"Held: {held} Listed for staff.");
            }

            if (!work.Recorded)
            {
                // The lease ran out and another instance took over; its verdict stands.
                logger.LogWarning("Message {MessageId}: claim lost before the verdict was recorded; left to the other instance", messageId);
                return new ProcessedMessage(messageId, report, InputOutcomes.ClaimedElsewhere, "The claim was taken over by another instance before the verdict was recorded; its verdict stands.");
            }

            logger.LogInformation(
                "Message {MessageId} ({MessageType} from {Sender}): {Outcome} at level {Level} with {FindingCount} findings{Answer}",
                messageId,
                report.MessageType ?? "unclassified",
                report.Header.Afzender ?? "unknown",
                outcome,
                checkedMessage.CheckedLevel,
                checkedMessage.Findings.Count + report.FindingsOmitted,
                answer is null ? string.Empty : $"; {(answer.AnswerType == report.MessageType ? "sent on" : "answered with " + answer.AnswerType)} ({answer.Retourcode ?? "no retourcodes"})");
            return new ProcessedMessage(messageId, report, outcome, reason) { Checked = checkedMessage };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Infrastructure, not input: the message stays stored; its lease runs out (or this
            // process is seen to be gone) and the next scan retries the whole message.
            logger.LogError("Message {MessageId} could not be processed ({Error}); it stays stored and is retried", messageId, Redaction.Describe(ex));
            if (claimed)
            {
                await LetLeaseRunOutAsync(messageId);
            }

            return new ProcessedMessage(messageId, null, InputOutcomes.Failed, $"Processing failed ({ex.GetType().Name}); the message is kept and retried on the next scan.");
        }
    }

    /// <summary>
    /// Ends this instance's lease on a message it failed on, so the next scan (of this process or
    /// another) retries it at once instead of waiting for the lease. Best effort: when even this
    /// fails (a full disk) the lease runs out by itself.
    /// </summary>
    private async Task LetLeaseRunOutAsync(long messageId)
    {
        try
        {
            await claims.RenewLeaseAsync(messageId, instance.Id, LeaseNow(), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Message {MessageId}: the claim could not be given up ({Error}); it runs out with its lease", messageId, Redaction.Describe(ex));
        }
    }

    /// <summary>
    /// One attempt at the unit of work of a claimed message: check it from the stored bytes, then
    /// commit verdict, findings, tasks and answer in one transaction. A held message (our bug, not
    /// bad input) records only its staff task: nothing is decided or sent, and the whole message is
    /// tried again when the claim runs out (after a fix it goes through).
    /// </summary>
    private async Task<UnitResult> WorkAsync(long messageId, CancellationToken cancellationToken)
    {
        var received = DateOnly.FromDateTime((await summaries.GetReceivedAtAsync(messageId, cancellationToken)).UtcDateTime);
        var processingDate = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var checkedMessage = await check.CheckAsync(
            c => content.OpenContentAsync(messageId, c),
            MessageScope.Inbound,
            MessageCheck.IdentityFor(messageId, processingDate),
            cancellationToken,
            (key, c) => register.LoadViewAsync(key, messageId, processingDate, c));
        if (checkedMessage.Held is { } held)
        {
            await tasks.RecordAsync(
                new StaffTask($"held:{messageId}", StaffTaskKinds.HeldMessage, messageId, "Message held: the service could not finish it", held, time.GetUtcNow(), AnswerDue(checkedMessage, received) ?? workingDays.AddWorkingDays(received, AnswerWorkingDays)),
                cancellationToken);
            return new UnitResult(checkedMessage, InputOutcomes.Failed, held, null, Recorded: false);
        }

        var report = checkedMessage.Level1;
        var outcome = checkedMessage.Rejected ? (report.Valid ? Outcomes.Rejected : InputOutcomes.From(report.Verdict)) : Outcomes.Accepted;
        var reason = Reason(checkedMessage);
        var answer = checkedMessage.Answer is { } built
            ? new StoredAnswer(messageId, built.Record.Type.Name, built.Identity.Identificatie, built.Identity.Dagtekening, built.Retourcode, built.FileName, built.Content, time.GetUtcNow())
            : null;
        var now = time.GetUtcNow();
        var (opened, closed) = RegisterTasks.For(messageId, received, checkedMessage.Register, checkedMessage.Changes, workingDays, now);
        var stored = ToStored(messageId, checkedMessage, outcome, reason, now) with
        {
            AnswerDueOn = AnswerDue(checkedMessage, received),
            RuleSet = RuleSetOf(checkedMessage),
            SchemaSet = checkedMessage.Message is { } read ? MessageCheck.SchemaSetName(read) : null,
        };
        var recorded = await unitOfWork.CommitAsync(
            stored, instance.Id, answer, [.. Tasks(messageId, received, checkedMessage), .. opened], new RegisterWork(received, checkedMessage.Changes, closed), cancellationToken);
        return new UnitResult(checkedMessage, outcome, reason, answer, recorded);
    }

    private IReadOnlyList<StaffTask> Tasks(long messageId, DateOnly received, CheckedMessage checkedMessage)
    {
        var report = checkedMessage.Level1;
        if (!report.Valid)
        {
            // OP090x2: no retour can be built, so the sender is told outside the message flow,
            // within the retour's own deadline; the transport error code is kept with the message.
            var code = TransportErrors.For(report.Verdict);
            return
            [
                new StaffTask(
                    $"tell-sender:{messageId}",
                    StaffTaskKinds.TellSender,
                    messageId,
                    $"Tell the sender: message {messageId} was refused at level 1 ({code})",
                    $"No retour can be built ({report.Verdict}). Send the GGk transport error {code} (Fo01) or tell the sender {report.Header.Afzender ?? "(unknown sender)"} otherwise (OP090x2). {report.Summary}",
                    time.GetUtcNow(),
                    workingDays.AddWorkingDays(received, AnswerWorkingDays)),
            ];
        }

        if (checkedMessage.Refused is { } refused)
        {
            return
            [
                new StaffTask(
                    $"unknown-party:{messageId}",
                    StaffTaskKinds.UnknownParty,
                    messageId,
                    $"Message {messageId} ({report.MessageType}) names a party this backoffice does not know: refused",
                    $"{refused} Sender {report.Header.Afzender ?? "(none)"}, receiver {report.Header.Ontvanger ?? "(none)"}. Import the municipality or provider if the message was ours to take (backoffice import), then deliver it again; otherwise tell the sender.",
                    time.GetUtcNow(),
                    workingDays.AddWorkingDays(received, AnswerWorkingDays)),
            ];
        }

        var refusedFindings = checkedMessage.RuleFindings;
        if (refusedFindings.Count > 0 && checkedMessage.Message is { } message && message.Type.Direction == MessageDirection.MunicipalityToProvider)
        {
            return
            [
                new StaffTask(
                    $"refused-own:{messageId}",
                    StaffTaskKinds.RefusedOwnMessage,
                    messageId,
                    $"Our own {message.Type} (message {messageId}) breaks level-{refusedFindings[0].Level} rules: refused, not sent",
                    string.Join(" ", refusedFindings.Select(f => FindingText.Format(f))),
                    time.GetUtcNow(),
                    null),
            ];
        }

        return [];
    }

    private static string Reason(CheckedMessage checkedMessage)
    {
        var report = checkedMessage.Level1;
        if (!report.Valid)
        {
            return report.Summary;
        }

        if (checkedMessage.Refused is { } refused)
        {
            return $"Refused: {refused} Listed for staff.";
        }

        var answered = checkedMessage.Answer is { Retourcode: not null } a ? $" Answered with {a.Record.Type} ({a.Retourcode})." : string.Empty;
        var found = checkedMessage.RuleFindings;
        if (found.Count > 0)
        {
            var first = found[0];
            var more = found.Count > 1 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (+{found.Count - 1} more)") : string.Empty;
            return $"Rejected at level {first.Level} ({first.Rule}): {FindingText.Format(first).TrimEnd('.')}{more}.{answered}";
        }

        if (checkedMessage.Lines.Count > 0)
        {
            var approved = checkedMessage.Lines.Count(l => l.Approved);
            var toegekend = Core.Declarations.LineVerdict.Awarded(checkedMessage.Lines);
            var codes = checkedMessage.LineFindings.Select(f => f.Retourcode).Distinct(StringComparer.Ordinal).ToList();
            return string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"Declaration checked at levels 1 to 4: {approved} of {checkedMessage.Lines.Count} prestaties approved, {toegekend / 100m:0.00} EUR awarded{(codes.Count > 0 ? $"; rejected lines carry {string.Join(' ', codes)}" : string.Empty)}.{answered}");
        }

        return checkedMessage.CheckedLevel switch
        {
            2 => "Passed level 2; waiting for the cross-message checks (levels 3 and 4).",
            _ when checkedMessage.Message?.Type.Direction == MessageDirection.MunicipalityToProvider && checkedMessage.Answer is not null =>
                "Passed levels 1 to 4; recorded in the register and sent on to the provider as it is.",
            _ when checkedMessage.Answer is { } answer => $"Passed levels 1 to 4; recorded in the register and answered with {answer.Record.Type} (header only, no retourcodes).",
            _ => "Passed levels 1 to 4; recorded in the register.",
        };
    }

    /// <summary>
    /// The rule set a verdict was made with, for the audit trail: the register's (national and
    /// regional, as a declaration records it) when levels 3 and 4 ran, the in-message rules when
    /// the checks stopped at level 2, none when the message did not pass level 1 (only the file
    /// rules and the XSD ran).
    /// </summary>
    private static string? RuleSetOf(CheckedMessage checkedMessage) =>
        checkedMessage is { Register: { } view, CheckedLevel: >= 3 } ? MessageCheck.RuleSetName(view)
        : checkedMessage.CheckedLevel >= 2 ? Level2RuleSet
        : null;

    /// <summary>The rule set of a verdict that covers levels 1 and 2 only.</summary>
    public const string Level2RuleSet = "iwmo-3.2 level 2";

    /// <summary>OP090: a retour within 3 working days of receipt; OP090x4: a 325 within 10. Null for what we do not answer.</summary>
    private DateOnly? AnswerDue(CheckedMessage checkedMessage, DateOnly received) =>
        checkedMessage.Message?.Type is { Direction: MessageDirection.ProviderToMunicipality, AnswerName: not null } type
            ? workingDays.AddWorkingDays(received, type == MessageType.Wmo323 ? DeclarationAnswerWorkingDays : AnswerWorkingDays)
            : null;

    private static MessageOutcome ToStored(long messageId, CheckedMessage checkedMessage, string outcome, string reason, DateTimeOffset now)
    {
        var report = checkedMessage.Level1;
        DateOnly? dagtekening = DateOnly.TryParseExact(report.Header.Dagtekening, "yyyy-MM-dd", out var d) ? d : null;
        var findings = checkedMessage.Findings.ToList();
        if (report.FindingsOmitted > 0)
        {
            findings.Add(new Finding(1, null, null, null, null, null, $"{report.FindingsOmitted} further findings not kept."));
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
            reason,
            findings,
            now)
        {
            CheckedLevel = checkedMessage.CheckedLevel,
            TransportError = TransportErrors.For(report.Verdict),
        };
    }

    /// <summary>Renews a claim every third of its lease until disposed, so a live owner never loses it.</summary>
    private sealed class LeaseHeartbeat : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task loop;

        public LeaseHeartbeat(MessageClaims claims, long messageId, string owner, TimeSpan lease, Func<DateTimeOffset> now, ILogger logger)
        {
            loop = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        await Task.Delay(lease / 3, stop.Token);
                        if (!await claims.RenewLeaseAsync(messageId, owner, now() + lease, stop.Token))
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

/// <summary>What one attempt at a message's unit of work decided and whether it was committed.</summary>
internal sealed record UnitResult(CheckedMessage Checked, string Outcome, string Reason, StoredAnswer? Answer, bool Recorded);

/// <summary>The verdict on one stored message (Report is null when it could not be read).</summary>
public sealed record ProcessedMessage(long MessageId, ValidationReport? Report, string Outcome, string? Reason)
{
    /// <summary>Everything the checks found (level 1 and 2), when the message was checked now.</summary>
    public CheckedMessage? Checked { get; init; }

    /// <summary>Where the answer is in the outbox, once the batch has written it.</summary>
    public string? AnswerFile { get; init; }
}

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
