using System.Text.RegularExpressions;
using Backoffice.Core.Rules;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules;

/// <summary>
/// Every level-3 and level-4 rule carries the retourcode of its own text's metadata and is switched
/// on for exactly the messages of its "Gebruik in berichten", one class per rule named after its code.
/// </summary>
public sealed partial class RegisterRuleBaseTests
{
    private static string Rules => Path.Combine(RepoPaths.Reference, "rules-iwmo-3.2", "regels", "technische-regels");

    [Test]
    public void Register_rules_take_retourcode_and_messages_from_their_rule_text()
    {
        RepoPaths.RequireReference();
        Assert.That(RegisterRuleSet.Standard.Rules, Is.Not.Empty);
        foreach (var rule in RegisterRuleSet.Standard.Rules)
        {
            var code = rule.Definition.Code;
            Assert.That(rule.GetType().Name, Is.EqualTo(code), "one file and class per rule, named after its code");
            var text = File.ReadAllText(Directory.GetFiles(Rules, code + ".md", SearchOption.AllDirectories).Single());
            Assert.That(rule.Definition.Retourcode, Is.EqualTo(RetourcodePattern().Match(text).Groups[1].Value), code);

            // TR019's text spells its second message "W<P307".
            var usage = text[text.IndexOf("## Gebruik in berichten", StringComparison.Ordinal)..].Replace("W<P", "WMO", StringComparison.Ordinal);
            usage = usage[..usage.IndexOf("---", StringComparison.Ordinal)];
            var expected = MessagePattern().Matches(usage).Select(m => m.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            var actual = rule.Definition.Scopes.Select(s => s.Message.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            Assert.That(actual, Is.EqualTo(expected), code);
        }
    }

    [Test]
    public void The_start_and_stop_rules_are_all_there_at_level_3() =>
        Assert.That(
            RegisterRuleSet.Standard.Rules.Where(r => r.Definition.Level == 3).Select(r => (r.Definition.Code, r.Definition.Retourcode)),
            Is.SupersetOf(new[]
            {
                ("TR019", "9019"), ("TR063", "9063"), ("TR071", "9071"), ("TR074", "9074"), ("TR326", "9326"),
                ("TR382", "9069"), ("TR413", "9413"), ("TR414", "9414"), ("TR415", "9415"),
            }));

    [GeneratedRegex(@"\|\s*Retourcode\s*\|\s*([0-9A-Z]{4})\s*\|")]
    private static partial Regex RetourcodePattern();

    [GeneratedRegex("WMO[0-9]{3}")]
    private static partial Regex MessagePattern();
}
