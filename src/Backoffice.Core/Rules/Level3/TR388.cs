using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR388: the ProductPeriode ends on the last day of its month, or on the allocation's Einddatum when that lies earlier in the month (9388).
/// </summary>
internal sealed class TR388 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR388",
        "9388",
        "De Einddatum van een ProductPeriode is altijd de laatste dag van de kalendermaand waarop de ProductPeriode betrekking heeft tenzij de Einddatum van de toewijzing eerder in de betreffende maand ligt.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        var end = line.Line.ProductPeriode.Einddatum;
        if (end.Day != DateTime.DaysInMonth(end.Year, end.Month) && line.Allocation?.Version.Einddatum != end)
        {
            report.Add(Definition, line.Path.Child("ProductPeriode").Child("Einddatum"), "ProductPeriode ends neither on the last day of the month nor on the allocation's Einddatum (TR388).");
        }
    }
}
