using Backoffice.Core.Messages;
using Backoffice.Core.Register;
using Backoffice.Core.Validation;

namespace Backoffice.Core.Rules;

/// <summary>
/// The level-3 and level-4 rules, found by their namespaces (<c>Rules/Level3/</c>, <c>Rules/Level4/</c>,
/// one file per rule named after its code), run on a message that passed level 2 against the
/// register as it was before the message.
/// </summary>
public sealed class RegisterRuleSet
{
    private readonly IReadOnlyList<IRegisterRule> rules;

    public RegisterRuleSet(IEnumerable<IRegisterRule> rules)
    {
        this.rules = Discovery.ByCode(rules, r => r.Definition, nameof(rules));

        var wrongLevel = this.rules.FirstOrDefault(r => r.Definition.Level is not (3 or 4));
        if (wrongLevel is not null)
        {
            throw new ArgumentException($"Rule {wrongLevel.Definition.Code} is not a level-3 or level-4 rule.", nameof(rules));
        }
    }

    /// <summary>Every level-3 and level-4 rule of iWmo 3.2 in this assembly.</summary>
    public static RegisterRuleSet Standard { get; } = new(
        Discovery.In<IRegisterRule>(typeof(RegisterRuleSet).Namespace + ".Level3").Concat(Discovery.In<IRegisterRule>(typeof(RegisterRuleSet).Namespace + ".Level4")));

    public IReadOnlyList<IRegisterRule> Rules => rules;

    /// <summary>Runs every rule switched on for the message's type, in rule order.</summary>
    public IReadOnlyList<Finding> Check(IwmoMessage message, RegisterView register)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(register);
        var report = new RuleReport();
        foreach (var rule in rules)
        {
            if (rule.Definition.AppliesTo(message.Type))
            {
                rule.Check(message, register, report);
            }
        }

        return report.Findings;
    }
}
