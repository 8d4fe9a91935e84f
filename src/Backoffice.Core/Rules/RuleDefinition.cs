using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules;

/// <summary>Where a rule is switched on: one message type and the class (berichtklasse) it checks.</summary>
public sealed record RuleScope(MessageType Message, string Class)
{
    public override string ToString() => $"{Message.Name}/{Class}";
}

/// <summary>
/// What the standard says about one rule: its code (CD005, CS002, TR358), the check level (2 = in
/// one message; 3 = against earlier messages; 4 = external sources, iwmo-3.2.md §8.1), the retourcode
/// it produces and exactly the messages and classes the rule base switches it on for.
/// </summary>
public sealed record RuleDefinition(string Code, int Level, string Retourcode, IReadOnlyList<RuleScope> Scopes, string Text)
{
    /// <summary>Level-2 rules all answer 0001: the retour holds only the header (iwmo-3.2.md §8.1).</summary>
    public const string Level2Retourcode = "0001";

    public static RuleDefinition Level2(string code, string text, params RuleScope[] scopes) =>
        new(code, 2, Level2Retourcode, scopes, text);

    /// <summary>A rule checked against earlier messages, with its own retourcode on the class where the error is.</summary>
    public static RuleDefinition Level3(string code, string retourcode, string text, params RuleScope[] scopes) =>
        new(code, 3, retourcode, scopes, text);

    /// <summary>A rule checked against an external source (system date, CBS or AGB list, contract).</summary>
    public static RuleDefinition Level4(string code, string retourcode, string text, params RuleScope[] scopes) =>
        new(code, 4, retourcode, scopes, text);

    /// <summary>True when the rule is switched on for <paramref name="message"/>.</summary>
    public bool AppliesTo(MessageType message) => Scopes.Any(s => s.Message == message);
}
