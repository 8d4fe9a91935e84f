using Backoffice.Core.Reference;
using Backoffice.Data.Steering;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Steering;

/// <summary>
/// SQL Server cannot run here, so every statement of the steering report, as the SQL Server
/// dialect builds it, is at least parsed by ScriptDom (as the migrations are), with the keys of every
/// figure and the lists of the demo catalogue's 36 arrangement codes.
/// </summary>
public sealed class SteeringStatementsParseTests
{
    [Test]
    public void Every_statement_parses_as_T_SQL()
    {
        var store = new SteeringReportStore(new DbConnectionFactory(new DatabaseSettings(DatabaseProvider.SqlServer, "Server=unused;Database=unused")));
        var codes = ArrangementModel.All.SelectMany(m =>
            from w in m.Weights from s in m.Supports from i in m.Intensities select $"{m.Prefix}-{w}-{s}-{i}").ToList();

        var statements = store.Statements(codes).ToList();

        Assert.That(statements, Has.Count.EqualTo(15));
        Assert.That(statements, Has.Some.Contains("OPENJSON(@municipalities)").And.Some.Contains("DATEADD(day, 1, CONVERT(date, e.einddatum, 23))"), "the SQL Server dialect's parts");
        var errors = new List<string>();
        foreach (var (sql, n) in statements.Select((s, n) => (s, n)))
        {
            var parser = new TSql170Parser(initialQuotedIdentifiers: true);
            using var reader = new StringReader(sql);
            parser.Parse(reader, out var parseErrors);
            errors.AddRange(parseErrors.Select(e => $"statement {n} ({e.Line},{e.Column}): {e.Number} {e.Message}"));
        }

        Assert.That(errors, Is.Empty, string.Join(Environment.NewLine, errors));
    }
}
