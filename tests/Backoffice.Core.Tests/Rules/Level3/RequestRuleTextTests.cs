using System.Text.RegularExpressions;
using Backoffice.Core.Rules;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level3;

/// <summary>
/// The request rules of iwmo-3.2.md §8.7 (VOT, VOW, Antwoord) carry what their own rule text says:
/// level 3 (berichtoverstijgend), the Retourcode of its metadata, the definition as text, and exactly
/// the messages of "Gebruik in berichten"; one class per rule, named after its code.
/// </summary>
public sealed partial class RequestRuleTextTests
{
    private static readonly string[] Codes =
    [
        "TR347", "TR349", "TR350", "TR351", "TR355", "TR357", "TR359", "TR360", "TR361", "TR365", "TR373", "TR374", "TR375", "TR411", "TR412",
    ];

    public static IEnumerable<string> RequestRules() => Codes;

    [TestCaseSource(nameof(RequestRules))]
    public void Request_rule_carries_level_retourcode_text_and_messages_of_its_rule_text(string code)
    {
        RepoPaths.RequireReference();
        var rule = RegisterRuleSet.Standard.Rules.Single(r => r.Definition.Code == code);
        var text = File.ReadAllText(Path.Combine(RepoPaths.Reference, "rules-iwmo-3.2", "regels", "technische-regels", "berichtoverstijgend", code + ".md"));

        Assert.That(rule.GetType().Name, Is.EqualTo(code));
        Assert.That(rule.GetType().Namespace, Does.EndWith(".Level3"));
        Assert.That(rule.Definition.Level, Is.EqualTo(3));
        Assert.That(rule.Definition.Retourcode, Is.EqualTo(RetourcodePattern().Match(text).Groups[1].Value));
        Assert.That(Section(text, "## Definitie"), Does.Contain(rule.Definition.Text));
        var messages = MessagePattern().Matches(Section(text, "## Gebruik in berichten")).Select(m => m.Value).Order(StringComparer.Ordinal);
        Assert.That(rule.Definition.Scopes.Select(s => s.Message.Name).Distinct().Order(StringComparer.Ordinal), Is.EqualTo(messages));
    }

    private static string Section(string text, string heading)
    {
        var from = text[(text.IndexOf(heading, StringComparison.Ordinal) + heading.Length)..];
        return from[..from.IndexOf("---", StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"\| Retourcode \| (\w{4}) \|")]
    private static partial Regex RetourcodePattern();

    [GeneratedRegex("WMO[0-9]{3}")]
    private static partial Regex MessagePattern();
}
