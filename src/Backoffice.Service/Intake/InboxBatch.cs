using System.Globalization;
using Backoffice.Core.Standard;
using Backoffice.Data;
using Backoffice.Data.Intake;
using Backoffice.Data.Processing;
using Backoffice.Data.Staff;
using Backoffice.Service.Configuration;
using Backoffice.Service.Logging;
using Backoffice.Service.Outbox;
using Backoffice.Service.Processing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Backoffice.Service.Intake;

/// <summary>What one batch did; <see cref="Ran"/> is false when another batch held the database.</summary>
public sealed record BatchRun(bool Ran, IReadOnlyList<InputResult> Results, bool Stopped)
{
    public static BatchRun NotRun { get; } = new(false, [], false);

    /// <summary>True when something is left for a later run (the exit code of <c>process</c> says so).</summary>
    public bool LeftWork => !Ran || Stopped || Results.Any(r => InputOutcomes.IsLeftForLater(r.Outcome));
}

/// <summary>
/// One pass over the inbox folder (the GGk portal's manual download), one batch at a time per
/// database (<see cref="DatabaseLock.Batch"/>). Each regular, complete file's bytes are committed to
/// the store first, then processed, then the file is set aside in the folder its stored verdict
/// names. Anything else in the inbox is refused unread. Afterwards, messages stored earlier but never
/// finished (a crash, a claim whose owner died) are processed too. Used by <c>backoffice process</c>
/// and the Quartz job; it stops between inputs when asked to.
/// </summary>
public sealed class InboxBatch(
    MessageIntakeStore intake,
    MessageClaims claims,
    MessageSummaries summaries,
    StaffTaskStore tasks,
    MessageProcessor processor,
    OutboxWriter outbox,
    StoreDurability durability,
    DatabaseSettings database,
    BackofficePaths paths,
    IOptions<InboxOptions> options,
    ResiliencePipeline resilience,
    TimeProvider time,
    ILogger<InboxBatch> logger)
{
    public const string Channel = "inbox";

    /// <summary>
    /// How many inputs share one sync of the store before their answers and files leave: the
    /// durability of a chunk costs one checkpoint instead of a sync per commit, and a crash inside a
    /// chunk only leaves more for the next scan to finish (it is the same work, never a second answer).
    /// </summary>
    public const int ChunkSize = 64;

    // The names download tools and careful writers use while a file is incomplete.
    private static readonly string[] TemporarySuffixes = [".tmp", ".part", ".partial", ".crdownload", ".download", ".filepart", "~"];

    /// <param name="lockWait">How long to wait for a batch that holds the database; zero: do not wait.</param>
    /// <param name="stop">Stops the batch between inputs; the input in hand is always finished.</param>
    public async Task<BatchRun> RunAsync(TimeSpan lockWait, CancellationToken stop)
    {
        paths.EnsureWorkFolders();
        using var batchLock = await Task.Run(() => DatabaseLock.TryAcquire(database, DatabaseLock.Batch, lockWait, stop), stop);
        if (batchLock is null)
        {
            logger.LogInformation("Another batch is running on this database; this one did nothing");
            return BatchRun.NotRun;
        }

        await ReleaseAsync(); // answers committed by a run that stopped before writing them go out first
        var results = new List<InputResult>();
        var seen = new HashSet<long>();
        var chunk = new List<Step>();
        var stopped = false;
        foreach (var name in ListInbox())
        {
            if (stop.IsCancellationRequested)
            {
                stopped = true;
                break;
            }

            if (await TakeInAsync(name) is { } step)
            {
                chunk.Add(step);
                if ((step.Pending?.MessageId ?? step.Done?.MessageId) is { } id)
                {
                    seen.Add(id);
                }

                if (chunk.Count >= ChunkSize)
                {
                    results.AddRange(await FinishAsync(chunk));
                    chunk.Clear();
                }
            }
        }

        results.AddRange(await FinishAsync(chunk));
        chunk.Clear();
        if (stopped)
        {
            return new BatchRun(true, results, Stopped: true);
        }

        IReadOnlyList<long> pending;
        try
        {
            var gone = await processor.GoneOwnersAsync(CancellationToken.None);
            pending = await resilience.ExecuteAsync(async ct => await claims.ListPendingAsync(1000, MessageProcessor.LeaseNow(), gone, ct), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Messages left by earlier runs could not be listed ({Error}); the next scan tries again", Redaction.Describe(ex));
            results.Add(new InputResult("store", null, null, null, InputOutcomes.Failed, null, [])
            {
                Reason = "The store could not be asked for unfinished messages; the next scan tries again.",
            });
            return new BatchRun(true, results, Stopped: false);
        }

        foreach (var id in pending.Where(seen.Add))
        {
            if (stop.IsCancellationRequested)
            {
                stopped = true;
                break;
            }

            chunk.Add(new Taken($"store:{id}", await processor.ProcessAsync(id, CancellationToken.None)));
            if (chunk.Count >= ChunkSize)
            {
                results.AddRange(await FinishAsync(chunk));
                chunk.Clear();
            }
        }

        results.AddRange(await FinishAsync(chunk));
        return new BatchRun(true, results, Stopped: stopped);
    }

    /// <summary>
    /// One message already in the store, one the backoffice made itself (the 319 staff ask for with
    /// <c>answer-request</c>), processed as a batch of its own: under the batch lock, after the
    /// unwritten answers, by the same processor as every other message. When another batch holds
    /// the database past <paramref name="lockWait"/> nothing is done; the message stays pending and
    /// the next batch finishes it.
    /// </summary>
    /// <param name="input">How the result names the message (its made-up file name).</param>
    public async Task<BatchRun> ProcessStoredAsync(long messageId, string input, TimeSpan lockWait, CancellationToken stop)
    {
        paths.EnsureWorkFolders();
        using var batchLock = await Task.Run(() => DatabaseLock.TryAcquire(database, DatabaseLock.Batch, lockWait, stop), stop);
        if (batchLock is null)
        {
            logger.LogInformation("Another batch is running on this database; message {MessageId} is left for the next one", messageId);
            return BatchRun.NotRun;
        }

        await ReleaseAsync(); // answers committed by a run that stopped before writing them go out first
        return new BatchRun(true, await FinishAsync([new Taken(input, await processor.ProcessAsync(messageId, CancellationToken.None))]), Stopped: false);
    }

    /// <summary>
    /// Finishes a chunk of inputs whose verdicts are committed: makes the store durable (one sync
    /// for the chunk), writes their answers to the outbox, then sets each file aside, in order. When
    /// the store cannot be synced nothing leaves: the answers stay unwritten and the files stay in
    /// the inbox, both finished by the next scan.
    /// </summary>
    private async Task<List<InputResult>> FinishAsync(IReadOnlyList<Step> chunk)
    {
        var results = new List<InputResult>(chunk.Count);
        if (chunk.Count == 0)
        {
            return results;
        }

        var written = await ReleaseAsync();
        foreach (var step in chunk)
        {
            if (step.Done is { } done)
            {
                results.Add(done);
                continue;
            }

            var taken = step.Pending!;
            var processed = taken.Processed is { } p && written?.GetValueOrDefault(p.MessageId) is { } file
                ? p with { AnswerFile = file }
                : taken.Processed;
            if (taken.File is not { } inbox)
            {
                results.Add(ResultFrom(taken.Input, processed!));
            }
            else if (written is null)
            {
                results.Add(Result(taken.Input, InputOutcomes.Failed, "The verdict is recorded, but the store could not be synced; its answer and the file wait in the store and the inbox for the next scan.") with { MessageId = taken.MessageId });
            }
            else
            {
                results.Add(await SetAsideAsync(inbox.Path, inbox.Name, taken.Input, inbox.Status, taken.MessageId, inbox.DeliveryId, processed, taken.Message, inbox.Duplicate, inbox.SeenBefore));
            }
        }

        return results;
    }

    /// <summary>
    /// Makes the store durable (one sync), then writes every committed, unwritten answer to the
    /// outbox: the chunk's, and any a run that stopped left. Returns the path of each answer written
    /// now by message id; null when the store could not be synced or the answers not listed or marked,
    /// and then nothing leaves: answers and files wait for the next scan.
    /// </summary>
    private async Task<IReadOnlyDictionary<long, string>?> ReleaseAsync()
    {
        try
        {
            await resilience.ExecuteAsync(async ct => await durability.MakeDurableAsync(ct), CancellationToken.None);
            return await outbox.FlushAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("The store could not be synced or the answers written ({Error}); answers and files wait for the next scan", Redaction.Describe(ex));
            return null;
        }
    }

    /// <summary>Entry names in the inbox, ordinal order; hidden and temporary names are left alone.</summary>
    private List<string> ListInbox() =>
        Directory.EnumerateFileSystemEntries(paths.Inbox)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('.') && !TemporarySuffixes.Any(s => name.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .ToList();

    private async Task<Step?> TakeInAsync(string name)
    {
        var path = Path.Combine(paths.Inbox, name);
        var printable = SafeNames.Printable(name);
        FileStatus? looked;
        try
        {
            looked = FileIdentity.Lstat(path);
        }
        catch (IOException ex)
        {
            logger.LogWarning("An inbox entry could not be looked at ({Error}); it is tried again on the next scan", Redaction.Describe(ex));
            return Result(printable, InputOutcomes.Failed, "The entry could not be looked at; it is tried again on the next scan.");
        }

        if (looked is not { } status)
        {
            return Vanished(printable);
        }

        if (status.Kind == EntryKind.Directory)
        {
            return null; // An operator's folder, not a delivery.
        }

        if (status.Kind != EntryKind.Regular)
        {
            return await RefuseAsync(path, printable, status);
        }

        // The wall clock, not the (possibly pinned) processing date: this is about the file's age.
        var age = TimeProvider.System.GetUtcNow() - status.ModifiedAt;
        if (age < TimeSpan.FromSeconds(options.Value.SettleSeconds))
        {
            return Waiting(printable, "it changed less than Inbox:SettleSeconds ago");
        }

        long messageId;
        long deliveryId;
        bool duplicate;
        var known = false;
        try
        {
            var delivery = await resilience.ExecuteAsync(async ct => await intake.FindDeliveryAsync(Channel, name, status.Key, ct), CancellationToken.None);
            if (delivery is not null)
            {
                (messageId, deliveryId, duplicate, known) = (delivery.MessageId, delivery.DeliveryId, delivery.IsDuplicate, true);
            }
            else
            {
                var receipt = await resilience.ExecuteAsync(async ct => await ReceiveAsync(path, name, status, ct), CancellationToken.None);
                (messageId, deliveryId, duplicate) = (receipt.MessageId, receipt.DeliveryId, receipt.IsDuplicate);
            }
        }
        catch (NotARegularFileException ex)
        {
            return await RefuseAsync(path, printable, status with { Kind = ex.Kind });
        }
        catch (FileChangedException)
        {
            return Waiting(printable, "it changed while it was read");
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Vanished(printable);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && FileIdentity.Lstat(path) is { } still && still.SameFileAs(status))
        {
            return await ReadFailedAsync(path, name, printable, status, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("An inbox file could not be stored ({Error}); it stays in the inbox and is retried on the next scan", Redaction.Describe(ex));
            return Result(printable, InputOutcomes.Failed, "Could not be stored; the file stays in the inbox and is retried on the next scan.");
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["MessageId"] = messageId });
        MessageSummary? message = null;
        ProcessedMessage? processed = null;
        try
        {
            // A message stored just now by this delivery has no verdict yet; anything else may.
            if (known || duplicate)
            {
                message = await resilience.ExecuteAsync(async ct => await summaries.GetAsync(messageId, ct), CancellationToken.None)
                    ?? throw new InvalidOperationException($"Message {messageId} has a delivery but no row.");
            }

            if (message is not { Status: MessageStatuses.Processed })
            {
                processed = await processor.ProcessAsync(messageId, CancellationToken.None);
                if (!InputOutcomes.IsVerdict(processed.Outcome))
                {
                    // Failed or claimed by a live instance: the bytes are safe in the store; the
                    // file stays put and the next scan finishes it.
                    return Result(printable, processed.Outcome, processed.Reason) with { MessageId = messageId };
                }

                message = null; // Read again for the set-aside, after the verdict.
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("Message {MessageId}: the store could not be read ({Error}); the file stays for the next scan", messageId, Redaction.Describe(ex));
            return Result(printable, InputOutcomes.Failed, "The store could not be read; the file stays in the inbox and is finished on the next scan.") with { MessageId = messageId };
        }

        // Duplicate only when the verdict stood before this delivery: then nothing was processed now.
        var verdictBefore = processed is null;
        return new Taken(printable, processed, messageId, message, new InboxFile(path, name, status, deliveryId, duplicate && verdictBefore, known && verdictBefore));
    }

    private async Task<IntakeReceipt> ReceiveAsync(string path, string name, FileStatus looked, CancellationToken cancellationToken)
    {
        var (handle, opened) = FileIdentity.OpenRegular(path);
        using (handle)
        {
            if (!opened.SameFileAs(looked))
            {
                throw new FileChangedException();
            }

            await using var content = new FileStream(handle, FileAccess.Read, 81_920);
            return await intake.ReceiveAsync(
                content,
                new IntakeSource(Channel, name, time.GetUtcNow(), looked.Key),
                cancellationToken,
                beforeCommit: () =>
                {
                    // Still the same size and time after every byte was read: the file was complete.
                    if (!FileIdentity.Fstat(handle).SameFileAs(opened))
                    {
                        throw new FileChangedException();
                    }
                });
        }
    }

    private async Task<InputResult> SetAsideAsync(
        string path, string name, string printable, FileStatus status, long messageId, long deliveryId,
        ProcessedMessage? processed, MessageSummary? message, bool duplicate, bool seenBefore)
    {
        var leave = options.Value.LeaveFiles;
        InputResult result;
        SetAsideResult placed;
        try
        {
            // The folder follows from the stored verdict, whoever reached it and whenever.
            var outcome = processed?.Outcome ?? message!.Outcome!;
            var accepted = outcome == Outcomes.Accepted;
            var needsNote = !accepted || duplicate;
            if (needsNote || processed is null)
            {
                message ??= await resilience.ExecuteAsync(async ct => await summaries.GetAsync(messageId, ct), CancellationToken.None)
                    ?? throw new InvalidOperationException($"Message {messageId} has a delivery but no row.");
            }

            result = message is not null
                ? ResultFrom(printable, message, duplicate ? InputOutcomes.Duplicate : outcome)
                : ResultFrom(printable, processed!);
            if (duplicate)
            {
                result = result with { Reason = $"The same bytes were received before as message {messageId} (outcome {outcome}); not processed again." };
            }

            var note = needsNote ? InboxNotes.ForMessage(message!, printable, duplicate, time.GetUtcNow()) : null;
            var folder = accepted ? paths.Processed : paths.Quarantine;
            var setAsideName = SafeNames.SetAsideName(SafeNames.DeliveryPrefix(messageId, deliveryId), name);
            placed = await resilience.ExecuteAsync(_ => ValueTask.FromResult(SetAside.Put(path, status, folder, setAsideName, note, leave)), CancellationToken.None);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            logger.LogWarning("Message {MessageId}: the inbox file was gone when it was to be set aside; the stored copy is kept", messageId);
            return Result(printable, processed?.Outcome ?? message?.Outcome ?? InputOutcomes.Failed, "The verdict is recorded; the file was gone from the inbox before it could be set aside, and the stored copy is kept.") with { MessageId = messageId };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The verdict is recorded and the bytes are stored; only the tidy-up failed. The file
            // stays, and the next scan finds the same delivery and tries again.
            logger.LogError("Message {MessageId}: the inbox file could not be set aside ({Error}); it stays in the inbox", messageId, Redaction.Describe(ex));
            return Result(printable, InputOutcomes.Failed, "The verdict is recorded, but the file could not be moved out of the inbox; the next scan tries again.") with { MessageId = messageId };
        }

        if (placed.AlreadyThere && leave && seenBefore)
        {
            return result with
            {
                Outcome = InputOutcomes.Unchanged,
                MovedTo = placed.Path,
                Findings = [],
                Reason = $"Taken in before as message {messageId} (outcome {message?.Outcome}); nothing new.",
            };
        }

        return result with
        {
            MovedTo = placed.Path,
            Reason = seenBefore ? Join(result.Reason, "Finished what an earlier run started.") : result.Reason,
        };
    }

    private async Task<InputResult> RefuseAsync(string path, string printable, FileStatus status)
    {
        var kind = NotARegularFileException.Describe(status.Kind);
        logger.LogWarning("An inbox entry is a {Kind}, not a regular file; refused without reading it", kind);
        var movedTo = await QuarantineUnreadAsync(
            path,
            status,
            "refused",
            InboxNotes.Refused(printable, status.Kind, time.GetUtcNow()),
            new StaffTask($"refused:{status.Key}", StaffTaskKinds.RefusedEntry, null, $"Inbox entry refused: a {kind}, not a regular file", $"'{printable}' is a {kind}; it was not read.", time.GetUtcNow(), null));
        return Result(printable, InputOutcomes.Refused, $"A {kind}, not a regular file: not read, nothing stored{(movedTo is null ? "; it stays in the inbox" : "; moved to quarantine")}. Listed for staff.") with { MovedTo = movedTo };
    }

    private async Task<InputResult> ReadFailedAsync(string path, string name, string printable, FileStatus status, Exception ex)
    {
        var error = Redaction.Describe(ex);
        int attempts;
        try
        {
            attempts = await resilience.ExecuteAsync(async ct => await intake.RecordReadFailureAsync(Channel, name, status.Key, error, time.GetUtcNow(), ct), CancellationToken.None);
        }
        catch (Exception storeFault) when (storeFault is not OperationCanceledException)
        {
            logger.LogError("An inbox file could not be read ({Error}) and the attempt could not be counted ({StoreError})", error, Redaction.Describe(storeFault));
            return Result(printable, InputOutcomes.Failed, "Could not be read; the file stays in the inbox and is retried on the next scan.");
        }

        var max = options.Value.MaxReadAttempts;
        if (attempts < max)
        {
            logger.LogWarning("An inbox file could not be read ({Error}), attempt {Attempt} of {MaxAttempts}; retried on the next scan", error, attempts, max);
            return Result(printable, InputOutcomes.Failed, string.Create(CultureInfo.InvariantCulture, $"Could not be read ({error}); attempt {attempts} of {max}, retried on the next scan."));
        }

        logger.LogError("An inbox file could not be read on {Attempts} scans ({Error}); set aside for staff", attempts, error);
        var movedTo = await QuarantineUnreadAsync(
            path,
            status,
            "unread",
            InboxNotes.GaveUp(printable, attempts, error, time.GetUtcNow()),
            new StaffTask($"unreadable:{status.Key}", StaffTaskKinds.UnreadableFile, null, "Inbox file could not be read", string.Create(CultureInfo.InvariantCulture, $"'{printable}' could not be read on {attempts} scans ({error}); nothing was stored."), time.GetUtcNow(), null));
        return Result(printable, InputOutcomes.GivenUp, string.Create(CultureInfo.InvariantCulture, $"Could not be read on {attempts} scans ({error}); nothing stored{(movedTo is null ? ", the file stays in the inbox" : ", moved to quarantine")}. Listed for staff.")) with { MovedTo = movedTo };
    }

    /// <summary>
    /// Moves an entry that was not read into quarantine (by rename only) with its reason, and
    /// records the staff task saying where it is now. Null when it could not be moved and stays.
    /// </summary>
    private async Task<string?> QuarantineUnreadAsync(string path, FileStatus status, string prefix, string note, StaffTask task)
    {
        string? movedTo = null;
        try
        {
            movedTo = SetAside.MoveUnread(path, status, paths.Quarantine, UnreadName(prefix, Path.GetFileName(path)), note);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("An inbox entry that was not read could not be moved to quarantine ({Error}); it stays in the inbox", Redaction.Describe(ex));
        }

        var where = movedTo is null ? $" It stays in the inbox ({paths.Inbox})." : $" It is now in quarantine as {Path.GetFileName(movedTo)}.";
        await RecordTaskAsync(task with { Detail = task.Detail + where });
        return movedTo;
    }

    private async Task RecordTaskAsync(StaffTask task)
    {
        try
        {
            await resilience.ExecuteAsync(async ct => await tasks.RecordAsync(task, ct), CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("A staff task ({Kind}) could not be recorded ({Error}); it is recorded on the next scan that sees the entry", task.Kind, Redaction.Describe(ex));
        }
    }

    /// <summary>A unique quarantine name for an entry that has no message id (it was never stored).</summary>
    private string UnreadName(string what, string name)
    {
        var stamp = time.GetUtcNow().ToString("yyyyMMdd-HHmmssfff", CultureInfo.InvariantCulture);
        for (var n = 1; ; n++)
        {
            var candidate = SafeNames.SetAsideName(string.Create(CultureInfo.InvariantCulture, $"{what}-{stamp}-{n}"), name);
            if (FileIdentity.Lstat(Path.Combine(paths.Quarantine, candidate)) is null)
            {
                return candidate;
            }
        }
    }

    /// <summary>The result of a message processed just now, from the verdict that was recorded.</summary>
    private static InputResult ResultFrom(string input, ProcessedMessage processed) =>
        processed is { Report: { } report, Checked: { } found } && InputOutcomes.IsVerdict(processed.Outcome)
            ? new(input, report.MessageType, report.Header.Afzender, report.Header.Identificatie, processed.Outcome, processed.AnswerFile, found.Findings)
            {
                MessageId = processed.MessageId,
                Reason = processed.Reason,
            }
            : Result(input, processed.Outcome, processed.Reason) with { MessageId = processed.MessageId };

    /// <summary>The result as the store has it: what is printed is what was recorded.</summary>
    private InputResult ResultFrom(string input, MessageSummary message, string outcome) =>
        new(input, message.MessageType, message.Sender, message.Identificatie, outcome, message.AnswerFile is { } file ? outbox.PathOf(file) : null,
            message.Findings)
        {
            MessageId = message.Id,
            Reason = message.OutcomeReason,
        };

    private static InputResult Result(string input, string outcome, string? reason) =>
        new(input, null, null, null, outcome, null, []) { Reason = reason };

    private InputResult Vanished(string printable)
    {
        logger.LogWarning("An inbox file disappeared before it could be read; nothing was stored");
        return Result(printable, InputOutcomes.Vanished, "The file disappeared before it could be read; nothing was stored. If it was not moved on purpose, ask the sender or the portal to deliver it again.");
    }

    private static InputResult Waiting(string printable, string why) =>
        Result(printable, InputOutcomes.Waiting, $"Not taken yet: {why}, so it may still be being written. Taken on a later scan once it is complete.");

    private static string Join(string? first, string second) => first is null ? second : $"{first} {second}";

    /// <summary>One input of a chunk: finished already (<see cref="Done"/>), or with its verdict committed and its answer and file still to go (<see cref="Pending"/>).</summary>
    private readonly record struct Step(InputResult? Done, Taken? Pending)
    {
        public static implicit operator Step(InputResult done) => new(done, null);

        public static implicit operator Step(Taken pending) => new(null, pending);
    }

    /// <summary>A message whose verdict stands (processed now, or before), waiting for the chunk's sync; <see cref="File"/> is null for one that came from the store.</summary>
    private sealed record Taken(string Input, ProcessedMessage? Processed, long MessageId, MessageSummary? Message, InboxFile? File)
    {
        public Taken(string input, ProcessedMessage processed)
            : this(input, processed, processed.MessageId, null, null)
        {
        }
    }

    /// <summary>The inbox file a message was taken from, to be set aside after the sync.</summary>
    private sealed record InboxFile(string Path, string Name, FileStatus Status, long DeliveryId, bool Duplicate, bool SeenBefore);

    /// <summary>The file changed while it was looked at or read: not complete yet.</summary>
    private sealed class FileChangedException : Exception
    {
        public FileChangedException()
            : base("The inbox file changed while it was read.")
        {
        }
    }
}
