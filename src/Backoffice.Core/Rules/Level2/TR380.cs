using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR380: a date later than the message's Dagtekening; the day itself is too early. The text names
/// no element; the official stylesheet applies it to NieuwProduct/GewensteIngangsdatum only (a
/// TeWijzigenProduct may start on or before the Dagtekening, see TR357), and so do we. The
/// reference sample WMO317.xml fails it: its new product starts on the message date (iwmo-3.2.md §8.11).
/// </summary>
internal sealed class TR380 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR380",
        "Vullen met een datum die groter is dan de dagtekening van het bericht.",
        new RuleScope(MessageType.Wmo317, "NieuwProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo317 { Client.Verzoek: { } verzoek, Header.BerichtIdentificatie: { } identificatie })
        {
            return;
        }

        var parent = XmlPath.Bericht.Child("Client").Child("Verzoek").Child("NieuweProducten");
        for (var i = 0; i < verzoek.NieuweProducten.Count; i++)
        {
            if (verzoek.NieuweProducten[i].GewensteIngangsdatum <= identificatie.Dagtekening)
            {
                report.Add(
                    Definition,
                    parent.Item("NieuwProduct", i).Child("GewensteIngangsdatum"),
                    "GewensteIngangsdatum of the NieuwProduct is not later than the Dagtekening of the message (TR380).");
            }
        }
    }
}
