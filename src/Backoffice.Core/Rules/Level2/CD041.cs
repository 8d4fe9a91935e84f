using Backoffice.Core.Messages;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD041 on Omvang: a specific product (Product/Code filled) needs an Omvang, in the 301
/// ToegewezenProduct, the 315 AangevraagdProduct and the 317 NieuwProduct. Without a code the rule
/// asks nothing (CD080, CD095 and CD096 say when Omvang must then be empty).
/// </summary>
internal sealed class CD041 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD041",
        "Indien Code in Product gevuld is, verplicht vullen.",
        new(MessageType.Wmo301, "ToegewezenProduct"),
        new(MessageType.Wmo315, "AangevraagdProduct"),
        new(MessageType.Wmo317, "NieuwProduct"));

    public void Check(IwmoMessage message, RuleReport report) => Lines(ProductLines.InScope(message, Definition), report);

    private void Lines(IEnumerable<ProductLine> lines, RuleReport report)
    {
        foreach (var line in lines)
        {
            if (line.Product?.Code is not null && line.Omvang is null)
            {
                report.Add(Definition, line.Path.Child("Omvang"), $"{line.Class}/Omvang is missing while Product/Code is filled (CD041).");
            }
        }
    }
}
