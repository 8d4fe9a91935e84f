using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD068 on AangevraagdProduct/Verwijzer/ZorgverlenerCode of the 315: only a care-professional
/// referrer (Type 02, 03, 04 or 05) has an AGB code; for any other Type (01 gemeente, 06
/// zelfverwijzer, 08 rechter) the ZorgverlenerCode is empty.
/// </summary>
internal sealed class CD068 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD068",
        "Als type verwijzer ongelijk is aan 02, 03, 04 of 05, dan is ZorgverlenerCode leeg.",
        new RuleScope(MessageType.Wmo315, "AangevraagdProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo315 { Client: { } client }:
                var list = XmlPath.Bericht.Child("Client").Child("AangevraagdeProducten");
                for (var i = 0; i < client.AangevraagdeProducten.Count; i++)
                {
                    if (client.AangevraagdeProducten[i].Verwijzer is { Type: not ("02" or "03" or "04" or "05"), ZorgverlenerCode: not null })
                    {
                        report.Add(
                            Definition,
                            list.Item("AangevraagdProduct", i).Child("Verwijzer").Child("ZorgverlenerCode"),
                            "Verwijzer/ZorgverlenerCode is filled while Verwijzer/Type is not 02, 03, 04 or 05; it must then be left empty (CD068).");
                    }
                }

                break;
        }
    }
}
