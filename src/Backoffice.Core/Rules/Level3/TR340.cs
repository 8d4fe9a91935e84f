using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR340: a specific allocation (with a ProductCode) is declared under that code (9340); an aspecific one takes any code of its category (IV075).
/// </summary>
internal sealed class TR340 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR340",
        "9340",
        "Indien in de toewijzing een ProductCode is opgenomen, moet ProductCode in de Prestatie gelijk zijn aan de ProductCode in de toewijzing.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (line.Allocation?.Version.Product is { Code: { } code } && !string.Equals(code, line.Line.ProductCode, StringComparison.Ordinal))
        {
            report.Add(Definition, line.Path.Child("ProductCode"), "ProductCode differs from the code of the allocation (TR340).");
        }
    }
}
