using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR351: the ToewijzingNummer of each TeWijzigenProduct is that of a current allocation of the
/// client at this provider (<see cref="VowAllocations"/>: valid on or after the Dagtekening, not
/// deleted). A product for a new period after an allocation has ended is a NieuwProduct (IV092). The
/// finding is on the TeWijzigenProduct's ToewijzingNummer.
/// </summary>
internal sealed class TR351 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR351",
        "9351",
        "Ieder TeWijzigenProduct in een verzoek om wijziging is gerelateerd aan een actueel ToegewezenProduct op basis van ToewijzingNummer.",
        new RuleScope(MessageType.Wmo317, "TeWijzigenProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo317 { Client.Verzoek: { TeWijzigenProducten.IsEmpty: false } verzoek } vow)
        {
            return;
        }

        var current = VowAllocations.Current(vow, before);
        var list = XmlPath.Bericht.Child("Client").Child("Verzoek").Child("TeWijzigenProducten");
        for (var i = 0; i < verzoek.TeWijzigenProducten.Count; i++)
        {
            if (!current.ContainsKey(verzoek.TeWijzigenProducten[i].ToewijzingNummer))
            {
                report.Add(
                    Definition,
                    list.Item("TeWijzigenProduct", i).Child("ToewijzingNummer"),
                    "TeWijzigenProduct/ToewijzingNummer is not that of a current allocation of the client at this provider (TR351).");
            }
        }
    }
}
