using System.Text.RegularExpressions;
using Backoffice.Data.Migrations;
using Backoffice.Data.Reference;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Migrations;

/// <summary>
/// The words of the reference kinds and indication statuses are defined once (<see cref="ReferenceWords"/>);
/// the CHECK constraints of the migrations must allow exactly those, on both databases.
/// </summary>
public sealed partial class ReferenceVocabularyTests
{
    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.SqlServer)]
    public void The_status_check_allows_exactly_the_indication_statuses(DatabaseProvider provider) =>
        Assert.That(Allowed(provider, StatusCheck()), Is.EquivalentTo(ReferenceWords.Statuses.Select(ReferenceWords.Of)));

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.SqlServer)]
    public void The_kind_check_allows_exactly_the_reference_kinds(DatabaseProvider provider) =>
        Assert.That(Allowed(provider, KindCheck()), Is.EquivalentTo(ReferenceWords.Kinds.Select(ReferenceWords.Of)));

    private static IEnumerable<string> Allowed(DatabaseProvider provider, Regex check)
    {
        var allowed = DatabaseMigrator.ScriptNames(provider)
            .Select(MigrationScriptTests.ReadResource)
            .SelectMany(script => check.Matches(script))
            .Select(m => m.Groups[1].Value)
            .LastOrDefault();
        Assert.That(allowed, Is.Not.Null, $"a CHECK matching {check} exists");
        return Quoted().Matches(allowed!).Select(m => m.Groups[1].Value);
    }

    [GeneratedRegex(@"\bstatus\s+IN\s*\(([^)]*'active'[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex StatusCheck();

    [GeneratedRegex(@"\bkind\s+IN\s*\(([^)]*'municipalities'[^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex KindCheck();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
