using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD067 on AangevraagdProduct/Verwijzer/Naam of the 315: a care-professional referrer (Type 02,
/// 03, 04 or 05) without a ZorgverlenerCode must be named. CD066 is the other half (a code, so no Naam).
/// </summary>
internal sealed class CD067 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD067",
        "Als type verwijzer gelijk is aan 02, 03, 04 of 05 en ZorgverlenerCode is leeg, dan is Naamverwijzer gevuld.",
        new RuleScope(MessageType.Wmo315, "AangevraagdProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo315 { Client: { } client }:
                var list = XmlPath.Bericht.Child("Client").Child("AangevraagdeProducten");
                for (var i = 0; i < client.AangevraagdeProducten.Count; i++)
                {
                    if (client.AangevraagdeProducten[i].Verwijzer is { Type: "02" or "03" or "04" or "05", ZorgverlenerCode: null, Naam: null })
                    {
                        report.Add(
                            Definition,
                            list.Item("AangevraagdProduct", i).Child("Verwijzer").Child("Naam"),
                            "Verwijzer/Naam is missing while Verwijzer/Type is 02, 03, 04 or 05 and Verwijzer/ZorgverlenerCode is empty (CD067).");
                    }
                }

                break;
        }
    }
}
