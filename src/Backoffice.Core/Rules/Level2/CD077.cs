using Backoffice.Core.Messages;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD077 on Omvang: a product with a Budget has no Omvang, in the 301 ToegewezenProduct, the 315
/// AangevraagdProduct and the 317 NieuwProduct and TeWijzigenProduct. It is the mirror of CD078
/// (Budget empty when Omvang is filled), so the two always fire together, each on its own element
/// (iwmo-3.2.md §8.11).
/// </summary>
internal sealed class CD077 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD077",
        "Indien Budget gevuld is, dan leeg laten",
        new(MessageType.Wmo301, "ToegewezenProduct"),
        new(MessageType.Wmo315, "AangevraagdProduct"),
        new(MessageType.Wmo317, "NieuwProduct"),
        new(MessageType.Wmo317, "TeWijzigenProduct"));

    public void Check(IwmoMessage message, RuleReport report) => Lines(ProductLines.InScope(message, Definition), report);

    private void Lines(IEnumerable<ProductLine> lines, RuleReport report)
    {
        foreach (var line in lines)
        {
            if (line.Budget is not null && line.Omvang is not null)
            {
                report.Add(Definition, line.Path.Child("Omvang"), $"{line.Class}/Omvang is filled while {line.Class}/Budget is filled; it must then be left empty (CD077).");
            }
        }
    }
}
