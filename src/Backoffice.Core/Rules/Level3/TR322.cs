using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR322: the approved volume on the allocation, with this line, stays within what it allows over its whole period (9322; <see cref="VolumeLimits.MaximumCumulative"/>), counted in 60ths of its unit so minutes and hours add up.
/// </summary>
internal sealed class TR322 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR322",
        "9322",
        "Het totaal van GeleverdVolume over alle Prestaties van een toewijzing mag het totaal toegewezen volume niet overschrijden.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (line.Allocation is { } allocation
            && VolumeLimits.MaximumCumulative(allocation.Version, line.Financing, line.Line.Eenheid) is { } maximum)
        {
            var sixtieths = PrestatieWalk.Sixtieths(allocation, line.Line);
            if (line.Totals.Volume(line.Line.ToewijzingNummer) + (line.Line.GeleverdVolume * sixtieths) > maximum * sixtieths)
            {
                report.Add(Definition, line.Path.Child("GeleverdVolume"), "With this Prestatie the volume declared on the allocation exceeds its total (TR322).");
            }
        }
    }
}
