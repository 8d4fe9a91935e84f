using Backoffice.Core.Messages;

namespace Backoffice.Core.Rules;

/// <summary>
/// One rule of the standard as one small unit (style habit 5): it carries its definition and checks
/// one message, adding a finding for every place that breaks it. Bad input is a finding, never an
/// exception. A rule reads the message it is given and nothing else (level 2); the levels 3 and 4
/// get their earlier messages and registers through a context of their own.
/// </summary>
public interface IMessageRule
{
    RuleDefinition Definition { get; }

    /// <summary>Checks <paramref name="message"/>; called only for the message types in <see cref="RuleDefinition.Scopes"/>.</summary>
    void Check(IwmoMessage message, RuleReport report);
}
