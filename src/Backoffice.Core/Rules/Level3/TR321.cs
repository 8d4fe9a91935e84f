using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR321: GeleverdVolume fits what the allocation allows for the ProductPeriode, by Eenheid and Frequentie (9321; <see cref="VolumeLimits.MaximumPerLine"/>).
/// </summary>
internal sealed class TR321 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR321",
        "9321",
        "GeleverdVolume moet passen binnen het toegewezen volume voor de ProductPeriode, rekening houdend met Eenheid en Frequentie.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (line.Allocation is { } allocation
            && VolumeLimits.MaximumPerLine(allocation.Version, line.Financing, line.Line.ProductPeriode, line.Line.Eenheid) is { } maximum
            && line.Line.GeleverdVolume > maximum)
        {
            report.Add(Definition, line.Path.Child("GeleverdVolume"), "GeleverdVolume exceeds what the allocation allows for this ProductPeriode (TR321).");
        }
    }
}
