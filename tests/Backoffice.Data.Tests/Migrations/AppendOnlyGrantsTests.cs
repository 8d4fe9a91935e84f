using System.Text.RegularExpressions;
using Backoffice.Data.Migrations;
using Backoffice.TestSupport;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Migrations;

/// <summary>
/// On SQL Server the append-only tables are guarded twice: by the migrations' triggers and by the
/// DENY that deploy/sqlserver/provision.sql gives the runtime role. These tests hold the two
/// together (every table with an append-only trigger is in the provisioning script's list) and make
/// sure the ScriptDom parse test sees the audit trail's scripts.
/// </summary>
public sealed partial class AppendOnlyGrantsTests
{
    private static string Provision => Path.Combine(RepoPaths.Root, "deploy", "sqlserver", "provision.sql");

    [Test]
    public void The_T_SQL_parse_test_covers_the_audit_trail_migration_and_the_provisioning_script()
    {
        var names = DatabaseMigrator.ScriptNames(DatabaseProvider.SqlServer);
        Assert.That(names, Does.Contain("Backoffice.Data.Migrations.SqlServer.0009_audit_trail.sql"), "TSqlScriptsParseTests parses every name listed here");
        Assert.That(DatabaseMigrator.ScriptNames(DatabaseProvider.Sqlite), Does.Contain("Backoffice.Data.Migrations.Sqlite.0009_audit_trail.sql"));
        Assert.That(File.Exists(Provision), Is.True, "TSqlScriptsParseTests parses every *.sql under deploy/sqlserver");

        var fragment = Parse(MigrationScriptTests.ReadResource("Backoffice.Data.Migrations.SqlServer.0009_audit_trail.sql"));
        var triggers = fragment.Batches.SelectMany(b => b.Statements).OfType<CreateTriggerStatement>().Select(t => t.Name.BaseIdentifier.Value).ToList();
        Assert.That(triggers, Is.EquivalentTo(new[] { "tr_audit_event_append_only", "tr_message_content_append_only", "tr_message_delivery_append_only" }));
    }

    [Test]
    public void Provisioning_denies_update_and_delete_on_every_append_only_table_to_the_runtime_role()
    {
        var guarded = DatabaseMigrator.ScriptNames(DatabaseProvider.SqlServer)
            .Select(MigrationScriptTests.ReadResource)
            .SelectMany(script => AppendOnlyTrigger().Matches(script))
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        Assert.That(guarded, Is.SupersetOf(new[] { "audit_event", "message_content", "message_delivery", "declaration", "prestatie_verdict", "payment_ledger" }));

        var fragment = Parse(File.ReadAllText(Provision));
        var listed = fragment.Batches.SelectMany(b => b.Statements)
            .OfType<InsertStatement>()
            .Where(i => i.InsertSpecification.Target is VariableTableReference { Variable.Name: "@appendOnly" })
            .SelectMany(i => ((ValuesInsertSource)i.InsertSpecification.InsertSource).RowValues)
            .Select(row => ((StringLiteral)row.ColumnValues.Single()).Value)
            .ToList();
        Assert.That(listed, Is.EquivalentTo(guarded), "provision.sql denies exactly the tables the triggers guard");

        // The statement the script builds for each table is a DENY of UPDATE and DELETE to backoffice_runtime.
        var template = Regex.Match(File.ReadAllText(Provision), @"N'(DENY [^']+)' \+ QUOTENAME\(@table\) \+ N'([^']+)'");
        Assert.That(template.Success, Is.True, "the DENY statement is built from the list");
        foreach (var table in listed)
        {
            var deny = Parse(template.Groups[1].Value + "[" + table + "]" + template.Groups[2].Value).Batches.Single().Statements.OfType<DenyStatement>().Single();
            Assert.That(deny.Permissions.SelectMany(p => p.Identifiers).Select(i => i.Value.ToUpperInvariant()), Is.EquivalentTo(new[] { "UPDATE", "DELETE" }));
            Assert.That(deny.SecurityTargetObject.ObjectName.MultiPartIdentifier.Identifiers.Select(i => i.Value), Is.EqualTo(new[] { "dbo", table }));
            Assert.That(deny.Principals.Single().Identifier.Value, Is.EqualTo("backoffice_runtime"));
        }
    }

    private static TSqlScript Parse(string text)
    {
        var parser = new TSql170Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(text);
        var fragment = (TSqlScript)parser.Parse(reader, out var errors);
        Assert.That(errors, Is.Empty, string.Join("; ", errors.Select(e => $"({e.Line},{e.Column}) {e.Message}")));
        return fragment;
    }

    [GeneratedRegex(@"CREATE TRIGGER dbo\.tr_[a-z_]+_append_only ON dbo\.([a-z_]+) AFTER UPDATE, DELETE")]
    private static partial Regex AppendOnlyTrigger();
}
