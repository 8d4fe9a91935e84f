using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Globalization;
using Backoffice.Data.Audit;
using Dapper;

namespace Backoffice.Data.Intake;

/// <summary>
/// Step 1 of the pipeline: the raw bytes are stored durably, with their SHA-256, source and receipt
/// time, before anything else looks at them. The same bytes delivered twice are one message with
/// two deliveries. Memory use does not grow with the file: the bytes are hashed in one streaming
/// pass and streamed into the database in a second.
/// </summary>
public sealed class MessageIntakeStore
{
    internal const int BufferSize = 81_920;

    // The first delivery of this file, if any: a rescan of an unchanged file, or a file a crash
    // left behind, is that delivery again and adds no row.
    private const string FindDelivery = """
        SELECT d.message_id AS MessageId, d.id AS DeliveryId, m.sha256 AS Sha256, m.size_bytes AS SizeBytes,
               d.is_duplicate AS IsDuplicate
        FROM message_delivery d
        JOIN message m ON m.id = d.message_id
        WHERE d.source = @source AND d.original_name = @original_name AND d.file_key = @file_key
        ORDER BY d.id;
        """;

    private const string SelectAttempts = """
        SELECT attempts FROM inbox_attempt
        WHERE source = @source AND original_name = @original_name AND file_key = @file_key;
        """;

    private const string InsertAttempt = """
        INSERT INTO inbox_attempt (source, original_name, file_key, attempts, first_at, last_at, last_error)
        VALUES (@source, @original_name, @file_key, 1, @now, @now, @last_error);
        """;

    private const string UpdateAttempt = """
        UPDATE inbox_attempt
        SET attempts = attempts + 1, last_at = @now, last_error = @last_error
        WHERE source = @source AND original_name = @original_name AND file_key = @file_key;
        """;

    private readonly IDbConnectionFactory connections;
    private readonly SqlDialect dialect;
    private readonly AuditActor actor;

    public MessageIntakeStore(IDbConnectionFactory connections)
        : this(connections, AuditActor.System("intake"))
    {
    }

