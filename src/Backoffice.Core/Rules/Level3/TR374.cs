using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR374: a provider sends a request for a client only when no request of it for that client is in
/// behandeling: a request stays open until a 301 with its reference or a 319 "afgewezen" (an answer
/// "in onderzoek" keeps it open; <see cref="RequestLookup.OpenFor"/>). A VOT is open while any of its
/// lines is. Read per municipality: the request is open at the municipality it was sent to. A
/// re-sent VOT or VOW meets its own first copy and is rejected here (FAQ). The finding is on the
/// class that holds the request: the Client of a 315 (the VOT as a whole), the Verzoek of a 317.
/// </summary>
internal sealed class TR374 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR374",
        "9374",
        "Een verzoek mag alleen worden verstuurd als er geen onderhanden verzoek is voor de betreffende client van dezelfde aanbieder.",
        new RuleScope(MessageType.Wmo315, "Client"),
        new RuleScope(MessageType.Wmo317, "Verzoek"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        var (bsn, path) = message switch
        {
            Wmo315 { Client: { } client } => (client.Gegevens.Bsn, XmlPath.Bericht.Child("Client")),
            Wmo317 { Client: { } client } => (client.Bsn, XmlPath.Bericht.Child("Client").Child("Verzoek")),
            _ => (null, default),
        };
        if (bsn is null)
        {
            return;
        }

        var key = RegisterKey.For(message);
        if (RequestLookup.OpenFor(before, key.Municipality, key.Provider, bsn).Count > 0)
        {
            report.Add(Definition, path, "An earlier request (VOT or VOW) of this provider for the client is still in behandeling: no 301 with its ReferentieAanbieder and no 319 afgewezen yet (TR374).");
        }
    }
}
