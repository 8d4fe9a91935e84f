using System.Reflection;
using DbUp;
using DbUp.Builder;
using DbUp.Engine;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Backoffice.Data.Migrations;

/// <summary>
/// Applies the forward-only migrations embedded in this assembly (Migrations/Sqlite/*.sql or
/// Migrations/SqlServer/*.sql, in name order) with DbUp, which journals each applied script in
/// <c>SchemaVersions</c> so that running it again applies nothing. Each script runs in its own
/// transaction: a failing script leaves the database as the previous script left it.
/// </summary>
public static class DatabaseMigrator
{
    /// <summary>DbUp's journal table, one row per applied script.</summary>
    public const string JournalTable = "SchemaVersions";

    private static readonly Assembly ScriptAssembly = typeof(DatabaseMigrator).Assembly;

    /// <summary>Embedded resource names of the scripts for one provider, in the order they apply.</summary>
    public static IReadOnlyList<string> ScriptNames(DatabaseProvider provider)
    {
        var prefix = ResourcePrefix(provider);
        return [.. ScriptAssembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>How long a migration waits for another process's migration of the same database.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Brings the database up to date. Throws <see cref="DatabaseMigrationException"/> on failure.
    /// Two processes starting on the same new database take turns (a <see cref="DatabaseLock"/>):
    /// the second finds the journal complete and applies nothing. Scripts applied are recorded in the
    /// audit trail (by <paramref name="actor"/>, default the service); a person's run
    /// (<c>backoffice migrate</c>: an actor other than 'system') is recorded even when nothing was due.
    /// </summary>
    public static MigrationResult Migrate(DatabaseSettings settings, Audit.AuditActor? actor = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var prefix = ResourcePrefix(settings.Provider);
        if (settings.Provider == DatabaseProvider.SqlServer)
        {
            SqlServerRuntime.EnsureSupported();
        }

        DatabaseUpgradeResult result;
        try
        {
            using var migrationLock = DatabaseLock.TryAcquire(settings, DatabaseLock.Migrations, LockWait)
                ?? throw new DatabaseMigrationException($"Another process has been migrating the {settings.Provider} database for over {LockWait.TotalMinutes:0} minutes; try again when it is done.");
            var engine = Target(settings)
                .WithScriptsEmbeddedInAssembly(ScriptAssembly, name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
                .WithTransactionPerScript()
                .LogToNowhere()
                .Build();
            result = engine.PerformUpgrade();
            if (result.Successful)
            {
                RecordAsync(settings, actor ?? Audit.AuditActor.System("migrate"), [.. result.Scripts.Select(script => script.Name)]).GetAwaiter().GetResult();
            }
        }
        catch (Exception exception) when (exception is not OutOfMemoryException and not DatabaseMigrationException)
        {
            throw Failure(settings, null, exception);
        }

        if (!result.Successful)
        {
            throw Failure(settings, result.ErrorScript?.Name, result.Error);
        }

        return new MigrationResult(settings.Provider, [.. result.Scripts.Select(script => script.Name)]);
    }

    /// <summary>The audit row of a migration run, in its own transaction once the scripts are in (the table exists from 0009 on).</summary>
    private static async Task RecordAsync(DatabaseSettings settings, Audit.AuditActor actor, IReadOnlyList<string> applied)
    {
        if (applied.Count == 0 && actor.Name == Audit.AuditActor.SystemName)
        {
            return;
        }

        var prefix = ResourcePrefix(settings.Provider);
        var names = applied.Select(name => name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name).ToList();
        await using var connection = await new DbConnectionFactory(settings).OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await Audit.AuditTrail.AppendAsync(
            transaction,
            new Audit.AuditEvent(
                Audit.AuditActions.Migrated,
                actor.Name,
                actor.Origin,
                null,
                $"{settings.Provider} database",
                names.Count == 0 ? "Already current: nothing applied." : $"Applied {string.Join(", ", names)}.",
                actor.Why,
                TimeProvider.System.GetUtcNow()),
            CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static UpgradeEngineBuilder Target(DatabaseSettings settings) => settings.Provider switch
    {
        DatabaseProvider.Sqlite => DeployChanges.To.SqliteDatabase(settings.ConnectionString),
        DatabaseProvider.SqlServer => DeployChanges.To.SqlDatabase(settings.ConnectionString).JournalToSqlTable("dbo", JournalTable),
        _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "Unknown database provider."),
    };

    private static string ResourcePrefix(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Backoffice.Data.Migrations.Sqlite.",
        DatabaseProvider.SqlServer => "Backoffice.Data.Migrations.SqlServer.",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
    };

    // The connection string may carry a password, and an exception message ends up in logs; so the
    // message names the provider, the script and the cause, and the inner exception is kept only
    // when its own text is free of the connection string and its secret.
    private static DatabaseMigrationException Failure(DatabaseSettings settings, string? script, Exception? cause)
    {
        var secrets = Secrets(settings);
        var reason = cause is null ? "unknown error" : Redact($"{cause.GetType().Name}: {cause.Message}", secrets);
        var where = script is null ? string.Empty : $" in script '{script}'";
        var message = $"Migrating the {settings.Provider} database failed{where}: {reason}";
        var safeInner = cause is not null && !ContainsSecret(cause.ToString(), secrets) ? cause : null;
        return new DatabaseMigrationException(message, script, safeInner);
    }

    private static List<string> Secrets(DatabaseSettings settings)
    {
        var secrets = new List<string> { settings.ConnectionString };
        try
        {
            if (settings.Provider == DatabaseProvider.SqlServer)
            {
                var builder = new SqlConnectionStringBuilder(settings.ConnectionString);
                secrets.Add(builder.Password);
            }
            else
            {
                var builder = new SqliteConnectionStringBuilder(settings.ConnectionString);
                secrets.Add(builder.Password);
            }
        }
        catch (ArgumentException)
        {
            // An unparsable connection string is itself the failure; the whole string is redacted already.
        }

        return [.. secrets.Where(secret => secret.Length > 0)];
    }

    private static bool ContainsSecret(string text, List<string> secrets) =>
        secrets.Exists(secret => text.Contains(secret, StringComparison.Ordinal));

    private static string Redact(string text, List<string> secrets)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return text;
    }
}

/// <summary>What a migration run applied: the embedded script names, empty when already up to date.</summary>
public sealed record MigrationResult(DatabaseProvider Provider, IReadOnlyList<string> ScriptsApplied);

/// <summary>A migration failed. The message never contains the connection string.</summary>
public sealed class DatabaseMigrationException : Exception
{
    public DatabaseMigrationException()
    {
    }

    public DatabaseMigrationException(string message)
        : base(message)
    {
    }

    public DatabaseMigrationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    public DatabaseMigrationException(string message, string? script, Exception? innerException)
        : base(message, innerException)
    {
        Script = script;
    }

    /// <summary>The embedded script that failed, when the failure was inside one.</summary>
    public string? Script { get; }
}
