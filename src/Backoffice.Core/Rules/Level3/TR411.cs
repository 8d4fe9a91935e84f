using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR411 on TeWijzigenProduct/Omvang: when the allocation it changes is for a specific product
/// (Product/Code filled), the TeWijzigenProduct states the Omvang, also when only the end date
/// changes: it describes the whole desired situation (IV092, whose examples repeat an unchanged
/// Omvang). The counterpart of CD041, with the Product taken from the allocation.
/// </summary>
internal sealed class TR411 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR411",
        "9411",
        "Indien Code in Product bij de toewijzing met ToewijzingNummer gevuld is, dan Omvang verplicht vullen",
        new RuleScope(MessageType.Wmo317, "TeWijzigenProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo317 { Client.Verzoek: not null } vow)
        {
            return;
        }

        foreach (var (line, path, original) in VowAllocations.ToChange(vow, before))
        {
            if (line.Omvang is null && original.Product?.Code is not null)
            {
                report.Add(
                    Definition,
                    path.Child("Omvang"),
                    "TeWijzigenProduct/Omvang is missing while the allocation it changes has a Product/Code (TR411).");
            }
        }
    }
}
