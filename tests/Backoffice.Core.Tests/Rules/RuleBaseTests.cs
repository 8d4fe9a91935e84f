using System.Text.RegularExpressions;
using Backoffice.Core.Rules;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules;

/// <summary>
/// Each rule is switched on for exactly the messages and classes the rule base names: the CD/CS
/// table (CD_CS_RS_per_dataelement.md) for conditions and constraints, "Gebruik in berichten" of
/// each technical rule's own text for the TRs. And the level-2 set holds only the rules that the
/// official stylesheet checks (iwmo-3.2.md §8.11).
/// </summary>
public sealed partial class RuleBaseTests
{
    /// <summary>The 58 rules of the official iStandaarden stylesheet 2.10.5 (iwmo-3.2.md §8.11).</summary>
    public static readonly string[] StylesheetRules =
    [
        "CD005", "CD007", "CD009", "CD025", "CD034", "CD041", "CD043", "CD060", "CD066", "CD067", "CD068", "CD075",
        "CD076", "CD077", "CD078", "CD079", "CD080", "CD085", "CD086", "CD087", "CD095", "CD096",
        "CS002", "CS003", "CS050", "CS058", "CS089", "CS100", "CS139", "CS325", "CS335", "CS336", "CS337", "CS338",
        "CS339", "CS340", "CS343",
        "TR002", "TR006", "TR018", "TR061", "TR101", "TR134", "TR137", "TR302", "TR315", "TR316", "TR319", "TR335",
        "TR342", "TR352", "TR353", "TR358", "TR380", "TR383", "TR386", "TR410", "TR416",
    ];

    private static string Rules => Path.Combine(RepoPaths.Reference, "rules-iwmo-3.2", "regels");

    [Test]
    public void Level2_holds_exactly_the_58_stylesheet_rules_each_at_level_2_with_0001()
    {
        Assert.That(StylesheetRules, Has.Length.EqualTo(58));
        Assert.That(RuleSet.Level2.Rules.Select(r => r.Definition.Code), Is.EquivalentTo(StylesheetRules));
        foreach (var rule in RuleSet.Level2.Rules)
        {
            Assert.That(StylesheetRules, Does.Contain(rule.Definition.Code));
            Assert.That(rule.Definition.Level, Is.EqualTo(2), rule.Definition.Code);
            Assert.That(rule.Definition.Retourcode, Is.EqualTo("0001"), rule.Definition.Code);
            Assert.That(rule.GetType().Name, Is.EqualTo(rule.Definition.Code), "one file and class per rule, named after its code");
        }
    }

    [Test]
    public void Conditions_and_constraints_are_switched_on_for_exactly_the_classes_of_the_rule_table()
    {
        RepoPaths.RequireReference();
        var table = File.ReadLines(Path.Combine(Rules, "condities-constraints", "CD_CS_RS_per_dataelement.md"))
            .Select(line => line.Split('|').Select(cell => cell.Trim()).ToArray())
            .Where(cells => cells.Length > 11 && CodePattern().IsMatch(cells[8]))
            .Select(cells => (Code: cells[8], Scope: $"{cells[1]}/{cells[2]}"))
            .ToLookup(row => row.Code, row => row.Scope, StringComparer.Ordinal);

        foreach (var rule in RuleSet.Level2.Rules.Where(r => r.Definition.Code.StartsWith('C')))
        {
            var expected = table[rule.Definition.Code].Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            var actual = rule.Definition.Scopes.Select(s => s.ToString()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            Assert.That(actual, Is.EqualTo(expected), rule.Definition.Code);
        }
    }

    [Test]
    public void Technical_rules_are_switched_on_for_exactly_the_messages_their_text_names()
    {
        RepoPaths.RequireReference();
        foreach (var rule in RuleSet.Level2.Rules.Where(r => r.Definition.Code.StartsWith("TR", StringComparison.Ordinal)))
        {
            // TR319 is filed under berichtoverstijgend although the stylesheet checks it in the message (iwmo-3.2.md §8.11).
            var text = File.ReadAllText(Directory.GetFiles(Path.Combine(Rules, "technische-regels"), rule.Definition.Code + ".md", SearchOption.AllDirectories).Single());
            var usage = text[text.IndexOf("## Gebruik in berichten", StringComparison.Ordinal)..];
            usage = usage[..usage.IndexOf("---", StringComparison.Ordinal)];
            var expected = MessagePattern().Matches(usage).Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            var actual = rule.Definition.Scopes.Select(s => s.Message.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            Assert.That(actual, Is.EqualTo(expected), rule.Definition.Code);
        }
    }

    [GeneratedRegex("^C[DS][0-9]{3}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("WMO[0-9]{3}")]
    private static partial Regex MessagePattern();
}
