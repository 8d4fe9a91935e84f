using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR341: the Eenheid fits the allocation's (equal, or minutes on an hours allocation, IV081): 9341. An allocation without Omvang (aspecific or generic with a budget) leaves it to the contract: the contract line's unit, else Euro's for a budget.
/// </summary>
internal sealed class TR341 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR341",
        "9341",
        "Eenheid in Prestatie moet passen bij Eenheid in het ToegewezenProduct.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        var allocation = line.Allocation?.Version;
        var unit = allocation?.Omvang?.Eenheid ?? line.Contract?.Eenheid ?? (allocation?.Budget is not null ? Reference.CatalogueCodes.Euros : null);
        if (unit is not null && VolumeLimits.UnitFactor(unit, line.Line.Eenheid) is null)
        {
            report.Add(Definition, line.Path.Child("Eenheid"), "Eenheid does not fit the unit of the allocation or its contract (TR341).");
        }
    }
}
