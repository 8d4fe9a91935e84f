using System.Text.RegularExpressions;
using Backoffice.Core.Rules;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules;

/// <summary>
/// The level-3 and level-4 rules say what the rule base says: a technical rule has the retourcode of
/// its own text, the level of the folder it is filed in (berichtoverstijgend 3, externe bron 4) and
/// is switched on for exactly the messages of its "Gebruik in berichten". A bedrijfsregel or
/// invulinstructie has no retourcode of its own; the one it carries must at least be a code of WJ001.
/// </summary>
public sealed partial class RegisterRuleBaseTests
{
    private static string Rules => Path.Combine(RepoPaths.Reference, "rules-iwmo-3.2", "regels");

    [Test]
    public void Each_register_rule_is_one_class_named_after_its_code_at_level_3_or_4()
    {
        Assert.That(RegisterRuleSet.Standard.Rules, Is.Not.Empty);
        foreach (var rule in RegisterRuleSet.Standard.Rules)
        {
            Assert.That(rule.GetType().Name, Is.EqualTo(rule.Definition.Code));
            var expectedNamespace = rule.Definition.Level == 3 ? "Backoffice.Core.Rules.Level3" : "Backoffice.Core.Rules.Level4";
            Assert.That(rule.GetType().Namespace, Is.EqualTo(expectedNamespace), rule.Definition.Code);
        }
    }

    [Test]
    public void Technical_register_rules_have_the_retourcode_level_and_messages_of_their_text()
    {
        RepoPaths.RequireReference();
        foreach (var rule in RegisterRuleSet.Standard.Rules.Where(r => r.Definition.Code.StartsWith("TR", StringComparison.Ordinal)))
        {
            var file = Directory.GetFiles(Path.Combine(Rules, "technische-regels"), rule.Definition.Code + ".md", SearchOption.AllDirectories).Single();
            var text = File.ReadAllText(file);
            Assert.That(RetourcodeRow().Match(text).Groups[1].Value, Is.EqualTo(rule.Definition.Retourcode), rule.Definition.Code);
            var folder = Path.GetFileName(Path.GetDirectoryName(file));
            Assert.That(rule.Definition.Level, Is.EqualTo(folder == "externe-bron" ? 4 : 3), rule.Definition.Code + " in " + folder);

            // TR019's text spells its second message "W<P307".
            var usage = text[text.IndexOf("## Gebruik in berichten", StringComparison.Ordinal)..].Replace("W<P", "WMO", StringComparison.Ordinal);
            usage = usage[..usage.IndexOf("---", StringComparison.Ordinal)];
            var expected = MessagePattern().Matches(usage).Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            var actual = rule.Definition.Scopes.Select(s => s.Message.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            Assert.That(actual, Is.EqualTo(expected), rule.Definition.Code);
        }
    }

    [Test]
    public void Every_register_rule_of_the_lifecycle_messages_is_there_with_its_code() =>
        Assert.That(
            RegisterRuleSet.Standard.Rules.Select(r => (r.Definition.Code, r.Definition.Retourcode)),
            Is.SupersetOf(new[]
            {
                ("TR019", "9019"), ("TR063", "9063"), ("TR071", "9071"), ("TR074", "9074"), ("TR326", "9326"),
                ("TR382", "9069"), ("TR413", "9413"), ("TR414", "9414"), ("TR415", "9415"),
                ("TR374", "9374"), ("TR347", "9347"), ("TR349", "9349"), ("TR350", "9350"), ("TR351", "9351"),
                ("TR357", "9357"), ("TR373", "9373"), ("TR375", "9375"), ("TR411", "9411"), ("TR412", "9412"),
                ("TR361", "9361"), ("TR355", "9355"), ("TR359", "9359"), ("TR360", "9360"), ("TR365", "9365"),
                ("TR332", "9332"), ("TR379", "9379"), ("TR056", "9056"), ("TR135", "8848"), ("TR378", "S300"),
            }));

    [Test]
    public void Rules_without_a_retourcode_of_their_own_carry_a_code_of_WJ001()
    {
        RepoPaths.RequireReference();
        var codes = File.ReadLines(Path.Combine(RepoPaths.Reference, "rules-iwmo-3.2", "codelijsten", "WJ001_Retourcode.md"))
            .Select(line => CodeRow().Match(line))
            .Where(m => m.Success)
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var rule in RegisterRuleSet.Standard.Rules.Where(r => !r.Definition.Code.StartsWith("TR", StringComparison.Ordinal)))
        {
            Assert.That(codes, Does.Contain(rule.Definition.Retourcode), rule.Definition.Code);
        }
    }

    [GeneratedRegex(@"\| Retourcode \| ([0-9A-Z]{4}) \|")]
    private static partial Regex RetourcodeRow();

    [GeneratedRegex(@"^\| ([0-9A-Z]{4}) \|")]
    private static partial Regex CodeRow();

    [GeneratedRegex("WMO[0-9]{3}")]
    private static partial Regex MessagePattern();
}
