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
        ArgumentNullException.ThrowIfNull(rules);
        this.rules = [.. rules.OrderBy(r => r.Definition.Code, StringComparer.Ordinal)];
        var twice = this.rules.GroupBy(r => r.Definition.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new ArgumentException($"Rule {twice.Key} is defined more than once.", nameof(rules));
        }

        var wrongLevel = this.rules.FirstOrDefault(r => r.Definition.Level is not (3 or 4));
        if (wrongLevel is not null)
        {
            throw new ArgumentException($"Rule {wrongLevel.Definition.Code} is not a level-3 or level-4 rule.", nameof(rules));
        }
    }

    /// <summary>Every level-3 and level-4 rule of iWmo 3.2 in this assembly.</summary>
    public static RegisterRuleSet Standard { get; } = new(
        Discover(typeof(RegisterRuleSet).Namespace + ".Level3").Concat(Discover(typeof(RegisterRuleSet).Namespace + ".Level4")));

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

    private static IEnumerable<IRegisterRule> Discover(string ns) =>
        typeof(RegisterRuleSet).Assembly.GetTypes()
            .Where(t => t.Namespace == ns && t is { IsAbstract: false, IsClass: true } && typeof(IRegisterRule).IsAssignableFrom(t))
            .Select(t => (IRegisterRule)Activator.CreateInstance(t, nonPublic: true)!);
}
