using Backoffice.Data.Migrations;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Backoffice.Data.Tests;

/// <summary>
/// A throwaway, migrated database for one test: a real SQLite file in a temp folder, or a uniquely
/// named database on the SQL Server given in BACKOFFICE_TEST_SQLSERVER (dropped afterwards). Without
/// that variable SQL Server tests are ignored with the reason, never passed silently.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string SqlServerVariable = "BACKOFFICE_TEST_SQLSERVER";

    // CREATE/DROP DATABASE take no parameters; QUOTENAME inside dynamic SQL keeps the command text constant.
    private const string CreateDatabase = """
        DECLARE @sql nvarchar(max) = N'CREATE DATABASE ' + QUOTENAME(@name) + N';';
        EXEC (@sql);
        """;

    private const string DropDatabase = """
        DECLARE @sql nvarchar(max) = N'ALTER DATABASE ' + QUOTENAME(@name) + N' SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE ' + QUOTENAME(@name) + N';';
        EXEC (@sql);
        """;

    private readonly string? sqliteFolder;
    private readonly string? serverConnectionString;
    private readonly string? databaseName;

    private TestDatabase(DatabaseSettings settings, string? sqliteFolder, string? serverConnectionString, string? databaseName)
    {
        Settings = settings;
        Connections = new DbConnectionFactory(settings);
        this.sqliteFolder = sqliteFolder;
        this.serverConnectionString = serverConnectionString;
        this.databaseName = databaseName;
    }

    public DatabaseSettings Settings { get; }

    public IDbConnectionFactory Connections { get; }

    public string? SqliteFolder => sqliteFolder;

    public static string? SqlServerConnectionString =>
        Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } value ? value : null;

    /// <summary>An empty database (not migrated).</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "backoffice-data-tests", Guid.NewGuid().ToString("N"));
            return new TestDatabase(DatabaseSettings.SqliteInDataFolder(folder), folder, null, null);
        }

        var server = SqlServerConnectionString;
        if (server is null)
        {
            Assert.Ignore($"SQL Server store tests skipped: set {SqlServerVariable} to a connection string of a login that may create databases.");
        }

        var name = "backoffice_test_" + Guid.NewGuid().ToString("N");
        await using (var connection = new SqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = CreateDatabase;
            command.Parameters.AddWithValue("@name", name);
            await command.ExecuteNonQueryAsync();
        }

        var settings = new DatabaseSettings(
            DatabaseProvider.SqlServer,
            new SqlConnectionStringBuilder(server) { InitialCatalog = name }.ConnectionString);
        return new TestDatabase(settings, null, server, name);
    }

    /// <summary>A database with every migration applied.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = await CreateEmptyAsync(provider);
        try
        {
            DatabaseMigrator.Migrate(database.Settings);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteFolder is not null)
        {
            // Pooled connections keep the file open; release them before deleting the folder.
            SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteFolder, recursive: true);
        }

        if (serverConnectionString is not null && databaseName is not null)
        {
            SqlConnection.ClearAllPools();
            await using var connection = new SqlConnection(serverConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = DropDatabase;
            command.Parameters.AddWithValue("@name", databaseName);
            await command.ExecuteNonQueryAsync();
        }
    }
}
