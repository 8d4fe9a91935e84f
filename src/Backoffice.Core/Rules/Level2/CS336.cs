using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>CS336: RedenWijziging 01 (Administratieve correctie (vervallen)) is no longer used; 14 replaces it.</summary>
internal sealed class CS336 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS336",
        "01 (Administratieve correctie (vervallen)) niet gebruiken",
        new RuleScope(MessageType.Wmo301, "ToegewezenProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo301 m)
        {
            return;
        }

        var producten = XmlPath.Bericht.Child("Client").Child("ToegewezenProducten");
        for (var i = 0; i < m.Client.ToegewezenProducten.Count; i++)
        {
            if (m.Client.ToegewezenProducten[i].RedenWijziging == "01")
            {
                report.Add(
                    Definition,
                    producten.Item("ToegewezenProduct", i).Child("RedenWijziging"),
                    "RedenWijziging 01 (Administratieve correctie (vervallen)) must not be used (CS336).");
            }
        }
    }
}
