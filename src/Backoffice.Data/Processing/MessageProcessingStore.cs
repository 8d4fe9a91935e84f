using System.Data;
using System.Data.Common;
using System.Globalization;
using Backoffice.Core.Standard;
using Backoffice.Core.Validation;
using Backoffice.Data.Intake;
using Dapper;

namespace Backoffice.Data.Processing;

/// <summary>
/// Steps 2-6 of the pipeline as far as the message itself goes: find pending messages, claim one
/// (so that of several instances on one SQL Server exactly one processes it), stream its bytes and
/// record the outcome with all findings in one transaction.
/// </summary>
public sealed class MessageProcessingStore
{
    private const string ListClaimOwners = """
        SELECT DISTINCT claimed_by FROM message WHERE status = 'processing' AND claimed_by IS NOT NULL;
        """;

    // One conditional UPDATE: the row lock makes a concurrent second claim re-read the row after the
    // first commits, find the condition false and update nothing, on SQLite and SQL Server alike.
    // A claim from before leases existed (lease_until NULL) counts as run out.
    private const string Claim = """
        UPDATE message
        SET status = 'processing', claimed_by = @instance_id, claimed_at = @now, lease_until = @lease_until
        WHERE id = @id
          AND (status = 'received'
               OR (status = 'processing' AND (lease_until IS NULL OR lease_until < @now OR claimed_by IN @gone_owners)));
        """;

    private const string Renew = """
        UPDATE message
        SET lease_until = @lease_until
        WHERE id = @id AND status = 'processing' AND claimed_by = @instance_id;
        """;

    // A claim taken over after it went stale no longer belongs to the first instance: with
    // @claimed_by given, that instance's late outcome is refused so the message is answered once.
    private const string RecordOutcome = """
        UPDATE message
        SET status = 'processed',
            standard = @standard,
            message_type = @message_type,
            bericht_code = @bericht_code,
            sender = @sender,
            receiver = @receiver,
            identificatie = @identificatie,
            dagtekening = @dagtekening,
            outcome = @outcome,
            outcome_reason = @outcome_reason,
            processed_at = @processed_at,
            checked_level = @checked_level,
            transport_error = @transport_error
        WHERE id = @id
          AND status = 'processing'
          AND (@claimed_by IS NULL OR claimed_by = @claimed_by);
        """;

    private const string InsertFinding = """
        INSERT INTO message_finding (message_id, seq, level, rule_code, retourcode, path, line, col, text)
        VALUES (@message_id, @seq, @level, @rule_code, @retourcode, @path, @line, @col, @text);
        """;

    private const string SelectSummaryById = """
        SELECT m.id, m.sha256, m.size_bytes, m.received_at, m.source, m.original_name, m.status,
               m.claimed_by, m.claimed_at, m.standard, m.message_type, m.bericht_code, m.sender,
               m.receiver, m.identificatie, m.dagtekening, m.outcome, m.outcome_reason, m.processed_at,
               (SELECT COUNT(*) FROM message_delivery d WHERE d.message_id = m.id) AS delivery_count,
               m.checked_level, m.transport_error,
               (SELECT a.file_name FROM message_answer a WHERE a.message_id = m.id AND a.written_at IS NOT NULL) AS answer_file
        FROM message m
        WHERE m.id = @id;
        """;

    private const string SelectReceivedAt = """
        SELECT received_at FROM message WHERE id = @id;
        """;

    private const string SelectIdBySha256 = """
        SELECT id FROM message WHERE sha256 = @sha256;
        """;

    private const string SelectFindings = """
        SELECT level, rule_code, retourcode, path, line, col, text
        FROM message_finding
        WHERE message_id = @message_id
        ORDER BY seq;
        """;

    private readonly IDbConnectionFactory connections;
    private readonly SqlDialect dialect;

    public MessageProcessingStore(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        this.connections = connections;
        dialect = SqlDialect.For(connections);
    }

