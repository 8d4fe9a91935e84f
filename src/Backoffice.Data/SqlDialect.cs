using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Globalization;
using Backoffice.Data.Intake;
using Backoffice.Data.Processing;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Backoffice.Data;

/// <summary>
/// Everything that differs between SQLite and SQL Server, in one place: the statements whose text
/// differs (side by side), and how a message's bytes are streamed into and out of the database.
/// Chosen once per store from <see cref="IDbConnectionFactory.Provider"/>; the stores ask it
/// instead of branching on the provider. Statements that read the same on both stay in the stores.
/// </summary>
internal abstract class SqlDialect
{
    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    public static SqlDialect SqlServer { get; } = new SqlServerDialect();

    public abstract DatabaseProvider Provider { get; }

    /// <summary>
    /// The first @max ids, oldest first, of messages waiting to be processed (received, or claimed
    /// with a run-out lease or by an owner in @gone_owners): "first N rows" is LIMIT or TOP.
    /// </summary>
    public abstract string ListPending { get; }

    /// <summary>
    /// The id of the message with @sha256, read inside the intake transaction so that a concurrent
    /// delivery of the same bytes waits for it (a lock hint on SQL Server, none needed on SQLite).
    /// </summary>
    public abstract string FindMessageIdBySha256ForIntake { get; }

    /// <summary>Inserts a delivery row and returns its new id (last_insert_rowid or OUTPUT INSERTED).</summary>
    public abstract string InsertDeliveryReturningId { get; }

    /// <summary>Inserts a reference_import row and returns its new id (last_insert_rowid or OUTPUT INSERTED).</summary>
    public abstract string InsertReferenceImportReturningId { get; }

    public static SqlDialect For(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        return connections.Provider switch
        {
            DatabaseProvider.Sqlite => Sqlite,
            DatabaseProvider.SqlServer => SqlServer,
            _ => throw new ArgumentOutOfRangeException(nameof(connections), connections.Provider, "Unknown database provider."),
        };
    }

    /// <summary>
    /// <paramref name="column"/> in a WHERE term that must not pick the index: SQLite would take
    /// (municipality, provider, bsn) for "municipality = ? AND provider = ?" and read every allocation
    /// of the provider per number named, where (municipality, toewijzing_nummer) finds each at once;
    /// the unary plus keeps the term out of index selection. SQL Server plans this well by itself.
    /// </summary>
    public abstract string Unindexed(string column);

    /// <summary>
    /// The UTC calendar day (<c>yyyy-MM-dd</c>, as <see cref="StoredDates"/> stores days) of the
    /// timestamp <paramref name="column"/>: SQLite keeps timestamps as text that starts with the day,
    /// SQL Server as datetime2, converted by style 23.
    /// </summary>
    public abstract string DayOf(string column);

    /// <summary>A comma-separated column list with every column prefixed by <paramref name="alias"/>.</summary>
    public static string Qualify(string columns, string alias) =>
        string.Join(", ", columns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(c => alias + "." + c));

    /// <summary>True when <paramref name="connection"/> is a connection of this dialect's provider.</summary>
    public abstract bool IsOwnConnection(DbConnection connection);

