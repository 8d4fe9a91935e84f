using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR375 on TeWijzigenProduct/Omvang: when the allocation it changes has no Product at all (a budget
/// allocation, CD079) and the TeWijzigenProduct's Einddatum is after 31-12-2020 or empty, it has no
/// Omvang. As in CD080, the Einddatum is that of the class holding the Omvang, here the desired end;
/// "groter dan" is strict. An allocation with a Product but without a Code is TR412's case, so the two
/// never fire on the same line.
/// </summary>
internal sealed class TR375 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR375",
        "9375",
        "Indien Product in de toewijzing met ToewijzingNummer leeg is en Einddatum groter dan 31-12-2020 of leeg is, dan leeg laten.",
        new RuleScope(MessageType.Wmo317, "TeWijzigenProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo317 { Client.Verzoek: not null } vow)
        {
            return;
        }

        foreach (var (line, path, original) in VowAllocations.ToChange(vow, before))
        {
            if (line.Omvang is not null && original.Product is null && VowAllocations.EndsAfter2020(line.Einddatum))
            {
                report.Add(
                    Definition,
                    path.Child("Omvang"),
                    "TeWijzigenProduct/Omvang is filled while the allocation it changes has no Product and Einddatum is empty or after 31-12-2020 (TR375).");
            }
        }
    }
}
