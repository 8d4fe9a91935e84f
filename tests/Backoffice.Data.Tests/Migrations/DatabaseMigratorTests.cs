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
        foreach (var table in new[] { "message", "message_content", "message_delivery", "message_finding" })
        {
            Assert.That(
                () => connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}"),
                Throws.Nothing,
                table);
        }
    }
}

public sealed class DatabaseMigratorFailureTests
{
    [Test]
    public void A_failing_sqlite_migration_names_the_provider_but_not_the_connection_string()
    {
        var connectionString = $"Data Source={Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid().ToString("N"), "x.db")};Mode=ReadWrite";

        var failure = Assert.Throws<DatabaseMigrationException>(() =>
            DatabaseMigrator.Migrate(new DatabaseSettings(DatabaseProvider.Sqlite, connectionString)));

        Assert.That(failure!.Message, Does.Contain("Sqlite"));
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