    /// <summary>
    /// Inserts the message row and streams <paramref name="content"/> (exactly
    /// <paramref name="message"/>'s size, hashing to its SHA-256, or the insert fails) into
    /// message_content, inside <paramref name="transaction"/>; returns the new message id.
    /// </summary>
    public abstract Task<long> InsertMessageAsync(DbConnection connection, DbTransaction transaction, Stream content, NewMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// A stream over a message's stored bytes that owns <paramref name="connection"/> from then on;
    /// throws <see cref="KeyNotFoundException"/> for an unknown id (the caller then still owns it).
    /// </summary>
    public abstract Task<Stream> OpenContentAsync(DbConnection connection, long id, CancellationToken cancellationToken);

    /// <summary>
    /// Makes <paramref name="transaction"/> the only reference import running on the database until
    /// it ends, so two imports never both read version n and both add n+1. Throws
    /// <see cref="TimeoutException"/> when another import holds it for longer than <paramref name="wait"/>.
    /// </summary>
    public abstract Task LockReferenceImportsAsync(DbTransaction transaction, TimeSpan wait, CancellationToken cancellationToken);

    /// <summary>
    /// Makes every transaction committed so far survive an OS crash or power loss: on SQLite (WAL,
    /// synchronous NORMAL) a FULL checkpoint, which syncs the WAL and then the database file; on
    /// SQL Server nothing, every commit is already hardened in the log. Throws
    /// <see cref="TimeoutException"/> when a reader kept the checkpoint from finishing.
    /// </summary>
    public abstract Task MakeDurableAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>
    /// A subquery of the integers in the JSON array held by <paramref name="parameter"/> (json_each or
    /// OPENJSON), as column <c>n</c>: one parameter for any number of values. Put first in a
    /// <c>CROSS JOIN</c> it drives the search (SQLite keeps the order of a CROSS JOIN), one index seek
    /// per value instead of a scan of the provider's rows.
    /// </summary>
    public abstract string JsonIntegers(string parameter);

    /// <summary>A subquery of the strings in the JSON array held by <paramref name="parameter"/>.</summary>
    public abstract string JsonTexts(string parameter);

    /// <summary>
    /// The stored day (<c>yyyy-MM-dd</c> text) after the stored day in <paramref name="column"/>, as
    /// the same text: the steering report finds the allocation that starts the day another ends.
    /// </summary>
    public abstract string NextDay(string column);

    /// <summary>The message row intake inserts, checked and clipped already.</summary>
    internal sealed record NewMessage(string Sha256, long Size, DateTime ReceivedAt, string Channel, string OriginalName);

    private sealed class SqliteDialect : SqlDialect
    {
        private const string ListPendingSql = """
            SELECT id FROM message
            WHERE status = 'received'
               OR (status = 'processing' AND (lease_until IS NULL OR lease_until < @now OR claimed_by IN @gone_owners))
            ORDER BY id
            LIMIT @max;
            """;

        // SQLite transactions here are BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default), so writers
        // are already serialised and a plain read suffices.
        private const string FindBySha256 = """
            SELECT id FROM message WHERE sha256 = @sha256;
            """;

        private const string InsertMessage = """
            INSERT INTO message (sha256, size_bytes, received_at, source, original_name, status)
            VALUES (@sha256, @size_bytes, @received_at, @source, @original_name, 'received');
            SELECT last_insert_rowid();
            """;

        // The bytes go into their own table, keyed (and rowid'd) by the message id, so that later
        // updates of the message never rewrite them. The row is created with a zero-filled blob of the
        // final length as its last and only large column, which SQLite writes as zero pages without
        // building the value in memory; SqliteBlob then overwrites it in place.
        private const string InsertContent = """
            INSERT INTO message_content (message_id, content) VALUES (@message_id, zeroblob(@size_bytes));
            """;

        private const string InsertDelivery = """
            INSERT INTO message_delivery (message_id, source, original_name, received_at, is_duplicate, file_key)
            VALUES (@message_id, @source, @original_name, @received_at, @is_duplicate, @file_key);
            SELECT last_insert_rowid();
            """;

        private const string InsertReferenceImport = """
            INSERT INTO reference_import (kind, file_sha256, row_count, versions_added, imported_at)
            VALUES (@kind, @file_sha256, @row_count, @versions_added, @imported_at);
            SELECT last_insert_rowid();
            """;

        // The join makes a message without its bytes as unknown as a missing message, and reads no
        // blob: the content row is found by its rowid and SqliteBlob then streams the blob itself.
        private const string SelectSize = """
            SELECT m.size_bytes FROM message m JOIN message_content c ON c.message_id = m.id WHERE m.id = @id;
            """;

        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        public override string ListPending => ListPendingSql;

        public override string FindMessageIdBySha256ForIntake => FindBySha256;

        public override string InsertDeliveryReturningId => InsertDelivery;

        public override string InsertReferenceImportReturningId => InsertReferenceImport;

        public override bool IsOwnConnection(DbConnection connection) => connection is SqliteConnection;

        // BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) already holds the database's one write
        // lock for the whole transaction, so a second import waits at its BEGIN (busy_timeout).
        public override Task LockReferenceImportsAsync(DbTransaction transaction, TimeSpan wait, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        public override string JsonIntegers(string parameter) => $"SELECT value AS n FROM json_each({parameter})";

        public override string Unindexed(string column) => "+" + column;

        public override string DayOf(string column) => $"SUBSTRING({column}, 1, 10)";

        public override string JsonTexts(string parameter) => $"SELECT value AS n FROM json_each({parameter})";

        public override string NextDay(string column) => $"date({column}, '+1 day')";

        // FULL waits (busy_timeout) for a writer and for readers of older snapshots, copies the
        // whole WAL into the database and syncs both; its first column says whether it could.
        public override async Task MakeDurableAsync(DbConnection connection, CancellationToken cancellationToken)
        {
            var (busy, _, _) = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>(
                new CommandDefinition("PRAGMA wal_checkpoint(FULL);", cancellationToken: cancellationToken));
            if (busy != 0)
            {
                throw new TimeoutException("The database's write-ahead log could not be synced: a reader held it past the busy timeout.");
            }
        }

        public override async Task<long> InsertMessageAsync(DbConnection connection, DbTransaction transaction, Stream content, NewMessage message, CancellationToken cancellationToken)
        {
            var parameters = new DynamicParameters();
            parameters.Add("sha256", MessageIntakeStore.Sha256Parameter(message.Sha256));
            parameters.Add("size_bytes", message.Size, DbType.Int64);
            parameters.Add("received_at", message.ReceivedAt, DbType.DateTime2);
            parameters.Add("source", message.Channel, DbType.String, size: Limits.Channel);
            parameters.Add("original_name", message.OriginalName, DbType.String, size: Limits.OriginalName);
            var messageId = await connection.ExecuteScalarAsync<long>(new CommandDefinition(InsertMessage, parameters, transaction, cancellationToken: cancellationToken));

            var contentParameters = new DynamicParameters();
            contentParameters.Add("message_id", messageId, DbType.Int64);
            contentParameters.Add("size_bytes", message.Size, DbType.Int64);
            await connection.ExecuteAsync(new CommandDefinition(InsertContent, contentParameters, transaction, cancellationToken: cancellationToken));

            if (message.Size > 0)
            {
                using var hashing = new VerifyingReadStream(content, message.Size);
                using var blob = new SqliteBlob((SqliteConnection)connection, "message_content", "content", messageId);
                var buffer = ArrayPool<byte>.Shared.Rent(MessageIntakeStore.BufferSize);
                try
                {
                    int read;
                    while ((read = await hashing.ReadAsync(buffer.AsMemory(0, MessageIntakeStore.BufferSize), cancellationToken)) > 0)
                    {
                        // SqliteBlob has no async path; its Write goes straight to sqlite3_blob_write.
                        blob.Write(buffer, 0, read);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }

                hashing.Verify(message.Sha256);
            }
            else
            {
                VerifyingReadStream.VerifyEmpty(content, message.Sha256);
            }

            return messageId;
        }

        public override async Task<Stream> OpenContentAsync(DbConnection connection, long id, CancellationToken cancellationToken)
        {
            var size = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(SelectSize, new { id }, cancellationToken: cancellationToken))
                ?? throw new KeyNotFoundException($"Message {id} does not exist.");
            var blob = new SqliteBlob((SqliteConnection)connection, "message_content", "content", id, readOnly: true);
            return new OwningStream(blob, size, connection);
        }
    }

    private sealed class SqlServerDialect : SqlDialect
    {
        private const string ListPendingSql = """
            SELECT TOP (@max) id FROM message
            WHERE status = 'received'
               OR (status = 'processing' AND (lease_until IS NULL OR lease_until < @now OR claimed_by IN @gone_owners))
            ORDER BY id;
            """;

        // UPDLOCK + HOLDLOCK takes a key-range lock on the unique index, so a concurrent delivery of the
        // same bytes on another instance waits here until this transaction commits and then finds the row.
        private const string FindBySha256 = """
            SELECT id FROM message WITH (UPDLOCK, HOLDLOCK) WHERE sha256 = @sha256;
            """;

        private const string InsertMessage = """
            INSERT INTO message (sha256, size_bytes, received_at, source, original_name, status)
            OUTPUT INSERTED.id
            VALUES (@sha256, @size_bytes, @received_at, @source, @original_name, 'received');
            """;

        // SqlClient streams a Stream parameter value of varbinary(max) to the server in chunks.
        private const string InsertContent = """
            INSERT INTO message_content (message_id, content) VALUES (@message_id, @content);
            """;

        private const string InsertDelivery = """
            INSERT INTO message_delivery (message_id, source, original_name, received_at, is_duplicate, file_key)
            OUTPUT INSERTED.id
            VALUES (@message_id, @source, @original_name, @received_at, @is_duplicate, @file_key);
            """;

        private const string InsertReferenceImport = """
            INSERT INTO reference_import (kind, file_sha256, row_count, versions_added, imported_at)
            OUTPUT INSERTED.id
            VALUES (@kind, @file_sha256, @row_count, @versions_added, @imported_at);
            """;

        // A transaction-owned application lock: released by the commit or rollback, or by the server
        // when the session dies. 0 granted, 1 granted after waiting; negative: timeout or error.
        private const string LockReferenceImports = """
            DECLARE @result int;
            EXEC @result = sp_getapplock @Resource = N'backoffice/reference-import', @LockMode = 'Exclusive', @LockOwner = 'Transaction', @LockTimeout = @timeout_ms;
            SELECT @result;
            """;

        // The bytes are in message_content (written once at intake, never updated).
        private const string SelectContent = """
            SELECT content FROM message_content WHERE message_id = @id;
            """;

        public override DatabaseProvider Provider => DatabaseProvider.SqlServer;

        public override string ListPending => ListPendingSql;

        public override string FindMessageIdBySha256ForIntake => FindBySha256;

        public override string InsertDeliveryReturningId => InsertDelivery;

        public override string InsertReferenceImportReturningId => InsertReferenceImport;

        public override async Task LockReferenceImportsAsync(DbTransaction transaction, TimeSpan wait, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(transaction);
            var timeoutMs = (int)Math.Min(int.MaxValue, wait.TotalMilliseconds);
            var result = await transaction.Connection!.ExecuteScalarAsync<int>(new CommandDefinition(
                LockReferenceImports,
                new { timeout_ms = timeoutMs },
                transaction,
                commandTimeout: (int)Math.Min(int.MaxValue / 2, wait.TotalSeconds + 30),
                cancellationToken: cancellationToken));
            if (result < 0)
            {
                throw new TimeoutException($"Another reference import has held the database for over {wait.TotalSeconds:0} seconds (sp_getapplock returned {result}).");
            }
        }

        // As before the dialect existed: anything but a SQLite connection is taken for SQL Server's.
        public override bool IsOwnConnection(DbConnection connection) => connection is not SqliteConnection;

        public override async Task<long> InsertMessageAsync(DbConnection connection, DbTransaction transaction, Stream content, NewMessage message, CancellationToken cancellationToken)
        {
            long messageId;
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = InsertMessage;
                AddParameter(command, "@sha256", DbType.AnsiStringFixedLength, 64, message.Sha256);
                AddParameter(command, "@size_bytes", DbType.Int64, 0, message.Size);
                AddParameter(command, "@received_at", DbType.DateTime2, 0, message.ReceivedAt);
                AddParameter(command, "@source", DbType.String, Limits.Channel, message.Channel);
                AddParameter(command, "@original_name", DbType.String, Limits.OriginalName, message.OriginalName);
                messageId = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }

            using var hashing = new VerifyingReadStream(content, message.Size);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = InsertContent;
                command.CommandTimeout = 0; // a large file on a slow link must not be cut off half-way
                AddParameter(command, "@message_id", DbType.Int64, 0, messageId);
                AddParameter(command, "@content", DbType.Binary, -1, hashing);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            hashing.Verify(message.Sha256);
            return messageId;
        }

        // Every commit is hardened in the transaction log before COMMIT returns (unless the
        // operator switched on delayed durability, which this service never asks for).
        public override Task MakeDurableAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

        public override string JsonIntegers(string parameter) => $"SELECT CAST([value] AS int) AS n FROM OPENJSON({parameter})";

        public override string Unindexed(string column) => column;

        public override string DayOf(string column) => $"CONVERT(char(10), {column}, 23)";

        public override string JsonTexts(string parameter) => $"SELECT CAST([value] AS varchar(36)) AS n FROM OPENJSON({parameter})";

        // Style 23 is yyyy-mm-dd both ways, whatever the session's language or DATEFORMAT.
        public override string NextDay(string column) => $"CONVERT(char(10), DATEADD(day, 1, CONVERT(date, {column}, 23)), 23)";

        public override async Task<Stream> OpenContentAsync(DbConnection connection, long id, CancellationToken cancellationToken)
        {
            var command = connection.CreateCommand();
            try
            {
                command.CommandText = SelectContent;
                command.CommandTimeout = 0; // reading a large blob over a slow link must not time out half-way
                AddParameter(command, "@id", DbType.Int64, 0, id);

                // SequentialAccess makes GetStream read from the network as the caller reads, instead of
                // buffering the whole value with the row.
                var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess | CommandBehavior.SingleRow, cancellationToken);
                if (!await reader.ReadAsync(cancellationToken))
                {
                    await reader.DisposeAsync();
                    throw new KeyNotFoundException($"Message {id} does not exist.");
                }

                return new OwningStream(reader.GetStream(0), null, reader, command, connection);
            }
            catch
            {
                await command.DisposeAsync();
                throw;
            }
        }

        private static void AddParameter(DbCommand command, string name, DbType type, int size, object value)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.DbType = type;
            if (size != 0)
            {
                parameter.Size = size;
            }

            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }
}
