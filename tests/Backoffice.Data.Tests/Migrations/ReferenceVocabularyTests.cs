using System.Text.RegularExpressions;
using Backoffice.Core.Reference;
using Backoffice.Data.Migrations;
using Backoffice.Data.Reference;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Migrations;

/// <summary>
/// The words of the reference kinds, indication statuses and financing forms are defined once
/// (<see cref="ReferenceWords"/>), the catalogue's code lists too (<see cref="CatalogueCodes"/>);
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

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.SqlServer)]
    public void The_financing_check_allows_exactly_the_financing_forms(DatabaseProvider provider) =>
        Assert.That(Allowed(provider, FinancingCheck()), Is.EquivalentTo(ReferenceWords.FinancingForms.Select(ReferenceWords.Of)));

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.SqlServer)]
    public void The_eenheid_and_frequentie_checks_allow_exactly_the_code_lists(DatabaseProvider provider)
    {
        Assert.That(Allowed(provider, EenheidCheck()), Is.EquivalentTo(CatalogueCodes.Eenheden), "WJ756");
        Assert.That(Allowed(provider, FrequentieCheck()), Is.EquivalentTo(CatalogueCodes.Frequenties), "WMO757");
    }

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

    [GeneratedRegex(@"\bfinancing\s+IN\s*\(([^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex FinancingCheck();

    [GeneratedRegex(@"\beenheid\s+IN\s*\(([^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex EenheidCheck();

    [GeneratedRegex(@"\bfrequentie\s+IN\s*\(([^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex FrequentieCheck();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
