using System.Globalization;
using Backoffice.Data.Processing;
using Dapper;

namespace Backoffice.Data.Audit;

/// <summary>One delivery of a message's bytes (the first, and every duplicate after it).</summary>
public sealed record StoryDelivery(long Id, string Source, string OriginalName, DateTimeOffset ReceivedAt, bool IsDuplicate);

/// <summary>The answer a message got (or our own 301/319 as it was sent on): as committed, and when it reached the outbox.</summary>
public sealed record StoryAnswer(string Type, string Identificatie, DateOnly Dagtekening, string? Retourcodes, string FileName, string Sha256, DateTimeOffset CreatedAt, DateTimeOffset? WrittenAt);

/// <summary>A staff task the message raised, open or closed.</summary>
public sealed record StoryTask(string Key, string Kind, string Subject, DateTimeOffset CreatedAt, DateOnly? DueOn, DateTimeOffset? ClosedAt);

/// <summary>What the message changed in the allocation register, counted (the rows name the message).</summary>
public sealed record StoryRegister(int AllocationVersions, int StartLines, int StopLines, int RequestsOpened, int RequestsClosed, bool? ProviderRetourRejected);

/// <summary>A rejected prestatie's codes and how many lines carry them.</summary>
public sealed record StoryRejection(string Retourcodes, int Prestaties);

/// <summary>A 323's declaration as recorded: its verdict with rule and schema set, and its prestaties approved and rejected.</summary>
public sealed record StoryDeclaration(
    string Provider,
    string Municipality,
    string DeclaratieNummer,
    DateOnly PeriodeBegin,
    DateOnly PeriodeEind,
    long IngediendCents,
    long ToegekendCents,
    bool RejectedWhole,
    string Retourcodes,
    string RuleSet,
    string SchemaSet,
    DateTimeOffset RecordedAt,
    int Approved,
    IReadOnlyList<StoryRejection> Rejected,
    long ApprovedDebitCents,
    long ApprovedCreditCents);

/// <summary>
/// Everything the store holds about one message, for <c>backoffice audit MESSAGE-ID</c>: the message
/// and its findings, every delivery, the answer and its deadline, the staff tasks, what it changed in
/// the register and the declarations, and its audit events. Holds no BSN: the rows that carry one
/// (allocations, prestaties, requests) are counted, not copied.
/// </summary>
public sealed record MessageStory(
    MessageSummary Message,
    DateOnly? AnswerDueOn,
    IReadOnlyList<StoryDelivery> Deliveries,
    StoryAnswer? Answer,
    IReadOnlyList<StoryTask> Tasks,
    StoryRegister Register,
    StoryDeclaration? Declaration,
    IReadOnlyList<AuditEvent> Events)
{
    /// <summary>
    /// Events of other messages about this one's staff tasks and requests: the 301 or 319 that closed
    /// a task it opened, the staff decision (<c>answer-request</c>) on a request it made. So a
    /// request's story shows the manual decision taken on it.
    /// </summary>
    public IReadOnlyList<AuditEvent> Related { get; init; } = [];
}

/// <summary>Reads one message's story from the store (plain SELECTs, the same text on SQLite and SQL Server).</summary>
public sealed class MessageStoryStore
{
    private const string SelectDue = """
        SELECT answer_due_on FROM message WHERE id = @id;
        """;

    private const string SelectDeliveries = """
        SELECT id, source, original_name, received_at, CAST(is_duplicate AS bigint) FROM message_delivery WHERE message_id = @id ORDER BY id;
        """;

    private const string SelectAnswer = """
        SELECT answer_type, identificatie, dagtekening, retourcode, file_name, sha256, created_at, written_at
        FROM message_answer WHERE message_id = @id;
        """;

    private const string SelectTasks = """
        SELECT task_key, kind, subject, created_at, due_on, closed_at FROM staff_task WHERE message_id = @id ORDER BY id;
        """;

