using System.Data;
using System.Data.Common;
using System.Text.RegularExpressions;
using Backoffice.Core.Standard;
using Dapper;

namespace Backoffice.Data.Audit;

/// <summary>
/// One row of the audit trail (<c>audit_event</c>, migration 0009): who did what, when, from where
/// and why, and for a verdict the rule set and schema set that produced it. Subjects and details are
/// written by our code and name ids, codes and counts, never a BSN or a name (the rows they point
/// to hold the data); <see cref="Why"/> is a person's own words, refused when it holds a BSN.
/// </summary>
/// <param name="Action">One of <see cref="AuditActions.All"/>.</param>
/// <param name="Actor">'system' for the service (<see cref="AuditActor.SystemName"/>), else the person.</param>
/// <param name="Origin">The command and the host/process it ran on.</param>
/// <param name="MessageId">The message the event belongs to, if any (its story: <c>backoffice audit</c>).</param>
public sealed record AuditEvent(
    string Action,
    string Actor,
    string Origin,
    long? MessageId,
    string Subject,
    string Detail,
    string Why,
    DateTimeOffset OccurredAt)
{
    public long Id { get; init; }

    public string? RuleSet { get; init; }

    public string? SchemaSet { get; init; }
}

/// <summary>The actions the audit trail records; the CHECK constraints of migration 0009 allow exactly these (a test holds them together).</summary>
public static class AuditActions
{
    /// <summary>New bytes stored at intake (a message is born).</summary>
    public const string Received = "received";

    /// <summary>Known bytes delivered again: one more delivery of an existing message.</summary>
    public const string DeliveredAgain = "delivered-again";

    /// <summary>The verdict on a message, with its rule set and schema set.</summary>
    public const string Verdict = "verdict";

    public const string TaskOpened = "task-opened";

    public const string TaskClosed = "task-closed";

    /// <summary>The committed answer (or our own 301/319 sent on) is in the outbox.</summary>
    public const string AnswerWritten = "answer-written";

    /// <summary>A person imported reference data that added versions.</summary>
    public const string ReferenceImported = "reference-imported";

    /// <summary>A person imported a file that changed nothing.</summary>
    public const string ReferenceImportUnchanged = "reference-import-unchanged";

    /// <summary>A person's import was refused (rejected rows; nothing imported).</summary>
    public const string ReferenceImportRejected = "reference-import-rejected";

    /// <summary>Staff answered a provider's request (<c>backoffice answer-request</c>): the 319 they had made.</summary>
    public const string RequestAnswered = "request-answered";

    /// <summary>A person wrote a message's raw bytes (which hold client data) to a file: <c>backoffice audit --raw</c>.</summary>
    public const string RawExported = "raw-exported";

    /// <summary>Database migrations were applied.</summary>
    public const string Migrated = "migrated";

    public static IReadOnlyList<string> All { get; } =
    [
        Received, DeliveredAgain, Verdict, TaskOpened, TaskClosed, AnswerWritten,
        ReferenceImported, ReferenceImportUnchanged, ReferenceImportRejected, RequestAnswered, RawExported, Migrated,
    ];

    /// <summary>The actions only a person's command takes.</summary>
    public static IReadOnlyList<string> Human { get; } = [ReferenceImported, ReferenceImportUnchanged, ReferenceImportRejected, RequestAnswered, RawExported, Migrated];
}

/// <summary>
/// Who is acting: the service itself (<see cref="SystemName"/>) or a person (a human verb's
/// <c>--actor</c>, by default the OS user), from which command and host, and the person's reason.
/// </summary>
public sealed partial record AuditActor(string Name, string Origin, string Why)
{
    public const string SystemName = "system";

    public const int MaxName = 100;

    public const int MaxOrigin = 200;

    public const int MaxWhy = 1000;

    /// <summary>The service, running <paramref name="command"/> on this host and process.</summary>
    public static AuditActor System(string command) => new(SystemName, OriginOf(command), string.Empty);

    /// <summary>
    /// A person: <paramref name="name"/> (null or blank: the OS user running the command) with their
    /// reason. Throws <see cref="ArgumentException"/> for a reason that holds a BSN (a 9-digit number
    /// passing the 11-proef) or is too long, and for a name that is 'system' or too long.
    /// </summary>
    public static AuditActor Person(string? name, string? why, string command)
    {
        var who = string.IsNullOrWhiteSpace(name) ? Environment.UserName : name.Trim();
        if (string.IsNullOrWhiteSpace(who))
        {
            who = "unknown";
        }

        if (who.Length > MaxName || string.Equals(who, SystemName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The actor must be a person's name of at most {MaxName} characters, not '{SystemName}'.", nameof(name));
        }

        var reason = (why ?? string.Empty).Trim();
        if (reason.Length > MaxWhy)
        {
            throw new ArgumentException($"The reason is {reason.Length} characters; at most {MaxWhy} are kept.", nameof(why));
        }

        if (HoldsBsn(reason) || HoldsBsn(who))
        {
            throw new ArgumentException("The reason or actor holds what looks like a BSN; the audit trail keeps none (name the message, request or import instead).", nameof(why));
        }

        return new AuditActor(who, OriginOf(command), reason);
    }

    /// <summary>True when <paramref name="text"/> holds a run of exactly 9 digits that passes the 11-proef.</summary>
    public static bool HoldsBsn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return NineDigits().Matches(text).Any(m => Bsn.PassesElfProef(m.Value));
    }

