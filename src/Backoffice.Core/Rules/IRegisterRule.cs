using Backoffice.Core.Messages;
using Backoffice.Core.Register;

namespace Backoffice.Core.Rules;

/// <summary>
/// A rule of level 3 (against earlier messages) or level 4 (external sources: the system date, the
/// CBS and AGB lists, contracts), iwmo-3.2.md §8.1. Like a level-2 rule it is one small unit with
/// its definition, but it also sees what the register knew before the message. Each finding it adds
/// goes on the class where the error is (the path of that class or an element of it) and carries the
/// rule's own retourcode.
/// </summary>
public interface IRegisterRule
{
    RuleDefinition Definition { get; }

    /// <summary>Checks <paramref name="message"/> against the register as it was <paramref name="before"/> the message; called only for the types in the definition's scopes.</summary>
    void Check(IwmoMessage message, RegisterView before, RuleReport report);
}
