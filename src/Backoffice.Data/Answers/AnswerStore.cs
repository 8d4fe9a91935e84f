using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Backoffice.Data.Audit;
using Dapper;

namespace Backoffice.Data.Answers;

/// <summary>An answer (retour or 325) the service built for a message, exactly as it leaves.</summary>
public sealed record StoredAnswer(
    long MessageId,
    string AnswerType,
    string Identificatie,
    DateOnly Dagtekening,
    string? Retourcode,
    string FileName,
    byte[] Content,
    DateTimeOffset CreatedAt)
{
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));
}

/// <summary>
/// Exactly one answer per message: the row is inserted in the verdict's transaction (the message id
/// is its key, so a second answer cannot exist), and the outbox file is written from the row
/// afterwards; <see cref="MarkWrittenAsync"/> records that it was.
/// </summary>
public sealed class AnswerStore
{
    private const string Insert = """
        INSERT INTO message_answer (message_id, answer_type, identificatie, dagtekening, retourcode, file_name, sha256, content, created_at)
        VALUES (@message_id, @answer_type, @identificatie, @dagtekening, @retourcode, @file_name, @sha256, @content, @created_at);
        """;

    private const string SelectUnwritten = """
        SELECT message_id, answer_type, identificatie, dagtekening, retourcode, file_name, content, created_at
        FROM message_answer
        WHERE written_at IS NULL
        ORDER BY message_id;
        """;

    private const string SelectOne = """
        SELECT message_id, answer_type, identificatie, dagtekening, retourcode, file_name, content, created_at
        FROM message_answer
        WHERE message_id = @message_id;
        """;

    private const string MarkWritten = """
        UPDATE message_answer SET written_at = @written_at WHERE message_id = @message_id AND written_at IS NULL;
        """;

    private readonly IDbConnectionFactory connections;
    private readonly AuditActor actor;

    public AnswerStore(IDbConnectionFactory connections)
        : this(connections, AuditActor.System("outbox"))
    {
    }

    /// <param name="actor">Who the audit trail names for the answers written (the service, from its command).</param>
    public AnswerStore(IDbConnectionFactory connections, AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(actor);
        this.connections = connections;
        this.actor = actor;
    }

    /// <summary>Adds the answer inside the caller's transaction (the one that records the verdict).</summary>
    public static async Task InsertAsync(DbTransaction transaction, StoredAnswer answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(answer);
        var parameters = new DynamicParameters();
        parameters.Add("message_id", answer.MessageId, DbType.Int64);
        parameters.Add("answer_type", Limits.Checked(answer.AnswerType, 10, nameof(answer.AnswerType)), DbType.AnsiString, size: 10);
        parameters.Add("identificatie", Limits.Checked(answer.Identificatie, 12, nameof(answer.Identificatie)), DbType.AnsiString, size: 12);
        parameters.Add("dagtekening", answer.Dagtekening.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DbType.AnsiStringFixedLength, size: 10);
        parameters.Add("retourcode", answer.Retourcode is null ? null : Limits.Checked(answer.Retourcode, Limits.AnswerRetourcodes, nameof(answer.Retourcode)), DbType.AnsiString, size: Limits.AnswerRetourcodes);
        parameters.Add("file_name", Limits.Checked(answer.FileName, 200, nameof(answer.FileName)), DbType.String, size: 200);
        parameters.Add("sha256", answer.Sha256, DbType.AnsiStringFixedLength, size: 64);
        parameters.Add("content", answer.Content, DbType.Binary, size: -1);
        parameters.Add("created_at", answer.CreatedAt.UtcDateTime, DbType.DateTime2);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(Insert, parameters, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Answers committed but not yet confirmed written to the outbox, oldest first.</summary>
    public async Task<IReadOnlyList<StoredAnswer>> ListUnwrittenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<AnswerRow>(new CommandDefinition(SelectUnwritten, cancellationToken: cancellationToken));
        return [.. rows.Select(ToAnswer)];
    }

    public async Task<StoredAnswer?> GetAsync(long messageId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<AnswerRow>(new CommandDefinition(SelectOne, new { message_id = messageId }, cancellationToken: cancellationToken));
        return row is null ? null : ToAnswer(row);
    }

    /// <summary>
    /// Records that <paramref name="written"/> (answers as <see cref="ListUnwrittenAsync"/> gave them)
    /// are in the outbox, in one transaction, with one audit row for each answer marked now (one
    /// already marked adds none).
    /// </summary>
    public async Task MarkWrittenAsync(IReadOnlyCollection<StoredAnswer> written, DateTimeOffset writtenAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        if (written.Count == 0)
        {
            return;
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var at = writtenAt.UtcDateTime;
        var events = new List<AuditEvent>(written.Count);
        foreach (var answer in written)
        {
            if (await connection.ExecuteAsync(new CommandDefinition(MarkWritten, new { message_id = answer.MessageId, written_at = at }, transaction, cancellationToken: cancellationToken)) == 1)
            {
                events.Add(new AuditEvent(AuditActions.AnswerWritten, actor.Name, actor.Origin, answer.MessageId, answer.FileName, $"The {answer.AnswerType} is in the outbox for the GGk upload.", string.Empty, writtenAt));
            }
        }

        await AuditTrail.AppendAsync(transaction, events, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static StoredAnswer ToAnswer(AnswerRow r) => new(
        r.message_id,
        r.answer_type,
        r.identificatie,
        DateOnly.ParseExact(r.dagtekening, "yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.retourcode,
        r.file_name,
        r.content,
        Timestamps.Utc(r.created_at)!.Value);

#pragma warning disable IDE1006, CA1812, S3459 // Dapper fills these by column name; names follow the columns.
    private sealed class AnswerRow
    {
        public long message_id { get; set; }

        public string answer_type { get; set; } = string.Empty;

        public string identificatie { get; set; } = string.Empty;

        public string dagtekening { get; set; } = string.Empty;

        public string? retourcode { get; set; }

        public string file_name { get; set; } = string.Empty;

        public byte[] content { get; set; } = [];

        public object? created_at { get; set; }
    }
#pragma warning restore IDE1006, CA1812, S3459
}
