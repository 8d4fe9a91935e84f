using System.Data;
using System.Data.Common;
using System.Globalization;
using Backoffice.Data.Audit;
using Dapper;

namespace Backoffice.Data.Staff;

/// <summary>
/// One thing a person must look at: an inbox entry that was refused or could not be read, a
/// rejection the sender must be told of outside the message flow. Subject and detail are written by
/// our code and never quote message content or raw file names.
/// </summary>
public sealed record StaffTask(
    string TaskKey,
    string Kind,
    long? MessageId,
    string Subject,
    string Detail,
    DateTimeOffset CreatedAt,
    DateOnly? DueOn)
{
    public long Id { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }
}

/// <summary>The kinds of staff task; the queue groups by these.</summary>
public static class StaffTaskKinds
{
    /// <summary>An inbox entry that is not a regular file (a link, a pipe, a folder): not read.</summary>
    public const string RefusedEntry = "refused-entry";

    /// <summary>An inbox file that could not be read after the configured number of attempts.</summary>
    public const string UnreadableFile = "unreadable-file";

    /// <summary>A message no retour can be built for: the sender is told outside the message flow (OP090x2).</summary>
    public const string TellSender = "tell-sender";

    /// <summary>One of our own messages (301, 319) that fails level 2: refused, not sent.</summary>
    public const string RefusedOwnMessage = "refused-own-message";

    /// <summary>A message the service could not finish (an answer that fails its own XSD is a bug): held, not sent.</summary>
    public const string HeldMessage = "held-message";

    /// <summary>A request (VOT line or VOW) to answer with a 301 or 319 within 5 working days (OP274/OP346), or 8 weeks after "in onderzoek".</summary>
    public const string AnswerRequest = "answer-request";

    /// <summary>An allocation version not backed by an indication, or outside its indication's period.</summary>
    public const string UnbackedAllocation = "unbacked-allocation";

    /// <summary>A class of our 301 or 319 the provider rejected in its 302 or 320.</summary>
    public const string ProviderRejected = "provider-rejected";

    /// <summary>A valid message from or to a party we do not know (a municipality we do not serve, an unknown provider).</summary>
    public const string UnknownParty = "unknown-party";

    /// <summary>A provider's 302/320 answering a 301/319 this backoffice never sent.</summary>
    public const string UnmatchedRetour = "unmatched-retour";

    /// <summary>Under a regional start-message=signal: a declaration paid on allocations the provider sent no start (305) for.</summary>
    public const string DeclaredWithoutStart = "declared-without-start";
}

/// <summary>Records staff tasks (once per key) and lists the open ones, oldest due first.</summary>
public sealed class StaffTaskStore
{
    private const string Exists = """
        SELECT COUNT(*) FROM staff_task WHERE task_key = @task_key;
        """;

    private const string Insert = """
        INSERT INTO staff_task (task_key, kind, message_id, subject, detail, created_at, due_on)
        VALUES (@task_key, @kind, @message_id, @subject, @detail, @created_at, @due_on);
        """;

    private const string Close = """
        UPDATE staff_task SET closed_at = @closed_at WHERE task_key = @task_key AND closed_at IS NULL;
        """;

    private const string SelectOpen = """
        SELECT id, task_key, kind, message_id, subject, detail, created_at, due_on
        FROM staff_task
        WHERE closed_at IS NULL
        ORDER BY CASE WHEN due_on IS NULL THEN 1 ELSE 0 END, due_on, created_at, id;
        """;

    private readonly IDbConnectionFactory connections;
    private readonly AuditActor actor;

    public StaffTaskStore(IDbConnectionFactory connections)
        : this(connections, AuditActor.System("staff"))
    {
    }

    /// <param name="actor">Who the audit trail names for tasks recorded on their own (the service, from its command).</param>
    public StaffTaskStore(IDbConnectionFactory connections, AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(actor);
        this.connections = connections;
        this.actor = actor;
    }

    /// <summary>
    /// Records the task unless one with its key exists, with its audit row (task-opened) in the same
    /// transaction; true when it was new. (Tasks of a message's verdict are recorded, and audited,
    /// by its unit of work instead.)
    /// </summary>
    public async Task<bool> RecordAsync(StaffTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(task);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var added = await RecordAsync(transaction, task, cancellationToken);
        if (added)
        {
            var due = task.DueOn is { } d ? ", due " + d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;
            await AuditTrail.AppendAsync(
                transaction,
                new AuditEvent(AuditActions.TaskOpened, actor.Name, actor.Origin, task.MessageId, task.TaskKey, $"Opened ({task.Kind}{due}).", string.Empty, task.CreatedAt),
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    /// <summary>As <see cref="RecordAsync(StaffTask, CancellationToken)"/>, inside the caller's transaction (a message's verdict).</summary>
    public static async Task<bool> RecordAsync(DbTransaction transaction, StaffTask task, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(task);
        var connection = transaction.Connection!;
        var parameters = new DynamicParameters();
        parameters.Add("task_key", Limits.Checked(task.TaskKey, 200, nameof(task.TaskKey)), DbType.String, size: 200);
        if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(Exists, parameters, transaction, cancellationToken: cancellationToken)) > 0)
        {
            return false;
        }

        parameters.Add("kind", Limits.Checked(task.Kind, 40, nameof(task.Kind)), DbType.AnsiString, size: 40);
        parameters.Add("message_id", task.MessageId, DbType.Int64);
        parameters.Add("subject", Limits.Clipped(task.Subject, 400), DbType.String, size: 400);
        parameters.Add("detail", task.Detail, DbType.String, size: -1);
        parameters.Add("created_at", task.CreatedAt.UtcDateTime, DbType.DateTime2);
        parameters.Add("due_on", task.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DbType.AnsiStringFixedLength, size: 10);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(Insert, parameters, transaction, cancellationToken: cancellationToken));
        }
        catch (DbException exception) when (DbErrors.IsUniqueViolation(exception))
        {
            // On SQL Server the check above takes no lock: a concurrent recording of the same key
            // (two instances answering one message after a lease takeover) passes it too and then
            // loses on the unique key. That is the same task already recorded, not a failure.
            return false;
        }

        return true;
    }

    /// <summary>Closes the open task with <paramref name="taskKey"/> inside the caller's transaction (the work it asked for was done); false when there was none.</summary>
    public static async Task<bool> CloseAsync(DbTransaction transaction, string taskKey, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            Close, new { task_key = taskKey, closed_at = closedAt.UtcDateTime }, transaction, cancellationToken: cancellationToken)) > 0;
    }

    /// <summary>Open tasks: those with a due date first (earliest first), then the rest by age.</summary>
    public async Task<IReadOnlyList<StaffTask>> ListOpenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<TaskRow>(new CommandDefinition(SelectOpen, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new StaffTask(
            r.task_key,
            r.kind,
            r.message_id,
            r.subject,
            r.detail,
            Timestamps.Utc(r.created_at)!.Value,
            r.due_on is null ? null : DateOnly.ParseExact(r.due_on, "yyyy-MM-dd", CultureInfo.InvariantCulture))
        {
            Id = r.id,
        })];
    }

#pragma warning disable IDE1006, CA1812, S3459 // Dapper fills these by column name; names follow the columns.
    private sealed class TaskRow
    {
        public long id { get; set; }

        public string task_key { get; set; } = string.Empty;

        public string kind { get; set; } = string.Empty;

        public long? message_id { get; set; }

        public string subject { get; set; } = string.Empty;

        public string detail { get; set; } = string.Empty;

        public object? created_at { get; set; }

        public string? due_on { get; set; }
    }
#pragma warning restore IDE1006, CA1812, S3459
}
