using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR308: the ProductPeriode ends on or before the allocation's Einddatum, when it has one (9308).
/// </summary>
internal sealed class TR308 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR308",
        "9308",
        "Einddatum van de ProductPeriode moet op of voor de Einddatum van de toewijzing liggen.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (line.Allocation?.Version.Einddatum is { } end && line.Line.ProductPeriode.Einddatum > end)
        {
            report.Add(Definition, line.Path.Child("ProductPeriode").Child("Einddatum"), "ProductPeriode ends after the allocation (TR308).");
        }
    }
}