    /// <summary>
    /// Up to <paramref name="max"/> ids, oldest first, of messages waiting to be processed: received,
    /// or claimed by an owner whose lease ran out before <paramref name="now"/> or who is in
    /// <paramref name="goneOwners"/>. A listed id still has to be claimed with <see cref="TryClaimAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<long>> ListPendingAsync(int max, DateTimeOffset now, IReadOnlyCollection<string> goneOwners, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var parameters = new DynamicParameters();
        parameters.Add("max", max, DbType.Int32);
        parameters.Add("now", now.UtcDateTime, DbType.DateTime2);
        parameters.Add("gone_owners", GoneOwners(goneOwners));
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(dialect.ListPending, parameters, cancellationToken: cancellationToken));
        return [.. ids];
    }

    /// <summary>Every instance that holds a claim on a message now, live or not.</summary>
    public async Task<IReadOnlyList<string>> ListClaimOwnersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(ListClaimOwners, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// Claims the message for <paramref name="instanceId"/> until <paramref name="leaseUntil"/>;
    /// false when another instance holds a live claim or it is already processed. A claim whose
    /// lease ran out, or whose owner is in <paramref name="goneOwners"/>, is taken over. Atomic
    /// across instances sharing one database.
    /// </summary>
    public async Task<bool> TryClaimAsync(long id, string instanceId, DateTimeOffset now, DateTimeOffset leaseUntil, IReadOnlyCollection<string> goneOwners, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseUntil, now);
        var parameters = new DynamicParameters();
        parameters.Add("id", id, DbType.Int64);
        parameters.Add("instance_id", Limits.Checked(instanceId, Limits.InstanceId, nameof(instanceId)), DbType.String, size: Limits.InstanceId);
        parameters.Add("now", now.UtcDateTime, DbType.DateTime2);
        parameters.Add("lease_until", leaseUntil.UtcDateTime, DbType.DateTime2);
        parameters.Add("gone_owners", GoneOwners(goneOwners));
        await using var connection = await connections.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(Claim, parameters, cancellationToken: cancellationToken));
        return updated == 1;
    }

    /// <summary>Extends this instance's claim; false when the claim is no longer this instance's.</summary>
    public async Task<bool> RenewLeaseAsync(long id, string instanceId, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("id", id, DbType.Int64);
        parameters.Add("instance_id", instanceId, DbType.String, size: Limits.InstanceId);
        parameters.Add("lease_until", leaseUntil.UtcDateTime, DbType.DateTime2);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Renew, parameters, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>
    /// Streams the raw bytes of a message without loading them into memory. Dispose the stream to
    /// release its connection. Throws <see cref="KeyNotFoundException"/> for an unknown id.
    /// </summary>
    public async Task<Stream> OpenContentAsync(long id, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            return await dialect.OpenContentAsync(connection, id, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Records the outcome of a message claimed by any instance; see the overload with an instance id.</summary>
    public Task<bool> RecordOutcomeAsync(MessageOutcome outcome, CancellationToken cancellationToken) =>
        RecordOutcomeAsync(outcome, null, cancellationToken);

    /// <summary>
    /// Writes classification, outcome, reason, processed time, status 'processed' and all findings in
    /// one transaction, only while the message is still being processed (and, when
    /// <paramref name="instanceId"/> is given, still claimed by that instance). False when not, and
    /// then nothing is written.
    /// </summary>
    public async Task<bool> RecordOutcomeAsync(MessageOutcome outcome, string? instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await RecordOutcomeAsync(transaction, outcome, instanceId, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// As <see cref="RecordOutcomeAsync(MessageOutcome, string?, CancellationToken)"/>, inside the
    /// caller's transaction, so that the outcome commits together with the state changes of the
    /// message (pipeline step 6). The caller commits; on false it should roll back.
    /// </summary>
    public async Task<bool> RecordOutcomeAsync(DbTransaction transaction, MessageOutcome outcome, string? instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction has no connection.", nameof(transaction));
        if (!dialect.IsOwnConnection(connection))
        {
            throw new ArgumentException($"The transaction is not on this store's {dialect.Provider} database.", nameof(transaction));
        }

        var parameters = OutcomeParameters(outcome, instanceId);
        var findings = outcome.Findings.Select((finding, index) => FindingParameters(outcome.MessageId, index + 1, finding)).ToList();

        var updated = await connection.ExecuteAsync(new CommandDefinition(RecordOutcome, parameters, transaction, cancellationToken: cancellationToken));
        if (updated != 1)
        {
            return false;
        }

        foreach (var finding in findings)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertFinding, finding, transaction, cancellationToken: cancellationToken));
        }

        return true;
    }

    /// <summary>When the message was received (its deadlines count from there); throws for an unknown id.</summary>
    public async Task<DateTimeOffset> GetReceivedAtAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var value = await connection.ExecuteScalarAsync<object?>(new CommandDefinition(SelectReceivedAt, new { id }, cancellationToken: cancellationToken));
        return Timestamps.Utc(value) ?? throw new KeyNotFoundException($"Message {id} does not exist.");
    }

    /// <summary>The stored summary of a message with its findings, or null for an unknown id.</summary>
    public async Task<MessageSummary?> GetAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await GetAsync(connection, id, cancellationToken);
    }

    /// <summary>The message holding exactly these bytes (lower-case hex SHA-256), or null.</summary>
    public async Task<MessageSummary?> FindBySha256Async(string sha256, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var id = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            SelectIdBySha256,
            new { sha256 = MessageIntakeStore.Sha256Parameter(sha256.ToLowerInvariant()) },
            cancellationToken: cancellationToken));
        return id is { } found ? await GetAsync(connection, found, cancellationToken) : null;
    }

    private static async Task<MessageSummary?> GetAsync(DbConnection connection, long id, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<MessageRow>(new CommandDefinition(
            SelectSummaryById, new { id }, cancellationToken: cancellationToken));
        if (row is null)
        {
            return null;
        }

        var findings = await connection.QueryAsync<FindingRow>(new CommandDefinition(
            SelectFindings, new { message_id = id }, cancellationToken: cancellationToken));

        return new MessageSummary(
            row.id,
            row.sha256,
            row.size_bytes,
            Timestamps.Utc(row.received_at)!.Value,
            row.source,
            row.original_name,
            row.status,
            row.claimed_by,
            Timestamps.Utc(row.claimed_at),
            row.standard,
            row.message_type,
            (int?)row.bericht_code,
            row.sender,
            row.receiver,
            row.identificatie,
            row.dagtekening is null ? null : DateOnly.ParseExact(row.dagtekening, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            row.outcome,
            row.outcome_reason,
            Timestamps.Utc(row.processed_at),
            (int)row.delivery_count,
            [.. findings.Select(f => new Finding((int)f.level, f.rule_code, f.retourcode, f.path, (int?)f.line, (int?)f.col, f.text))])
        {
            CheckedLevel = (int?)row.checked_level,
            TransportError = row.transport_error,
            AnswerFile = row.answer_file,
        };
    }

    private static DynamicParameters OutcomeParameters(MessageOutcome outcome, string? instanceId)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(outcome.Findings);
        if (!Outcomes.All.Contains(outcome.Outcome))
        {
            throw new ArgumentException($"Unknown outcome '{outcome.Outcome}'; expected one of {string.Join(", ", Outcomes.All)}.", nameof(outcome));
        }

        var parameters = new DynamicParameters();
        parameters.Add("id", outcome.MessageId, DbType.Int64);
        parameters.Add("standard", Checked(outcome.Standard, Limits.Standard, nameof(outcome.Standard)), DbType.String, size: Limits.Standard);
        parameters.Add("message_type", Checked(outcome.MessageType, Limits.MessageType, nameof(outcome.MessageType)), DbType.String, size: Limits.MessageType);
        parameters.Add("bericht_code", outcome.BerichtCode, DbType.Int32);
        parameters.Add("sender", Limits.Clipped(outcome.Sender, Limits.Party), DbType.String, size: Limits.Party);
        parameters.Add("receiver", Limits.Clipped(outcome.Receiver, Limits.Party), DbType.String, size: Limits.Party);
        parameters.Add("identificatie", Limits.Clipped(outcome.Identificatie, Limits.Identificatie), DbType.String, size: Limits.Identificatie);
        parameters.Add("dagtekening", outcome.Dagtekening?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DbType.AnsiStringFixedLength, size: 10);
        parameters.Add("outcome", outcome.Outcome, DbType.AnsiString, size: 16);
        parameters.Add("outcome_reason", outcome.Reason, DbType.String, size: -1);
        parameters.Add("processed_at", outcome.ProcessedAt.UtcDateTime, DbType.DateTime2);
        parameters.Add("claimed_by", instanceId, DbType.String, size: Limits.InstanceId);
        parameters.Add("checked_level", outcome.CheckedLevel, DbType.Int32);
        parameters.Add("transport_error", outcome.TransportError is null ? null : Limits.Checked(outcome.TransportError, 10, nameof(outcome.TransportError)), DbType.AnsiString, size: 10);
        return parameters;
    }

    private static DynamicParameters FindingParameters(long messageId, int seq, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(finding.Message);
        var parameters = new DynamicParameters();
        parameters.Add("message_id", messageId, DbType.Int64);
        parameters.Add("seq", seq, DbType.Int32);
        parameters.Add("level", finding.Level, DbType.Int32);
        parameters.Add("rule_code", Checked(finding.Rule, Limits.Rule, nameof(finding.Rule)), DbType.String, size: Limits.Rule);
        parameters.Add("retourcode", Checked(finding.Retourcode, Limits.Retourcode, nameof(finding.Retourcode)), DbType.AnsiString, size: Limits.Retourcode);
        parameters.Add("path", finding.Path, DbType.String, size: -1);
        parameters.Add("line", finding.Line, DbType.Int32);
        parameters.Add("col", finding.Column, DbType.Int32);
        parameters.Add("text", finding.Message, DbType.String, size: -1);
        return parameters;
    }

    private static string? Checked(string? value, int max, string name) =>
        value is null ? null : Limits.Checked(value, max, name);

    // Dapper expands the list into IN (@p1, @p2, ...); a never-matching value keeps the list non-empty.
    private static string[] GoneOwners(IReadOnlyCollection<string> goneOwners) =>
        goneOwners is { Count: > 0 } ? [.. goneOwners] : ["\u0000"];

