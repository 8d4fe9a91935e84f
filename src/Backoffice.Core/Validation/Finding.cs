namespace Backoffice.Core.Validation;

/// <summary>
/// One thing wrong with a message, precise enough for staff to find it: the check level of the
/// standard (1 = XSD/technical, 2 = in-message rules, 3/4 = cross-message and external; iwmo-3.2.md
/// §8.1), the rule code where one applies (TR338, OP179), the retourcode it would produce, and where
/// in the XML it sits. Messages never quote element values, so no BSN or name ends up in a finding.
/// </summary>
public sealed record Finding(
    int Level,
    string? Rule,
    string? Retourcode,
    string? Path,
    int? Line,
    int? Column,
    string Message);