    private const string SelectRegister = """
        SELECT (SELECT CAST(COUNT(*) AS bigint) FROM allocation_version WHERE message_id = @id) AS allocations,
               (SELECT CAST(COUNT(*) AS bigint) FROM care_line WHERE message_id = @id AND kind = 'start') AS starts,
               (SELECT CAST(COUNT(*) AS bigint) FROM care_line WHERE message_id = @id AND kind = 'stop') AS stops,
               (SELECT CAST(COUNT(*) AS bigint) FROM request WHERE message_id = @id) AS opened,
               (SELECT CAST(COUNT(*) AS bigint) FROM request WHERE closed_by_message_id = @id) AS closed,
               (SELECT MAX(CAST(rejected AS bigint)) FROM provider_retour WHERE message_id = @id) AS retour_rejected;
        """;

    private const string SelectDeclaration = """
        SELECT provider, municipality, declaratie_nummer, periode_begin, periode_eind, ingediend_cents, toegekend_cents,
               CAST(rejected_whole AS bigint) AS rejected_whole, retourcodes, rule_set, schema_set, recorded_at
        FROM declaration WHERE message_id = @id;
        """;

    private const string SelectVerdicts = """
        SELECT CAST(approved AS bigint), retourcodes, debet_credit, CAST(COUNT(*) AS bigint), CAST(SUM(bedrag_cents) AS bigint)
        FROM prestatie_verdict WHERE message_id = @id
        GROUP BY CAST(approved AS bigint), retourcodes, debet_credit;
        """;

    private const string SelectRequests = """
        SELECT provider, referentie_aanbieder FROM request WHERE message_id = @id ORDER BY id;
        """;

    private const string SelectRelated = """
        SELECT id, occurred_at, actor, origin, action, message_id, subject, detail, why, rule_set, schema_set
        FROM audit_event
        WHERE message_id <> @id
          AND ((action IN ('task-opened', 'task-closed') AND subject IN @keys) OR (action = 'request-answered' AND subject IN @requests))
        ORDER BY id;
        """;

    private readonly IDbConnectionFactory connections;
    private readonly MessageSummaries summaries;

