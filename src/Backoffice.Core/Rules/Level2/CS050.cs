using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CS050 on Naam/NaamGebruik of the 301 Client and each Relatie: with a Partnernaam only 1, 2, 3
/// or 4; without one only 1 or 6. Read literally, so 5 (pseudoniem) is never accepted; CS318 (no 6
/// for the Client) is a separate rule and not checked here.
/// </summary>
internal sealed class CS050 : IMessageRule
{
    private static readonly string[] WithPartnernaam = ["1", "2", "3", "4"];
    private static readonly string[] WithoutPartnernaam = ["1", "6"];

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS050",
        "Als Partnernaam gevuld is, dan NaamGebruik vullen met waarde 1, 2, 3 of 4. Anders waarde 1 of 6 vullen.",
        new(MessageType.Wmo301, "Client"),
        new(MessageType.Wmo301, "Relatie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo301 m)
        {
            return;
        }

        var client = XmlPath.Bericht.Child("Client");
        Naam(m.Client.Gegevens.Naam, client, report);
        var relaties = client.Child("Relaties");
        for (var i = 0; i < m.Client.Relaties.Count; i++)
        {
            Naam(m.Client.Relaties[i].Gegevens.Naam, relaties.Item("Relatie", i), report);
        }
    }

    private void Naam(VolledigeNaam? naam, XmlPath owner, RuleReport report)
    {
        if (naam is null)
        {
            return;
        }

        var at = owner.Child("Naam").Child("NaamGebruik");
        if (naam.Partnernaam is not null)
        {
            if (!WithPartnernaam.Contains(naam.NaamGebruik, StringComparer.Ordinal))
            {
                report.Add(Definition, at, "NaamGebruik must be 1, 2, 3 or 4 when Partnernaam is filled (CS050).");
            }
        }
        else if (!WithoutPartnernaam.Contains(naam.NaamGebruik, StringComparer.Ordinal))
        {
            report.Add(Definition, at, "NaamGebruik must be 1 or 6 when Partnernaam is empty (CS050).");
        }
    }
}
