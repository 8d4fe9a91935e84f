using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Backoffice.Data;

/// <summary>
/// A named lock held by one process at a time per database: migrations and the inbox batch take
/// one so that two runs on the same database never do the same work at once. On SQLite it is an
/// advisory lock (flock) on a file next to the database; on SQL Server a session application lock
/// (sp_getapplock) on a connection held open for the lock's lifetime. Both are released by the
/// operating system or the server when the holder dies, so a SIGKILL never leaves a stale lock.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    /// <summary>Serialises schema migrations (two first starts on an empty data folder).</summary>
    public const string Migrations = "migrations";

    /// <summary>Serialises inbox batches: one scan of the inbox at a time per database.</summary>
    public const string Batch = "batch";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly FileStream? file;
    private readonly DbConnection? connection;
    private readonly string resource;

    private DatabaseLock(FileStream? file, DbConnection? connection, string resource)
    {
        this.file = file;
        this.connection = connection;
        this.resource = resource;
    }

    /// <summary>
    /// Takes the lock <paramref name="name"/>, waiting up to <paramref name="wait"/> (zero: try once).
    /// Null when another process holds it for longer than that.
    /// </summary>
    public static DatabaseLock? TryAcquire(DatabaseSettings settings, string name, TimeSpan wait, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return settings.Provider switch
        {
            DatabaseProvider.Sqlite => AcquireFile(LockFilePath(settings, name), name, wait, cancellationToken),
            DatabaseProvider.SqlServer => AcquireAppLock(settings, name, wait),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown database provider."),
        };
    }

    /// <summary>The lock file for a SQLite database: <c>{database}.{name}.lock</c> beside it.</summary>
    public static string LockFilePath(DatabaseSettings settings, string name)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var source = new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource;
        if (string.IsNullOrWhiteSpace(source) || source == ":memory:" || source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            // A private in-memory database cannot be shared by two processes: a process-local file suffices.
            return Path.Combine(Path.GetTempPath(), $"backoffice-{Environment.ProcessId}.{name}.lock");
        }

        return $"{Path.GetFullPath(source)}.{name}.lock";
    }

    public void Dispose()
    {
        if (file is not null)
        {
            // Closing the handle drops the flock. The file itself stays: deleting it would let a
            // third process lock a new file while a second still waits on the old one.
            file.Dispose();
        }

        if (connection is not null)
        {
            try
            {
                connection.Execute("EXEC sp_releaseapplock @Resource = @resource, @LockOwner = 'Session';", new { resource });
            }
            catch (DbException)
            {
                // The session is gone; the server released the lock with it.
            }

            connection.Dispose();
        }
    }

    private static DatabaseLock? AcquireFile(string path, string name, TimeSpan wait, CancellationToken cancellationToken)
    {
        // A monotonic clock: waiting is about elapsed time, not the (possibly pinned) date.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            try
            {
                // FileShare.None takes an exclusive advisory lock (flock LOCK_EX | LOCK_NB) on Unix
                // and a share lock on Windows; a second open, in this process or another, fails.
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                return new DatabaseLock(stream, null, name);
            }
            catch (IOException exception) when (HeldElsewhere(exception) && waited.Elapsed < wait)
            {
                cancellationToken.WaitHandle.WaitOne(PollInterval);
                cancellationToken.ThrowIfCancellationRequested();
            }
            catch (IOException exception) when (HeldElsewhere(exception))
            {
                return null;
            }
        }
    }

    // Only "another handle holds the lock" is worth waiting for. Any other failure to open the
    // lock file (a missing folder, a read-only file system) is the caller's error and surfaces at
    // once, instead of after the whole wait as if another process were migrating. On Unix .NET
    // reports flock's EWOULDBLOCK as a plain IOException whose HResult is the errno (EAGAIN: 11 on
    // Linux, 35 on macOS); on Windows as ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION.
    private static bool HeldElsewhere(IOException exception) =>
        exception.GetType() == typeof(IOException)
        && (OperatingSystem.IsWindows()
            ? (exception.HResult & 0xFFFF) is 32 or 33
            : exception.HResult == (OperatingSystem.IsLinux() ? 11 : 35));

    private static DatabaseLock? AcquireAppLock(DatabaseSettings settings, string name, TimeSpan wait)
    {
        SqlServerRuntime.EnsureSupported();
        var resource = $"backoffice/{name}";
        var timeoutMs = (int)Math.Min(int.MaxValue, wait.TotalMilliseconds);
        var connection = new SqlConnection(settings.ConnectionString);
        try
        {
            connection.Open();
            var parameters = new DynamicParameters();
            parameters.Add("Resource", resource, DbType.String, size: 255);
            parameters.Add("LockMode", "Exclusive", DbType.String, size: 32);
            parameters.Add("LockOwner", "Session", DbType.String, size: 32);
            parameters.Add("LockTimeout", timeoutMs, DbType.Int32);
            parameters.Add("result", dbType: DbType.Int32, direction: ParameterDirection.ReturnValue);
            connection.Execute(new CommandDefinition(
                "sp_getapplock",
                parameters,
                commandType: CommandType.StoredProcedure,
                commandTimeout: (int)Math.Min(int.MaxValue / 2, wait.TotalSeconds + 30)));

            // 0 granted, 1 granted after waiting; negative: timeout (-1), cancelled, deadlock, error.
            if (parameters.Get<int>("result") >= 0)
            {
                return new DatabaseLock(null, connection, resource);
            }

            connection.Dispose();
            return null;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }
}
