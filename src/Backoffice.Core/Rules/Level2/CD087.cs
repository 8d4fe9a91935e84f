using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD087 on Prestatie/ProductTarief of the 323: a line in units other than 83 (euro's) carries its
/// tariff, a line in euro's carries none (its amount is the volume itself, CS339). Both directions
/// are findings. The rule table names only the 323 for this rule, not the 325.
/// </summary>
internal sealed class CD087 : IMessageRule
{
    private const string Euros = "83";

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD087",
        "Als eenheid ongelijk is aan 83 (euro’s) dan verplicht vullen, anders leeg laten.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo323 { Declaratie: { } declaratie }:
                var clienten = XmlPath.Bericht.Child("Declaratie").Child("Clienten");
                for (var c = 0; c < declaratie.Clienten.Count; c++)
                {
                    var prestaties = clienten.Item("Client", c).Child("Prestaties");
                    var lines = declaratie.Clienten[c].Prestaties;
                    for (var p = 0; p < lines.Count; p++)
                    {
                        var at = prestaties.Item("Prestatie", p).Child("ProductTarief");
                        if (lines[p].Eenheid != Euros && lines[p].ProductTarief is null)
                        {
                            report.Add(Definition, at, "Prestatie/ProductTarief is missing while Prestatie/Eenheid is not 83 (euro's) (CD087).");
                        }
                        else if (lines[p].Eenheid == Euros && lines[p].ProductTarief is not null)
                        {
                            report.Add(Definition, at, "Prestatie/ProductTarief is filled while Prestatie/Eenheid is 83 (euro's); it must then be left empty (CD087).");
                        }
                    }
                }

                break;
        }
    }
}