    /// <param name="actor">Who the audit trail names for what intake stores (the service, from its command).</param>
    public MessageIntakeStore(IDbConnectionFactory connections, AuditActor actor)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(actor);
        this.connections = connections;
        this.actor = actor;
        dialect = SqlDialect.For(connections);
    }

    /// <summary>
    /// Stores <paramref name="content"/> (read from its current position to the end) and a delivery
    /// row in one transaction, committed before this returns. A concurrent delivery of the same
    /// bytes resolves to the duplicate answer.
    /// </summary>
    /// <param name="content">A seekable, readable stream, typically the delivered file.</param>
    /// <param name="beforeCommit">
    /// Runs after the bytes are written and before they commit; an exception from it rolls the
    /// whole delivery back (intake uses it to refuse a file that changed while it was read).
    /// </param>
    /// <param name="humanAction">
    /// A person's action that made these bytes (staff answering a request make a 319), recorded in
    /// the audit trail in the same transaction, given the new message's id.
    /// </param>
    public async Task<IntakeReceipt> ReceiveAsync(
        Stream content, IntakeSource source, CancellationToken cancellationToken, Action? beforeCommit = null, Func<long, AuditEvent>? humanAction = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(source);
        if (!content.CanRead || !content.CanSeek)
        {
            throw new ArgumentException("Intake needs a readable, seekable stream (it is read twice: hash, then store).", nameof(content));
        }

        var channel = Limits.Checked(source.Channel, Limits.Channel, nameof(IntakeSource.Channel));
        var originalName = Limits.Clipped(source.OriginalName ?? string.Empty, Limits.OriginalName)!;
        var receivedAt = source.ReceivedAt.UtcDateTime;
        var delivery = new DeliveryRow(channel, originalName, receivedAt, source.FileKey is null ? null : Limits.Checked(source.FileKey, Limits.FileKey, nameof(IntakeSource.FileKey)));

        var start = content.Position;
        var (sha256, size) = await HashAsync(content, cancellationToken);

        // Two attempts: the second runs only after a concurrent insert of the same bytes won the
        // unique index, and then finds that message.
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = await connections.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            var existing = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
                dialect.FindMessageIdBySha256ForIntake,
                new { sha256 = Sha256Parameter(sha256) },
                transaction,
                cancellationToken: cancellationToken));

            if (existing is { } duplicateOf)
            {
                var duplicateDelivery = await InsertDeliveryAsync(connection, transaction, duplicateOf, delivery, isDuplicate: true, cancellationToken);
                await AuditTrail.AppendAsync(transaction, Events(duplicateOf, duplicateDelivery, sha256, size, delivery, isDuplicate: true, humanAction), cancellationToken);
                beforeCommit?.Invoke();
                await transaction.CommitAsync(cancellationToken);
                return new IntakeReceipt(duplicateOf, duplicateDelivery, sha256, size, IsDuplicate: true);
            }

            try
            {
                content.Position = start;
                var messageId = await dialect.InsertMessageAsync(
                    connection, transaction, content, new SqlDialect.NewMessage(sha256, size, receivedAt, channel, originalName), cancellationToken);
                var deliveryId = await InsertDeliveryAsync(connection, transaction, messageId, delivery, isDuplicate: false, cancellationToken);
                await AuditTrail.AppendAsync(transaction, Events(messageId, deliveryId, sha256, size, delivery, isDuplicate: false, humanAction), cancellationToken);
                beforeCommit?.Invoke();
                await transaction.CommitAsync(cancellationToken);
                return new IntakeReceipt(messageId, deliveryId, sha256, size, IsDuplicate: false);
            }
            catch (DbException exception) when (attempt == 1 && DbErrors.IsUniqueViolation(exception))
            {
                await transaction.RollbackAsync(cancellationToken);
            }
        }
    }

    /// <summary>The delivery recorded earlier for this file (same channel, name and file key), or null.</summary>
    public async Task<KnownDelivery?> FindDeliveryAsync(string channel, string originalName, string fileKey, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<KnownDeliveryRow>(new CommandDefinition(
            FindDelivery, FileParameters(channel, originalName, fileKey), cancellationToken: cancellationToken));
        return rows.FirstOrDefault() is { } row ? new KnownDelivery(row.MessageId, row.DeliveryId, row.Sha256, row.SizeBytes, row.IsDuplicate != 0) : null;
    }

    /// <summary>
    /// Counts one more failed attempt to read this file and returns how many there were. The error
    /// text is the code's own description (no path, no content).
    /// </summary>
    public async Task<int> RecordReadFailureAsync(string channel, string originalName, string fileKey, string error, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = FileParameters(channel, originalName, fileKey);
        parameters.Add("now", now.UtcDateTime, DbType.DateTime2);
        parameters.Add("last_error", Limits.Clipped(error, Limits.OriginalName), DbType.String, size: Limits.OriginalName);
        var updated = await connection.ExecuteAsync(new CommandDefinition(UpdateAttempt, parameters, transaction, cancellationToken: cancellationToken));
        if (updated == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertAttempt, parameters, transaction, cancellationToken: cancellationToken));
        }

        var attempts = await connection.ExecuteScalarAsync<int>(new CommandDefinition(SelectAttempts, parameters, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return attempts;
    }

    /// <summary>
    /// The audit rows of one delivery: the message received (new bytes) or delivered again (known
    /// bytes), and the person's action behind it if there is one. The delivered name is someone
    /// else's text and is not repeated here (message_delivery keeps it); the delivery id points to it.
    /// </summary>
    private AuditEvent[] Events(long messageId, long deliveryId, string sha256, long size, DeliveryRow delivery, bool isDuplicate, Func<long, AuditEvent>? humanAction)
    {
        var at = new DateTimeOffset(DateTime.SpecifyKind(delivery.ReceivedAt, DateTimeKind.Utc));
        var stored = new AuditEvent(
            isDuplicate ? AuditActions.DeliveredAgain : AuditActions.Received,
            actor.Name,
            actor.Origin,
            messageId,
            string.Create(CultureInfo.InvariantCulture, $"delivery {deliveryId}"),
            string.Create(CultureInfo.InvariantCulture, $"{(isDuplicate ? "The same bytes again" : "Stored")}: {size} bytes, sha256 {sha256}, channel {delivery.Channel}{(isDuplicate ? ", a duplicate of this message" : string.Empty)}."),
            string.Empty,
            at);
        return humanAction is null ? [stored] : [humanAction(messageId), stored];
    }

    private static DynamicParameters FileParameters(string channel, string originalName, string fileKey)
    {
        var parameters = new DynamicParameters();
        parameters.Add("source", Limits.Checked(channel, Limits.Channel, nameof(channel)), DbType.String, size: Limits.Channel);
        parameters.Add("original_name", Limits.Clipped(originalName, Limits.OriginalName), DbType.String, size: Limits.OriginalName);
        parameters.Add("file_key", Limits.Checked(fileKey, Limits.FileKey, nameof(fileKey)), DbType.AnsiString, size: Limits.FileKey);
        return parameters;
    }

    private async Task<long> InsertDeliveryAsync(
        DbConnection connection, DbTransaction transaction, long messageId, DeliveryRow delivery, bool isDuplicate, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("message_id", messageId, DbType.Int64);
        parameters.Add("source", delivery.Channel, DbType.String, size: Limits.Channel);
        parameters.Add("original_name", delivery.OriginalName, DbType.String, size: Limits.OriginalName);
        parameters.Add("received_at", delivery.ReceivedAt, DbType.DateTime2);
        parameters.Add("is_duplicate", isDuplicate, DbType.Boolean);
        parameters.Add("file_key", delivery.FileKey, DbType.AnsiString, size: Limits.FileKey);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(dialect.InsertDeliveryReturningId, parameters, transaction, cancellationToken: cancellationToken));
    }

    // char(64) on SQL Server: an nvarchar parameter would convert the column and scan the index.
    internal static DbString Sha256Parameter(string sha256) =>
        new() { Value = sha256, IsAnsi = true, IsFixedLength = true, Length = 64 };

    private static async Task<(string Sha256, long Size)> HashAsync(Stream content, CancellationToken cancellationToken)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        long size = 0;
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                size += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
    }

    private sealed record DeliveryRow(string Channel, string OriginalName, DateTime ReceivedAt, string? FileKey);

#pragma warning disable CA1812 // Dapper fills it.
    private sealed class KnownDeliveryRow
    {
        public long MessageId { get; set; }

        public long DeliveryId { get; set; }

        public string Sha256 { get; set; } = string.Empty;

        public long SizeBytes { get; set; }

        public long IsDuplicate { get; set; }
    }
#pragma warning restore CA1812
}
