using System.Security.Cryptography;
using System.Text;
using Backoffice.Data.Migrations;
using Dapper;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Migrations;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class DatabaseMigratorTests(DatabaseProvider provider)
{
    [Test]
    public async Task Migrate_applies_every_script_once_and_a_second_run_applies_nothing()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);

        var first = DatabaseMigrator.Migrate(database.Settings);
        var second = DatabaseMigrator.Migrate(database.Settings);

        Assert.That(first.ScriptsApplied, Is.EqualTo(DatabaseMigrator.ScriptNames(provider)).And.Not.Empty);
        Assert.That(second.ScriptsApplied, Is.Empty);
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        Assert.That(
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM SchemaVersions"),
            Is.EqualTo(first.ScriptsApplied.Count));
        foreach (var table in new[] { "message", "message_content", "message_delivery", "message_finding", "inbox_attempt", "staff_task", "message_answer", "reference_import", "municipality_version", "provider_version", "indication_version", "product_version", "contract_version" })
        {
            Assert.That(
                () => connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"),
                Throws.Nothing,
                table);
        }

        Assert.That(() => connection.ExecuteScalarAsync<long>("SELECT COUNT(lease_until) FROM message"), Throws.Nothing, "message.lease_until");
        Assert.That(() => connection.ExecuteScalarAsync<long>("SELECT COUNT(file_key) FROM message_delivery"), Throws.Nothing, "message_delivery.file_key");
    }

    [Test]
    public async Task A_migration_waits_while_another_process_holds_the_migration_lock()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);
        var holder = DatabaseLock.TryAcquire(database.Settings, DatabaseLock.Migrations, TimeSpan.Zero);
        Assert.That(holder, Is.Not.Null);
        Task<MigrationResult> migrating;
        try
        {
            migrating = Task.Run(() => DatabaseMigrator.Migrate(database.Settings));
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.That(migrating.IsCompleted, Is.False, "it waits for the holder instead of migrating alongside it");
        }
        finally
        {
            holder!.Dispose();
        }

        var result = await migrating.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.That(result.ScriptsApplied, Is.EqualTo(DatabaseMigrator.ScriptNames(provider)));
    }

    [Test]
    public async Task Concurrent_first_migrations_of_a_new_database_take_turns_and_apply_each_script_once()
    {
        await using var database = await TestDatabase.CreateEmptyAsync(provider);

        // Eight first starts on one empty database at once (two services, a CLI run, ...): each on
        // its own thread (the pool would run them one or two at a time on a small machine), all
        // released together.
        using var start = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 8)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.Wait();
                    return DatabaseMigrator.Migrate(database.Settings);
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default))
            .ToList();
        start.Set();
        var results = await Task.WhenAll(runs);

        var scripts = DatabaseMigrator.ScriptNames(provider);
        Assert.That(results.Count(result => result.ScriptsApplied.Count > 0), Is.EqualTo(1), "one run applies, the others find the journal complete");
        Assert.That(results.Single(result => result.ScriptsApplied.Count > 0).ScriptsApplied, Is.EqualTo(scripts));
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var journal = await connection.QueryAsync<string>($"SELECT ScriptName FROM {DatabaseMigrator.JournalTable}");
        Assert.That(journal, Is.EquivalentTo(scripts), "each script journalled exactly once");
    }
}

public sealed class DatabaseMigratorFailureTests
{
    [Test]
    public void A_failing_sqlite_migration_names_the_provider_but_not_the_connection_string()
    {
        var connectionString = $"Data Source={Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "x.db")};Mode=ReadWrite";

        var clock = System.Diagnostics.Stopwatch.StartNew();

        var failure = Assert.Throws<DatabaseMigrationException>(() =>
            DatabaseMigrator.Migrate(new DatabaseSettings(DatabaseProvider.Sqlite, connectionString)));

        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(30)), "fails at once, not after waiting for the migration lock");
        Assert.That(failure!.Message, Does.Contain("Sqlite").And.Not.Contain("Another process"));
        Assert.That(failure.ToString(), Does.Not.Contain(connectionString));
    }

    [Test]
    public void A_failing_sql_server_migration_never_shows_the_connection_string_or_password()
    {
        // Port 1 on loopback refuses at once, so this runs without a SQL Server.
        const string password = "Very-Secret-Pa55word";
        var connectionString = $"Server=tcp:127.0.0.1,1;Database=backoffice;User ID=backoffice;Password={password};Connect Timeout=2;Encrypt=false";

        var failure = Assert.Throws<DatabaseMigrationException>(() =>
            DatabaseMigrator.Migrate(new DatabaseSettings(DatabaseProvider.SqlServer, connectionString)));

        TestContext.Out.WriteLine(failure!.Message);
        Assert.That(failure.Message, Does.Contain("SqlServer"));
        Assert.That(failure.ToString(), Does.Not.Contain(password).And.Not.Contain(connectionString));
    }

    [Test]
    public void Settings_never_print_their_connection_string()
    {
        var settings = new DatabaseSettings(DatabaseProvider.SqlServer, "Server=x;Password=hunter2");

        Assert.That(settings.ToString(), Does.Not.Contain("hunter2"));
    }
}

