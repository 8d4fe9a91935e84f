using Dapper;
using NUnit.Framework;

namespace Backoffice.Data.Tests;

public sealed class DbConnectionFactoryTests
{
    [Test]
    public async Task The_default_database_is_backoffice_db_in_the_data_folder_which_is_created()
    {
        var folder = Path.Combine(Path.GetTempPath(), "backoffice-data-tests", Guid.NewGuid().ToString("N"), "data");
        var settings = DatabaseSettings.SqliteInDataFolder(folder);
        try
        {
            Assert.That(settings.Provider, Is.EqualTo(DatabaseProvider.Sqlite));
            Assert.That(Directory.Exists(folder), Is.True);
            await using (var connection = await new DbConnectionFactory(settings).OpenAsync(CancellationToken.None))
            {
                Assert.That(File.Exists(Path.Combine(folder, "backoffice.db")), Is.True);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Test]
    public async Task Sqlite_connections_use_WAL_foreign_keys_and_a_busy_timeout()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);

        await using var async = await database.Connections.OpenAsync(CancellationToken.None);
        using var sync = database.Connections.Open();
        foreach (var connection in new[] { async, sync })
        {
            Assert.That(await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"), Is.EqualTo("wal"));
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA foreign_keys"), Is.EqualTo(1));
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA busy_timeout"), Is.EqualTo(DbConnectionFactory.SqliteBusyTimeoutMilliseconds));
            Assert.That(await connection.ExecuteScalarAsync<long>("PRAGMA synchronous"), Is.EqualTo(1), "NORMAL: synced by StoreDurability, not per commit");
        }
    }

    // What a power loss would leave is the database file as synced, without the write-ahead log:
    // before the barrier a commit lives only in the log; after it, in the file.
    [Test]
    public async Task After_the_durability_barrier_every_commit_is_in_the_database_file_itself()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(DatabaseProvider.Sqlite);
        var file = Path.Combine(database.SqliteFolder!, "backoffice.db");
        await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);");
        }

        Assert.That(await RowsInFileAloneAsync(file), Is.Null, "before the barrier the table is only in the log");

        await new StoreDurability(database.Connections).MakeDurableAsync(CancellationToken.None);

        Assert.That(await RowsInFileAloneAsync(file), Is.EqualTo(1));
    }

    /// <summary>Opens a copy of the database file without its log: the rows of t, or null when t is not there.</summary>
    private static async Task<long?> RowsInFileAloneAsync(string file)
    {
        var copy = file + ".alone";
        File.Copy(file, copy, overwrite: true);
        try
        {
            await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={copy};Pooling=False");
            await connection.OpenAsync();
            var exists = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 't'");
            return exists == 0 ? null : await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t");
        }
        finally
        {
            File.Delete(copy);
        }
    }

    [Test]
    public async Task Foreign_keys_are_enforced()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);

        Assert.That(
            () => connection.ExecuteAsync(
                "INSERT INTO message_delivery (message_id, source, original_name, received_at, is_duplicate) VALUES (999, 'inbox', 'x', '2026-01-01 00:00:00', 0)"),
            Throws.InstanceOf<System.Data.Common.DbException>());
    }
}