    private static string OriginOf(string command)
    {
        var origin = $"{command} on {Environment.MachineName}/{Environment.ProcessId}";
        return origin.Length <= MaxOrigin ? origin : origin[..MaxOrigin];
    }

    [GeneratedRegex("(?<![0-9])[0-9]{9}(?![0-9])")]
    private static partial Regex NineDigits();
}

/// <summary>
/// Appends audit rows, always inside the caller's transaction: the change and its row commit
/// together or not at all. Nothing here updates or deletes; the database refuses both (triggers of
/// migration 0009, and on SQL Server the DENY of deploy/sqlserver/provision.sql).
/// </summary>
public static class AuditTrail
{
    private const string Insert = """
        INSERT INTO audit_event (occurred_at, actor, origin, action, message_id, subject, detail, why, rule_set, schema_set)
        VALUES (@occurred_at, @actor, @origin, @action, @message_id, @subject, @detail, @why, @rule_set, @schema_set);
        """;

    private const string SelectOfMessage = """
        SELECT id, occurred_at, actor, origin, action, message_id, subject, detail, why, rule_set, schema_set
        FROM audit_event
        WHERE message_id = @message_id
        ORDER BY id;
        """;

    /// <summary>Appends <paramref name="entry"/> inside <paramref name="transaction"/>.</summary>
    public static Task AppendAsync(DbTransaction transaction, AuditEvent entry, CancellationToken cancellationToken) =>
        AppendAsync(transaction, [entry], cancellationToken);

    /// <summary>Appends every entry inside <paramref name="transaction"/>, in order (one prepared statement, many parameter sets).</summary>
    public static async Task AppendAsync(DbTransaction transaction, IReadOnlyCollection<AuditEvent> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var connection = transaction.Connection ?? throw new ArgumentException("The transaction has no connection.", nameof(transaction));
        await connection.ExecuteAsync(new CommandDefinition(Insert, entries.Select(Parameters).ToList(), transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The subject of a staff decision on a provider's request (<c>answer-request</c>), the same text wherever it is written or looked for.</summary>
    public static string RequestSubject(string provider, string reference) => $"request {reference} of provider {provider}";

    /// <summary>Every event of message <paramref name="messageId"/>, in the order recorded.</summary>
    public static Task<IReadOnlyList<AuditEvent>> OfMessageAsync(DbConnection connection, long messageId, CancellationToken cancellationToken) =>
        QueryAsync(connection, new CommandDefinition(SelectOfMessage, new { message_id = messageId }, cancellationToken: cancellationToken));

    /// <summary>The events a query selects (all columns of audit_event, in table order).</summary>
    internal static async Task<IReadOnlyList<AuditEvent>> QueryAsync(DbConnection connection, CommandDefinition query)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var rows = await connection.QueryAsync<EventRow>(query);
        return [.. rows.Select(r => new AuditEvent(r.action, r.actor, r.origin, r.message_id, r.subject, r.detail, r.why, Timestamps.Utc(r.occurred_at)!.Value)
        {
            Id = r.id,
            RuleSet = r.rule_set,
            SchemaSet = r.schema_set,
        })];
    }

    private static DynamicParameters Parameters(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (!AuditActions.All.Contains(e.Action))
        {
            throw new ArgumentException($"Unknown audit action '{e.Action}'; expected one of {string.Join(", ", AuditActions.All)}.", nameof(e));
        }

        var parameters = new DynamicParameters();
        parameters.Add("occurred_at", e.OccurredAt.UtcDateTime, DbType.DateTime2);
        parameters.Add("actor", Limits.Checked(e.Actor, AuditActor.MaxName, nameof(e.Actor)), DbType.String, size: AuditActor.MaxName);
        parameters.Add("origin", Limits.Checked(e.Origin, AuditActor.MaxOrigin, nameof(e.Origin)), DbType.String, size: AuditActor.MaxOrigin);
        parameters.Add("action", e.Action, DbType.AnsiString, size: 40);
        parameters.Add("message_id", e.MessageId, DbType.Int64);
        parameters.Add("subject", Limits.Clipped(e.Subject, 400), DbType.String, size: 400);
        parameters.Add("detail", e.Detail, DbType.String, size: -1);
        parameters.Add("why", Limits.Checked(e.Why, AuditActor.MaxWhy, nameof(e.Why)), DbType.String, size: AuditActor.MaxWhy);
        parameters.Add("rule_set", e.RuleSet is null ? null : Limits.Clipped(e.RuleSet, 200), DbType.AnsiString, size: 200);
        parameters.Add("schema_set", e.SchemaSet is null ? null : Limits.Clipped(e.SchemaSet, 100), DbType.AnsiString, size: 100);
        return parameters;
    }

#pragma warning disable IDE1006, CA1812, S3459 // Dapper fills these by column name; names follow the columns.
    private sealed class EventRow
    {
        public long id { get; set; }

        public object? occurred_at { get; set; }

        public string actor { get; set; } = string.Empty;

        public string origin { get; set; } = string.Empty;

        public string action { get; set; } = string.Empty;

        public long? message_id { get; set; }

        public string subject { get; set; } = string.Empty;

        public string detail { get; set; } = string.Empty;

        public string why { get; set; } = string.Empty;

        public string? rule_set { get; set; }

        public string? schema_set { get; set; }
    }
#pragma warning restore IDE1006, CA1812, S3459
}
