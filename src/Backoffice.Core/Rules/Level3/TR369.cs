using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR369: the approved eurocents on a budget allocation, with this line, stay within its Budget (9369).
/// </summary>
internal sealed class TR369 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR369",
        "9369",
        "Het totaal van GeleverdVolume over alle Prestaties van een toewijzing met een Budget mag het Budget niet overschrijden.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (line.Allocation is { } allocation
            && VolumeLimits.MaximumBudget(allocation.Version, line.Line.Eenheid) is { } budget
            && line.Totals.Euros(line.Line.ToewijzingNummer) + line.Line.GeleverdVolume > budget)
        {
            report.Add(Definition, line.Path.Child("GeleverdVolume"), "With this Prestatie the amount declared on the allocation exceeds its Budget (TR369).");
        }
    }
}