#pragma warning disable IDE1006, CA1812, S3459 // Dapper fills these by column name; names follow the columns.
    private sealed class MessageRow
    {
        public long id { get; set; }

        public string sha256 { get; set; } = string.Empty;

        public long size_bytes { get; set; }

        public object? received_at { get; set; }

        public string source { get; set; } = string.Empty;

        public string original_name { get; set; } = string.Empty;

        public string status { get; set; } = string.Empty;

        public string? claimed_by { get; set; }

        public object? claimed_at { get; set; }

        public string? standard { get; set; }

        public string? message_type { get; set; }

        public long? bericht_code { get; set; }

        public string? sender { get; set; }

        public string? receiver { get; set; }

        public string? identificatie { get; set; }

        public string? dagtekening { get; set; }

        public string? outcome { get; set; }

        public string? outcome_reason { get; set; }

        public object? processed_at { get; set; }

        public long delivery_count { get; set; }

        public long? checked_level { get; set; }

        public string? transport_error { get; set; }

        public string? answer_file { get; set; }
    }

    private sealed class FindingRow
    {
        public long level { get; set; }

        public string? rule_code { get; set; }

        public string? retourcode { get; set; }

        public string? path { get; set; }

        public long? line { get; set; }

        public long? col { get; set; }

        public string text { get; set; } = string.Empty;
    }
#pragma warning restore IDE1006, CA1812, S3459
}
