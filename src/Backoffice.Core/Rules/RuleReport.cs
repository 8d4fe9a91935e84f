using Backoffice.Core.Validation;

namespace Backoffice.Core.Rules;

/// <summary>
/// Collects the findings of the rules run on one message. A finding names the rule, its level and
/// retourcode, the element path (the same form as level 1: <c>/Bericht/Client[2]/Bsn</c>) and a plain
/// explanation that names elements, never their values: no BSN, no name, no amount of a person.
/// Line and column are filled in afterwards from the raw XML (<see cref="FindingLocator"/>).
/// </summary>
public sealed class RuleReport
{
    private readonly List<Finding> findings = [];

    public IReadOnlyList<Finding> Findings => findings;

    public bool Any => findings.Count > 0;

    public void Add(RuleDefinition rule, XmlPath path, string explanation)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentException.ThrowIfNullOrWhiteSpace(explanation);
        findings.Add(new Finding(rule.Level, rule.Code, rule.Retourcode, path.ToString(), null, null, explanation));
    }
}
