using Backoffice.Data.Migrations;
using Backoffice.TestSupport;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Migrations;

/// <summary>
/// Every T-SQL script we ship must parse, even on a machine without SQL Server: the embedded
/// SQL Server migrations and the operators' provisioning scripts in deploy/sqlserver.
/// </summary>
public sealed class TSqlScriptsParseTests
{
    [Test]
    public void Every_T_SQL_script_in_the_repository_parses_without_errors()
    {
        var scripts = new List<(string Name, string Text)>();
        scripts.AddRange(DatabaseMigrator.ScriptNames(DatabaseProvider.SqlServer)
            .Select(name => (name, MigrationScriptTests.ReadResource(name))));
        var deployFolder = Path.Combine(RepoPaths.Root, "deploy", "sqlserver");
        var deployScripts = Directory.Exists(deployFolder)
            ? Directory.GetFiles(deployFolder, "*.sql", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList()
            : [];
        scripts.AddRange(deployScripts.Select(path => (Path.GetRelativePath(RepoPaths.Root, path), File.ReadAllText(path))));

        // No silent pass: both kinds must have been found.
        Assert.That(DatabaseMigrator.ScriptNames(DatabaseProvider.SqlServer), Is.Not.Empty, "no embedded SQL Server migrations found");
        Assert.That(deployScripts, Is.Not.Empty, $"no provisioning scripts found in {deployFolder}");

        var errors = new List<string>();
        foreach (var (name, text) in scripts)
        {
            var parser = new TSql170Parser(initialQuotedIdentifiers: true);
            using var reader = new StringReader(text);
            parser.Parse(reader, out var parseErrors);
            errors.AddRange(parseErrors.Select(e => $"{name}({e.Line},{e.Column}): {e.Number} {e.Message}"));
        }

        TestContext.Out.WriteLine($"parsed {scripts.Count} scripts: {string.Join(", ", scripts.Select(s => s.Name))}");
        Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
    }
}
