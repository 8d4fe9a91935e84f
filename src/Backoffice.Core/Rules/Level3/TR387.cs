using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR387: the ProductPeriode begins on day 1 of its month, or on the allocation's Ingangsdatum when that lies later in the month (9387).
/// </summary>
internal sealed class TR387 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR387",
        "9387",
        "De Begindatum van een ProductPeriode is altijd de eerste dag van de kalendermaand waarop de ProductPeriode betrekking heeft tenzij de Ingangsdatum van de toewijzing later in de betreffende maand ligt.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        var begin = line.Line.ProductPeriode.Begindatum;
        if (begin.Day != 1 && line.Allocation?.Version.Ingangsdatum != begin)
        {
            report.Add(Definition, line.Path.Child("ProductPeriode").Child("Begindatum"), "ProductPeriode begins neither on the first day of the month nor on the allocation's Ingangsdatum (TR387).");
        }
    }
}
