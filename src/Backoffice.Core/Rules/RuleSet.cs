using Backoffice.Core.Messages;
using Backoffice.Core.Validation;

namespace Backoffice.Core.Rules;

/// <summary>
/// The rules that run on a message, found by their namespace (one file per rule under
/// <c>Rules/Level2/</c>, named after its code), so adding a rule is adding its file. A rule set
/// runs each rule switched on for the message's type and returns every finding, in rule order.
/// </summary>
public sealed class RuleSet
{
    private readonly IReadOnlyList<IMessageRule> rules;

    public RuleSet(IEnumerable<IMessageRule> rules)
    {
        this.rules = Discovery.ByCode(rules, r => r.Definition, nameof(rules));
    }

    /// <summary>The in-message rules (level 2) of iWmo 3.2: every rule class in <c>Backoffice.Core.Rules.Level2</c>.</summary>
    public static RuleSet Level2 { get; } = new(Discovery.In<IMessageRule>(typeof(RuleSet).Namespace + ".Level2"));

    public IReadOnlyList<IMessageRule> Rules => rules;

    /// <summary>Runs every rule switched on for the message's type.</summary>
    public IReadOnlyList<Finding> Check(IwmoMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var report = new RuleReport();
        foreach (var rule in rules)
        {
            if (rule.Definition.AppliesTo(message.Type))
            {
                rule.Check(message, report);
            }
        }

        return report.Findings;
    }
}
