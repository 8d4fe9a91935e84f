using Backoffice.Core.Messages;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD079 on Product: a product without Budget needs a Product (only a generic allocation, one with
/// just a Budget, goes without; IV075), in the 301 ToegewezenProduct, the 315 AangevraagdProduct
/// and the 317 NieuwProduct. A TeWijzigenProduct has no Product element and is not in the table.
/// </summary>
internal sealed class CD079 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD079",
        "Indien Budget leeg is, dan verplicht vullen",
        new(MessageType.Wmo301, "ToegewezenProduct"),
        new(MessageType.Wmo315, "AangevraagdProduct"),
        new(MessageType.Wmo317, "NieuwProduct"));

    public void Check(IwmoMessage message, RuleReport report) => Lines(ProductLines.InScope(message, Definition), report);

    private void Lines(IEnumerable<ProductLine> lines, RuleReport report)
    {
        foreach (var line in lines)
        {
            if (line.Budget is null && line.Product is null)
            {
                report.Add(Definition, line.Path.Child("Product"), $"{line.Class}/Product is missing while {line.Class}/Budget is empty (CD079).");
            }
        }
    }
}
