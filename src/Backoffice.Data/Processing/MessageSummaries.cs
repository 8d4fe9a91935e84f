using System.Data.Common;
using System.Globalization;
using Backoffice.Core.Validation;
using Backoffice.Data.Intake;
using Dapper;

namespace Backoffice.Data.Processing;

/// <summary>
/// What is stored about a message, read back: its summary with findings (by id or by its bytes'
/// SHA-256) and when it was received.
/// </summary>
public sealed class MessageSummaries
{
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

    public MessageSummaries(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        this.connections = connections;
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
