using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR339: a specific or aspecific allocation (with a ProductCategorie) is declared in that category (9339); a generic one (budget only) takes any (IV075).
/// </summary>
internal sealed class TR339 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR339",
        "9339",
        "Indien in de toewijzing een ProductCategorie is opgenomen, moet ProductCategorie in de Prestatie gelijk zijn aan de ProductCategorie in de toewijzing.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (line.Allocation?.Version.Product is { } product && !string.Equals(product.Categorie, line.Line.ProductCategorie, StringComparison.Ordinal))
        {
            report.Add(Definition, line.Path.Child("ProductCategorie"), "ProductCategorie differs from the category of the allocation (TR339).");
        }
    }
}
