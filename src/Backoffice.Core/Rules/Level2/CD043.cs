using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD043 on AangevraagdProduct/BeschikkingIngangsdatum of the 315: it goes with BeschikkingNummer,
/// both ways. A BeschikkingNummer without the date is a finding, and so is the date without a
/// BeschikkingNummer ("anders leeg laten").
/// </summary>
internal sealed class CD043 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD043",
        "Indien Beschikkingnummer gevuld is, verplicht vullen, anders leeg laten.",
        new RuleScope(MessageType.Wmo315, "AangevraagdProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo315 { Client: { } client }:
                var list = XmlPath.Bericht.Child("Client").Child("AangevraagdeProducten");
                for (var i = 0; i < client.AangevraagdeProducten.Count; i++)
                {
                    var product = client.AangevraagdeProducten[i];
                    var at = list.Item("AangevraagdProduct", i).Child("BeschikkingIngangsdatum");
                    if (product.BeschikkingNummer is not null && product.BeschikkingIngangsdatum is null)
                    {
                        report.Add(Definition, at, "AangevraagdProduct/BeschikkingIngangsdatum is missing while BeschikkingNummer is filled (CD043).");
                    }
                    else if (product.BeschikkingNummer is null && product.BeschikkingIngangsdatum is not null)
                    {
                        report.Add(
                            Definition,
                            at,
                            "AangevraagdProduct/BeschikkingIngangsdatum is filled while BeschikkingNummer is empty; it must then be left empty (CD043).");
                    }
                }

                break;
        }
    }
}
