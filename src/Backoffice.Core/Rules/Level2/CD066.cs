using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD066 on AangevraagdProduct/Verwijzer/Naam of the 315: a care-professional referrer (Type 02
/// huisarts, 03 jeugdarts, 04 gecertificeerde instelling, 05 medisch specialist) named by its
/// ZorgverlenerCode carries no Naam. CD067 is the other half (no code, so a Naam).
/// </summary>
internal sealed class CD066 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD066",
        "Als type verwijzer gelijk is aan 02, 03, 04 of 05 en ZorgverlenerCode is gevuld, dan is Naamverwijzer leeg.",
        new RuleScope(MessageType.Wmo315, "AangevraagdProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo315 { Client: { } client }:
                var list = XmlPath.Bericht.Child("Client").Child("AangevraagdeProducten");
                for (var i = 0; i < client.AangevraagdeProducten.Count; i++)
                {
                    if (client.AangevraagdeProducten[i].Verwijzer is { Type: "02" or "03" or "04" or "05", ZorgverlenerCode: not null, Naam: not null })
                    {
                        report.Add(
                            Definition,
                            list.Item("AangevraagdProduct", i).Child("Verwijzer").Child("Naam"),
                            "Verwijzer/Naam is filled while Verwijzer/Type is 02, 03, 04 or 05 and Verwijzer/ZorgverlenerCode is filled; it must then be left empty (CD066).");
                    }
                }

                break;
        }
    }
}
