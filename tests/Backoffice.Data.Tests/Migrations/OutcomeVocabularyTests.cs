using System.Text.RegularExpressions;
using Backoffice.Core.Standard;
using Backoffice.Data.Migrations;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Migrations;

/// <summary>
/// The outcome words are defined once (Core's <see cref="Outcomes"/>); the CHECK constraints that
/// the migrations put on message.outcome must allow exactly those, on both databases.
/// </summary>
public sealed partial class OutcomeVocabularyTests
{
    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.SqlServer)]
    public void The_outcome_check_constraint_allows_exactly_the_outcome_vocabulary(DatabaseProvider provider)
    {
        var allowed = DatabaseMigrator.ScriptNames(provider)
            .Select(MigrationScriptTests.ReadResource)
            .SelectMany(script => OutcomeCheck().Matches(script))
            .Select(m => m.Groups[1].Value)
            .LastOrDefault();

        Assert.That(allowed, Is.Not.Null, "a CHECK on outcome exists");
        var words = Quoted().Matches(allowed!).Select(m => m.Groups[1].Value);
        Assert.That(words, Is.EquivalentTo(Outcomes.All));
    }

    [GeneratedRegex(@"outcome\s+IN\s*\(([^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex OutcomeCheck();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
