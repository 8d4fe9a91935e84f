using Backoffice.Data.Answers;
using Backoffice.Data.Staff;

namespace Backoffice.Data.Processing;

/// <summary>
/// Everything one message's processing decides, committed in ONE transaction (pipeline step 6):
/// the verdict with its findings, the answer row, the staff tasks it raises, and (in later issues)
/// the state changes of the registers. Either all of it is there or none of it, and only while the
/// caller still holds the message's claim.
/// </summary>
public sealed class MessageUnitOfWork(IDbConnectionFactory connections, MessageVerdicts verdicts)
{
    /// <summary>False (and nothing written) when the claim is no longer <paramref name="instanceId"/>'s.</summary>
    public async Task<bool> CommitAsync(
        MessageOutcome outcome, string instanceId, StoredAnswer? answer, IReadOnlyList<StaffTask> tasks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(tasks);
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

        foreach (var task in tasks)
        {
            await StaffTaskStore.RecordAsync(transaction, task, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
