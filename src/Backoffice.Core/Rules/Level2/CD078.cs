using Backoffice.Core.Messages;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD078 on Budget: a product with an Omvang has no Budget, in the 301 ToegewezenProduct, the 315
/// AangevraagdProduct and the 317 NieuwProduct and TeWijzigenProduct. It is the mirror of CD077
/// (Omvang empty when Budget is filled), so the two always fire together, each on its own element
/// (iwmo-3.2.md §8.11).
/// </summary>
internal sealed class CD078 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD078",
        "Indien Omvang gevuld is, dan leeg laten",
        new(MessageType.Wmo301, "ToegewezenProduct"),
        new(MessageType.Wmo315, "AangevraagdProduct"),
        new(MessageType.Wmo317, "NieuwProduct"),
        new(MessageType.Wmo317, "TeWijzigenProduct"));

    public void Check(IwmoMessage message, RuleReport report) => Lines(ProductLines.InScope(message, Definition), report);

    private void Lines(IEnumerable<ProductLine> lines, RuleReport report)
    {
        foreach (var line in lines)
        {
            if (line.Omvang is not null && line.Budget is not null)
            {
                report.Add(Definition, line.Path.Child("Budget"), $"{line.Class}/Budget is filled while {line.Class}/Omvang is filled; it must then be left empty (CD078).");
            }
        }
    }
}
