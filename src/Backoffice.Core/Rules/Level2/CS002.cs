using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CS002: "De waarde moet voldoen aan de 11-proef." on Client/Bsn (CD_CS_RS_per_dataelement). The
/// BSN 11-proef itself lives in <see cref="Standard.Bsn"/>, shared with the indication import.
/// </summary>
internal sealed class CS002 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS002",
        "De waarde moet voldoen aan de 11-proef.",
        new(MessageType.Wmo301, "Client"),
        new(MessageType.Wmo305, "Client"),
        new(MessageType.Wmo307, "Client"),
        new(MessageType.Wmo315, "Client"),
        new(MessageType.Wmo317, "Client"),
        new(MessageType.Wmo323, "Client"),
        new(MessageType.Wmo325, "Client"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        var client = XmlPath.Bericht.Child("Client");
        switch (message)
        {
            case Wmo301 m:
                Bsn(m.Client.Gegevens.Bsn, client, report);
                break;
            case Wmo305 m:
                Bsn(m.Client.Gegevens.Bsn, client, report);
                break;
            case Wmo307 m:
                Bsn(m.Client.Gegevens.Bsn, client, report);
                break;
            case Wmo315 m:
                Bsn(m.Client.Gegevens.Bsn, client, report);
                break;
            case Wmo317 m:
                Bsn(m.Client.Bsn, client, report);
                break;
            case Wmo323 m:
                for (var i = 0; i < m.Declaratie.Clienten.Count; i++)
                {
                    if (!PassesElfProef(m.Declaratie.Clienten[i].Bsn))
                    {
                        Report(DeclaratieLines.ClientPath(antwoord: false, i), report);
                    }
                }

                break;
            case Wmo325 { DeclaratieAntwoord: { } antwoord }:
                for (var i = 0; i < antwoord.Clienten.Count; i++)
                {
                    if (!PassesElfProef(antwoord.Clienten[i].Bsn))
                    {
                        Report(DeclaratieLines.ClientPath(antwoord: true, i), report);
                    }
                }

                break;
        }
    }

    /// <summary>The 11-proef itself (<see cref="Standard.Bsn"/>); the XSD already holds the value to 9 digits.</summary>
    public static bool PassesElfProef(string bsn) => Standard.Bsn.PassesElfProef(bsn);

    private void Bsn(string bsn, XmlPath client, RuleReport report)
    {
        if (!PassesElfProef(bsn))
        {
            Report(client, report);
        }
    }

    private void Report(XmlPath client, RuleReport report) => report.Add(Definition, client.Child("Bsn"), "Bsn does not pass the 11-proef (CS002).");
}