/// <summary>Forward-only migrations: every number exists for both databases, and a shipped script is never edited.</summary>
public sealed class MigrationScriptTests
{
    // SHA-256 of each shipped script, line endings normalised to LF. Add a line for a new script;
    // never change one: fix a shipped script with a new numbered script instead.
    private static readonly Dictionary<string, string> Shipped = new(StringComparer.Ordinal)
    {
        ["Backoffice.Data.Migrations.Sqlite.0001_message_store.sql"] = "faff0968d9dd46a6e98a32b784c10ce3c470a64f890017a0872bad22eb70086e",
        ["Backoffice.Data.Migrations.SqlServer.0001_message_store.sql"] = "3b0e2b0d72954189688d9f9d88eed703cdcbe15d83430148956c952d04540152",
        ["Backoffice.Data.Migrations.Sqlite.0002_intake_leases_deliveries_tasks.sql"] = "d679cb46c715f4255fc28e6930ba107fbff25776a33278d71e1a64de248e48ae",
        ["Backoffice.Data.Migrations.SqlServer.0002_intake_leases_deliveries_tasks.sql"] = "3f2884a050587a20a4955797706c4984dd1f1f7cf83286b966699925a87f315d",
        ["Backoffice.Data.Migrations.Sqlite.0003_level2_answers.sql"] = "6cf10af6fe5c637ff3214b9d3c3419eba9313e0138ee35e5dcd9f7121fb2580d",
        ["Backoffice.Data.Migrations.SqlServer.0003_level2_answers.sql"] = "b24aeb13a60644b61565e2535f53c4d742a8511d45f5a30a8bca55050effff2e",
        ["Backoffice.Data.Migrations.Sqlite.0004_reference_data.sql"] = "ac371fa8496ec1fb3c2c41b5e8177cb639d281910b61e775e7867fdcedfbba10",
        ["Backoffice.Data.Migrations.SqlServer.0004_reference_data.sql"] = "27c23c47f2259f7a4e865cd2825472b1fadc5bafd812c69a4df26b9d07d8dd62",
        ["Backoffice.Data.Migrations.Sqlite.0005_allocation_register.sql"] = "c5f77ef45a832e38ec38bb79a99907226cf1b620f88f8471771a37d5dd3a2851",
        ["Backoffice.Data.Migrations.SqlServer.0005_allocation_register.sql"] = "99152b480ec418ead57cbeaf8eac4ec4a0adfd11ac6d537be5304b3595fa4742",
        ["Backoffice.Data.Migrations.Sqlite.0006_register_lookups.sql"] = "167aa3a6ac69e95c2f8b7f8c53f349c127e1e91609c103ad6212ea8ca70e6ee2",
        ["Backoffice.Data.Migrations.SqlServer.0006_register_lookups.sql"] = "7415ea95560c5fa2425edb39a1aa8ff99a66e7e1e8d2993a65349ea83f5c10e1",
        ["Backoffice.Data.Migrations.Sqlite.0007_products_contracts.sql"] = "707c90fbc6dc115c0b4fbf8b693bb5731e4a9a0e916b5d846d18ec503510c304",
        ["Backoffice.Data.Migrations.SqlServer.0007_products_contracts.sql"] = "945c290feaf08f8f7e24791ec05d6e643e5fb4d5918c49f59b7691be030c8281",
        ["Backoffice.Data.Migrations.Sqlite.0008_declarations.sql"] = "7246ac3722fedf135f38c9d2425792e0d4f50f7321167dd54a25860a79211893",
        ["Backoffice.Data.Migrations.SqlServer.0008_declarations.sql"] = "a05895f8ed56e122041e2feb81a17b17213fffbc2f8b61f8a4fbb4cc07c0c739",
        ["Backoffice.Data.Migrations.Sqlite.0010_reconciliation_indexes.sql"] = "d942de4607ada11761ea20ee374506a630eb8c7e460b9e9f8f0c653f8c86ec7a",
        ["Backoffice.Data.Migrations.SqlServer.0010_reconciliation_indexes.sql"] = "2df04a21cbd8cd5abb4b7b5b44b010ee1ed49004fb83db0afa5f75e4eb931228",
        ["Backoffice.Data.Migrations.Sqlite.0009_audit_trail.sql"] = "72c7bf51d309d796069f821f84faa781bec34e90eeb26f0143388b3174686378",
        ["Backoffice.Data.Migrations.SqlServer.0009_audit_trail.sql"] = "8a3c76b4e5548a76290ae91749df75a0b0876223e14ecf35177094d830733697",
    };

    [Test]
    public void Both_databases_have_the_same_numbered_scripts()
    {
        var sqlite = DatabaseMigrator.ScriptNames(DatabaseProvider.Sqlite).Select(ShortName).ToList();
        var sqlServer = DatabaseMigrator.ScriptNames(DatabaseProvider.SqlServer).Select(ShortName).ToList();

        Assert.That(sqlite, Is.Not.Empty);
        Assert.That(sqlServer, Is.EqualTo(sqlite));
        Assert.That(sqlite, Has.All.Matches("^[0-9]{4}_[a-z0-9_]+\\.sql$"));
    }

    [Test]
    public void Shipped_scripts_are_never_edited()
    {
        var current = new[] { DatabaseProvider.Sqlite, DatabaseProvider.SqlServer }
            .SelectMany(provider => DatabaseMigrator.ScriptNames(provider))
            .ToDictionary(name => name, name => Hash(ReadResource(name)), StringComparer.Ordinal);

        foreach (var (name, hash) in Shipped)
        {
            Assert.That(current, Does.ContainKey(name), $"shipped script {name} was removed");
            Assert.That(current[name], Is.EqualTo(hash), $"shipped script {name} was edited; add a new numbered script instead");
        }

        var unlisted = current.Keys.Except(Shipped.Keys).Select(name => $"        [\"{name}\"] = \"{current[name]}\",");
        Assert.That(unlisted, Is.Empty, "new scripts: add these lines to Shipped once they are committed");
    }

    internal static string ReadResource(string name)
    {
        using var stream = typeof(DatabaseMigrator).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"resource {name} missing");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string ShortName(string resourceName)
    {
        var withoutExtension = resourceName[..^".sql".Length];
        return withoutExtension[(withoutExtension.LastIndexOf('.') + 1)..] + ".sql";
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))));
}
