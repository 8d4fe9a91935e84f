using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR412 on TeWijzigenProduct/Omvang: when the allocation it changes is aspecific (a Product with a
/// Categorie but no Code) and the TeWijzigenProduct's Einddatum is after 31-12-2020 or empty, it has
/// no Omvang. The counterpart of CD080, with the Product taken from the allocation and the Einddatum
/// that of the TeWijzigenProduct (the desired end); "groter dan" is strict. An allocation without any
/// Product is TR375's case, so the two never fire on the same line.
/// </summary>
internal sealed class TR412 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR412",
        "9412",
        "Indien Code in Product bij de toewijzing met ToewijzingNummer leeg is en einddatum groter dan 31-12-2020 of leeg is, dan leeg laten",
        new RuleScope(MessageType.Wmo317, "TeWijzigenProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo317 { Client.Verzoek: not null } vow)
        {
            return;
        }

        foreach (var (line, path, original) in VowAllocations.ToChange(vow, before))
        {
            if (line.Omvang is not null && original.Product is { Code: null } && VowAllocations.EndsAfter2020(line.Einddatum))
            {
                report.Add(
                    Definition,
                    path.Child("Omvang"),
                    "TeWijzigenProduct/Omvang is filled while the allocation it changes has no Product/Code and Einddatum is empty or after 31-12-2020 (TR412).");
            }
        }
    }
}
