using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CS002: "De waarde moet voldoen aan de 11-proef." on Client/Bsn (CD_CS_RS_per_dataelement). The
/// BSN 11-proef: 9 digits d1..d9 with 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11 (the last
/// weight is -1, which is what distinguishes it from the bank-account proef).
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
                var clienten = XmlPath.Bericht.Child("Declaratie").Child("Clienten");
                for (var i = 0; i < m.Declaratie.Clienten.Count; i++)
                {
                    Bsn(m.Declaratie.Clienten[i].Bsn, clienten.Item("Client", i), report);
                }

                break;
            case Wmo325 { DeclaratieAntwoord: { } antwoord }:
                var antwoordClienten = XmlPath.Bericht.Child("DeclaratieAntwoord").Child("Clienten");
                for (var i = 0; i < antwoord.Clienten.Count; i++)
                {
                    Bsn(antwoord.Clienten[i].Bsn, antwoordClienten.Item("Client", i), report);
                }

                break;
        }
    }

    /// <summary>The 11-proef itself; the XSD already holds the value to 9 digits.</summary>
    public static bool PassesElfProef(string bsn)
    {
        if (bsn is not { Length: 9 } || !bsn.All(char.IsAsciiDigit))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * (bsn[i] - '0');
        }

        sum -= bsn[8] - '0';
        return sum % 11 == 0;
    }

    private void Bsn(string bsn, XmlPath client, RuleReport report)
    {
        if (!PassesElfProef(bsn))
        {
            report.Add(Definition, client.Child("Bsn"), "Bsn does not pass the 11-proef (CS002).");
        }
    }
}
