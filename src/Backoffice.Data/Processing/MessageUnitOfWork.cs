using System.Globalization;
using Backoffice.Core.Register;
using Backoffice.Data.Answers;
using Backoffice.Data.Audit;
using Backoffice.Data.Register;
using Backoffice.Data.Staff;

namespace Backoffice.Data.Processing;

/// <summary>
/// Everything one message's processing decides, committed in ONE transaction (pipeline step 6):
/// the verdict with its findings, the answer row, the staff tasks it raises and closes, and the
/// changes the message makes to the register, and the audit trail's rows for all of it (one for the
/// verdict, one per staff task opened or closed: cheap on the hot path, the register and verdict
/// rows are append-only and name the message already). Either all of it is there or none of it,
/// and only while the caller still holds the message's claim.
/// </summary>
public sealed class MessageUnitOfWork(IDbConnectionFactory connections, MessageVerdicts verdicts, RegisterStore register, AuditActor actor)
{
    /// <summary>False (and nothing written) when the claim is no longer <paramref name="instanceId"/>'s.</summary>
    public Task<bool> CommitAsync(
        MessageOutcome outcome, string instanceId, StoredAnswer? answer, IReadOnlyList<StaffTask> tasks, CancellationToken cancellationToken) =>
        CommitAsync(outcome, instanceId, answer, tasks, new RegisterWork(default, [], []), cancellationToken);

    /// <summary>As above, with the register changes of an accepted message and the staff tasks they close.</summary>
    public async Task<bool> CommitAsync(
        MessageOutcome outcome, string instanceId, StoredAnswer? answer, IReadOnlyList<StaffTask> tasks, RegisterWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(work);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await verdicts.RecordOutcomeAsync(transaction, outcome, instanceId, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        if (answer is not null)
        {
            await AnswerStore.InsertAsync(transaction, answer, cancellationToken);
        }

        await register.ApplyAsync(transaction, outcome.MessageId, work.ReceivedOn, work.Changes, outcome.ProcessedAt, cancellationToken);
        var events = new List<AuditEvent> { VerdictEvent(outcome, answer, work.Changes) };
        foreach (var key in work.CloseTasks)
        {
            if (await StaffTaskStore.CloseAsync(transaction, key, outcome.ProcessedAt, cancellationToken))
            {
                events.Add(Event(AuditActions.TaskClosed, outcome, key, "Closed: the work it asked for was done by this message."));
            }
        }

        foreach (var task in tasks)
        {
            if (await StaffTaskStore.RecordAsync(transaction, task, cancellationToken))
            {
                var due = task.DueOn is { } d ? ", due " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
                events.Add(Event(AuditActions.TaskOpened, outcome, task.TaskKey, $"Opened ({task.Kind}{due}) for message {task.MessageId?.ToString(CultureInfo.InvariantCulture) ?? "none"}."));
            }
        }

        await AuditTrail.AppendAsync(transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// The verdict's audit row: outcome, level, the answer and its due date, and what the message
    /// changed in the register (counted, not listed: the register rows themselves are append-only
    /// and name this message), with the rule set and schema set that produced it.
    /// </summary>
    private AuditEvent VerdictEvent(MessageOutcome outcome, StoredAnswer? answer, IReadOnlyList<RegisterChange> changes)
    {
        var parts = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{outcome.Outcome} at level {outcome.CheckedLevel}: {outcome.Reason}"),
        };
        if (answer is not null)
        {
            parts.Add($"Answer {answer.AnswerType} {answer.Identificatie}{(answer.Retourcode is null ? string.Empty : " (" + answer.Retourcode + ")")}, file {answer.FileName}.");
        }

        if (outcome.AnswerDueOn is { } due)
        {
            parts.Add($"Answer due on {due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.");
        }

        var counted = changes
            .GroupBy(c => c switch
            {
                AllocationRecorded => ("allocation version", "allocation versions"),
                StartRecorded => ("start line", "start lines"),
                StopRecorded => ("stop line", "stop lines"),
                RequestOpened => ("request opened", "requests opened"),
                RequestAnswered => ("request answered", "requests answered"),
                RetourRecorded => ("provider retour", "provider retours"),
                DeclarationRecorded => ("declaration", "declarations"),
                _ => ("other change", "other changes"),
            })
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {(g.Count() == 1 ? g.Key.Item1 : g.Key.Item2)}"))
            .ToList();
        if (counted.Count > 0)
        {
            parts.Add("Register: " + string.Join(", ", counted) + ".");
        }

        var subject = outcome.MessageType is { } type ? $"{type} {outcome.Identificatie}".TrimEnd() : "unclassified message";
        return Event(AuditActions.Verdict, outcome, subject, string.Join(' ', parts)) with
        {
            RuleSet = outcome.RuleSet,
            SchemaSet = outcome.SchemaSet,
        };
    }

    private AuditEvent Event(string action, MessageOutcome outcome, string subject, string detail) =>
        new(action, actor.Name, actor.Origin, outcome.MessageId, subject, detail, string.Empty, outcome.ProcessedAt);
}

/// <summary>The register side of a message's unit of work: its changes (empty unless accepted) and the staff tasks they settle.</summary>
/// <param name="ReceivedOn">The day the message arrived (request deadlines run from it).</param>
public sealed record RegisterWork(DateOnly ReceivedOn, IReadOnlyList<RegisterChange> Changes, IReadOnlyList<string> CloseTasks);