    public MessageStoryStore(IDbConnectionFactory connections, MessageSummaries summaries)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(summaries);
        this.connections = connections;
        this.summaries = summaries;
    }

    /// <summary>The story of message <paramref name="id"/>, or null when there is no such message.</summary>
    public async Task<MessageStory?> GetAsync(long id, CancellationToken cancellationToken)
    {
        var message = await summaries.GetAsync(id, cancellationToken);
        if (message is null)
        {
            return null;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var p = new { id };
        var due = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(SelectDue, p, cancellationToken: cancellationToken));
        var deliveries = (await connection.QueryAsync<(long Id, string Source, string Name, object At, long Duplicate)>(new CommandDefinition(SelectDeliveries, p, cancellationToken: cancellationToken)))
            .Select(d => new StoryDelivery(d.Id, d.Source, d.Name, Timestamps.Utc(d.At)!.Value, d.Duplicate != 0))
            .ToList();
        var answer = (await connection.QueryAsync<(string Type, string Identificatie, string Dagtekening, string? Codes, string File, string Sha256, object Created, object? Written)>(
                new CommandDefinition(SelectAnswer, p, cancellationToken: cancellationToken)))
            .Select(a => new StoryAnswer(a.Type, a.Identificatie, Day(a.Dagtekening)!.Value, a.Codes, a.File, a.Sha256.Trim(), Timestamps.Utc(a.Created)!.Value, Timestamps.Utc(a.Written)))
            .SingleOrDefault();
        var tasks = (await connection.QueryAsync<(string Key, string Kind, string Subject, object Created, string? Due, object? Closed)>(new CommandDefinition(SelectTasks, p, cancellationToken: cancellationToken)))
            .Select(t => new StoryTask(t.Key, t.Kind, t.Subject, Timestamps.Utc(t.Created)!.Value, Day(t.Due), Timestamps.Utc(t.Closed)))
            .ToList();
        var register = await connection.QuerySingleAsync<(long Allocations, long Starts, long Stops, long Opened, long Closed, long? RetourRejected)>(
            new CommandDefinition(SelectRegister, p, cancellationToken: cancellationToken));
        var declaration = await DeclarationAsync(connection, id, cancellationToken);
        var events = await AuditTrail.OfMessageAsync(connection, id, cancellationToken);
        var requests = (await connection.QueryAsync<(string Provider, string Reference)>(new CommandDefinition(SelectRequests, p, cancellationToken: cancellationToken)))
            .Select(r => AuditTrail.RequestSubject(r.Provider.Trim(), r.Reference.Trim()))
            .ToList();
        var related = await AuditTrail.QueryAsync(
            connection,
            new CommandDefinition(SelectRelated, new { id, keys = tasks.Select(t => t.Key).ToList(), requests }, cancellationToken: cancellationToken));
        return new MessageStory(
            message,
            Day(due),
            deliveries,
            answer,
            tasks,
            new StoryRegister((int)register.Allocations, (int)register.Starts, (int)register.Stops, (int)register.Opened, (int)register.Closed, register.RetourRejected is { } r ? r != 0 : null),
            declaration,
            events)
        {
            Related = related,
        };
    }

    /// <summary>
    /// Records that <paramref name="by"/> wrote message <paramref name="messageId"/>'s raw bytes to a
    /// file: the bytes hold client data, and every read of it by a person is on the trail. The file's
    /// path is not recorded (it is the person's, and may name anything).
    /// </summary>
    public async Task RecordRawExportAsync(long messageId, string sha256, long size, AuditActor by, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await AuditTrail.AppendAsync(
            transaction,
            new AuditEvent(
                AuditActions.RawExported,
                by.Name,
                by.Origin,
                messageId,
                string.Create(CultureInfo.InvariantCulture, $"message {messageId}"),
                string.Create(CultureInfo.InvariantCulture, $"The stored bytes ({size} bytes, sha256 {sha256}, checked) were written to a file."),
                by.Why,
                at),
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<StoryDeclaration?> DeclarationAsync(System.Data.Common.DbConnection connection, long id, CancellationToken cancellationToken)
    {
        var row = (await connection.QueryAsync<DeclarationRow>(new CommandDefinition(SelectDeclaration, new { id }, cancellationToken: cancellationToken))).SingleOrDefault();
        if (row is null)
        {
            return null;
        }

        var verdicts = (await connection.QueryAsync<(long Approved, string Codes, string DebetCredit, long Prestaties, long Cents)>(
            new CommandDefinition(SelectVerdicts, new { id }, cancellationToken: cancellationToken))).ToList();
        var approved = verdicts.Where(v => v.Approved != 0).ToList();
        var rejected = verdicts
            .Where(v => v.Approved == 0)
            .GroupBy(v => v.Codes.Trim(), StringComparer.Ordinal)
            .Select(g => new StoryRejection(g.Key, (int)g.Sum(v => v.Prestaties)))
            .OrderBy(r => r.Retourcodes, StringComparer.Ordinal)
            .ToList();
        return new StoryDeclaration(
            row.provider.Trim(),
            row.municipality.Trim(),
            row.declaratie_nummer,
            Day(row.periode_begin)!.Value,
            Day(row.periode_eind)!.Value,
            row.ingediend_cents,
            row.toegekend_cents,
            Convert.ToInt64(row.rejected_whole, CultureInfo.InvariantCulture) != 0,
            row.retourcodes,
            row.rule_set,
            row.schema_set,
            Timestamps.Utc(row.recorded_at)!.Value,
            (int)approved.Sum(v => v.Prestaties),
            rejected,
            approved.Where(v => v.DebetCredit == "D").Sum(v => v.Cents),
            approved.Where(v => v.DebetCredit == "C").Sum(v => v.Cents));
    }

    private static DateOnly? Day(string? text) =>
        text is null ? null : DateOnly.ParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture);

#pragma warning disable IDE1006, CA1812, S3459 // Dapper fills these by column name; names follow the columns.
    private sealed class DeclarationRow
    {
        public string provider { get; set; } = string.Empty;

        public string municipality { get; set; } = string.Empty;

        public string declaratie_nummer { get; set; } = string.Empty;

        public string periode_begin { get; set; } = string.Empty;

        public string periode_eind { get; set; } = string.Empty;

        public long ingediend_cents { get; set; }

        public long toegekend_cents { get; set; }

        public object rejected_whole { get; set; } = 0L;

        public string retourcodes { get; set; } = string.Empty;

        public string rule_set { get; set; } = string.Empty;

        public string schema_set { get; set; } = string.Empty;

        public object? recorded_at { get; set; }
    }
#pragma warning restore IDE1006, CA1812, S3459
}
