using Backoffice.Core.Messages;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD076 on the end date: a product with Omvang/Frequentie 2 (per week) needs an end date
/// (Einddatum; ToewijzingEinddatum in the 315), in the 301 ToegewezenProduct, the 315
/// AangevraagdProduct and the 317 NieuwProduct and TeWijzigenProduct.
/// </summary>
internal sealed class CD076 : IMessageRule
{
    private const string PerWeek = "2";

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD076",
        "Verplicht vullen indien Frequentie waarde 2 (per week)",
        new(MessageType.Wmo301, "ToegewezenProduct"),
        new(MessageType.Wmo315, "AangevraagdProduct"),
        new(MessageType.Wmo317, "NieuwProduct"),
        new(MessageType.Wmo317, "TeWijzigenProduct"));

    public void Check(IwmoMessage message, RuleReport report) => Lines(ProductLines.InScope(message, Definition), report);

    private void Lines(IEnumerable<ProductLine> lines, RuleReport report)
    {
        foreach (var line in lines)
        {
            if (line.Omvang?.Frequentie == PerWeek && line.Einddatum is null)
            {
                report.Add(
                    Definition,
                    line.EinddatumPath,
                    $"{line.Class}/{line.EinddatumElement} is missing while Omvang/Frequentie is 2 (per week) (CD076).");
            }
        }
    }
}
