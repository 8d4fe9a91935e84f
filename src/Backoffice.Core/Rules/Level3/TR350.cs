using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR350: the ToewijzingNummer of each OngewijzigdProduct is that of a current allocation of the
/// client at this provider (<see cref="VowAllocations"/>: valid on or after the Dagtekening, not
/// deleted). A number of another client's allocation, or of one that has ended, does not count. The
/// finding is on the OngewijzigdProduct's ToewijzingNummer.
/// </summary>
internal sealed class TR350 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR350",
        "9350",
        "Ieder OngewijzigdProduct in een verzoek om wijziging bericht is gerelateerd aan een actueel toegewezen product op basis van het ToewijzingNummer.",
        new RuleScope(MessageType.Wmo317, "OngewijzigdProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo317 { Client.Verzoek: { OngewijzigdeProducten.IsEmpty: false } verzoek } vow)
        {
            return;
        }

        var current = VowAllocations.Current(vow, before);
        var list = XmlPath.Bericht.Child("Client").Child("Verzoek").Child("OngewijzigdeProducten");
        for (var i = 0; i < verzoek.OngewijzigdeProducten.Count; i++)
        {
            if (!current.ContainsKey(verzoek.OngewijzigdeProducten[i].ToewijzingNummer))
            {
                report.Add(
                    Definition,
                    list.Item("OngewijzigdProduct", i).Child("ToewijzingNummer"),
                    "OngewijzigdProduct/ToewijzingNummer is not that of a current allocation of the client at this provider (TR350).");
            }
        }
    }
}
