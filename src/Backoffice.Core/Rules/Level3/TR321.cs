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

    /// <remarks>
    /// For an outputgericht allocation per maand a month only partly inside the allocation is
    /// paid as the municipality and the provider agreed (IV078): where the agreement (the contract
    /// line, or the municipality's regional rules, <see cref="RegionalRules.PaysBrokenMonth"/>)
    /// does not pay it, that month allows nothing, so its line gets this rule's 9321: what the
    /// allocation allows for that ProductPeriode under the agreement is exceeded.
    /// </remarks>
    public void Check(PrestatieContext line, RuleReport report)
    {
        if (line.Allocation is not { } allocation
            || VolumeLimits.MaximumPerLine(allocation.Version, line.Financing, line.Line.ProductPeriode, line.Line.Eenheid) is not { } maximum)
        {
            return;
        }

        if (maximum > 0
            && VolumeLimits.StartsBrokenMonth(allocation.Version, line.Financing, line.Line.ProductPeriode) is { } starts
            && !line.History.Regional.PaysBrokenMonth(starts, line.Contract))
        {
            report.Add(
                Definition,
                line.Path.Child("GeleverdVolume"),
                $"The allocation covers this month only in part and the agreement ({line.History.Regional.Name}) does not pay a broken month (TR321, IV078).");
        }
        else if (line.Line.GeleverdVolume > maximum)
        {
            report.Add(Definition, line.Path.Child("GeleverdVolume"), "GeleverdVolume exceeds what the allocation allows for this ProductPeriode (TR321).");
        }
    }
}
