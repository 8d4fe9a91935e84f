using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Backoffice.Data;

/// <summary>Connections from <see cref="DatabaseSettings"/>.</summary>
public sealed class DbConnectionFactory : IDbConnectionFactory
{
    /// <summary>How long a SQLite writer waits for another writer before giving up.</summary>
    public const int SqliteBusyTimeoutMilliseconds = 30_000;

    // WAL lets the processing job read while intake writes; foreign keys are off by default in
    // SQLite and must be switched on per connection; busy_timeout makes a second writer (another
    // job, the CLI) wait for the lock instead of failing at once with SQLITE_BUSY. synchronous =
    // NORMAL: a commit survives the process being killed at once, and an OS crash or power loss
    // only once the WAL is synced; the batch syncs it (StoreDurability) before anything leaves the
    // database's hands, an answer to the outbox or a file out of the inbox.
    private const string SqlitePragmas = """
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = NORMAL;
        PRAGMA foreign_keys = ON;
        PRAGMA busy_timeout = 30000;
        """;

    private readonly string connectionString;

    public DbConnectionFactory(DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.ConnectionString);
        Provider = settings.Provider;
        connectionString = settings.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteConnectionStringBuilder(settings.ConnectionString)
            {
                DefaultTimeout = SqliteBusyTimeoutMilliseconds / 1000,
            }.ToString(),
            DatabaseProvider.SqlServer => SqlServerConnectionString(settings.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown database provider."),
        };
    }

    public DatabaseProvider Provider { get; }

    private static string SqlServerConnectionString(string connectionString)
    {
        SqlServerRuntime.EnsureSupported();
        return connectionString;
    }

    public DbConnection Open()
    {
        var connection = Create();
        try
        {
            connection.Open();
            if (connection is SqliteConnection)
            {
                using var command = connection.CreateCommand();
                command.CommandText = SqlitePragmas;
                command.ExecuteNonQuery();
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Create();
        try
        {
            await connection.OpenAsync(cancellationToken);
            if (connection is SqliteConnection)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = SqlitePragmas;
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private DbConnection Create() => Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(connectionString)
        : new SqlConnection(connectionString);
}
