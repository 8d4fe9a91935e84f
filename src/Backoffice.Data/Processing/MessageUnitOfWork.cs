using Backoffice.Core.Register;
using Backoffice.Data.Answers;
using Backoffice.Data.Register;
using Backoffice.Data.Staff;

namespace Backoffice.Data.Processing;

/// <summary>
/// Everything one message's processing decides, committed in ONE transaction (pipeline step 6):
/// the verdict with its findings, the answer row, the staff tasks it raises and closes, and the
/// changes the message makes to the register. Either all of it is there or none of it, and only while the
/// caller still holds the message's claim.
/// </summary>
public sealed class MessageUnitOfWork(IDbConnectionFactory connections, MessageVerdicts verdicts, RegisterStore register)
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
        foreach (var key in work.CloseTasks)
        {
            await StaffTaskStore.CloseAsync(transaction, key, outcome.ProcessedAt, cancellationToken);
        }

        foreach (var task in tasks)
        {
            await StaffTaskStore.RecordAsync(transaction, task, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}

/// <summary>The register side of a message's unit of work: its changes (empty unless accepted) and the staff tasks they settle.</summary>
/// <param name="ReceivedOn">The day the message arrived (request deadlines run from it).</param>
public sealed record RegisterWork(DateOnly ReceivedOn, IReadOnlyList<RegisterChange> Changes, IReadOnlyList<string> CloseTasks);
