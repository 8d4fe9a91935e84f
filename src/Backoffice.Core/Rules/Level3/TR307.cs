using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR307: the ProductPeriode starts on or after the allocation's Ingangsdatum (9307).
/// </summary>
internal sealed class TR307 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR307",
        "9307",
        "Begindatum van de ProductPeriode moet op of na de Ingangsdatum van de toewijzing liggen.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (line.Allocation is { } allocation && line.Line.ProductPeriode.Begindatum < allocation.Version.Ingangsdatum)
        {
            report.Add(Definition, line.Path.Child("ProductPeriode").Child("Begindatum"), "ProductPeriode begins before the allocation (TR307).");
        }
    }
}
