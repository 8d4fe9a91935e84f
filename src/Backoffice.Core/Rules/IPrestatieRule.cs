using Backoffice.Core.Declarations;

namespace Backoffice.Core.Rules;

/// <summary>
/// A level-3 or level-4 rule on one Prestatie of a WMO323 (iwmo-3.2.md §8.2, §8.3). Like an
/// <see cref="IRegisterRule"/> it is one small unit with its definition, one file per rule under
/// <c>Rules/Level3/</c> or <c>Rules/Level4/</c>; unlike one it sees a single line with what it was
/// matched to (allocation, contract, catalogue product, the debit a credit names) and the approved
/// totals before it, because each line's verdict depends on the lines approved before it in the
/// order of OP366 (<see cref="PrestatieWalk"/>). Its finding goes on the line's path with the
/// rule's own retourcode.
/// </summary>
public interface IPrestatieRule
{
    RuleDefinition Definition { get; }

    /// <summary>False for rules a credit line is exempt from: a credit only undoes an approved debit and may be refused on technical grounds only (IV085).</summary>
    bool AppliesToCredits { get; }

    void Check(PrestatieContext line, RuleReport report);
}
