using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Register.Recorders;

/// <summary>
/// Our own 319, once it passed its checks and is sent, answers the request with its
/// ReferentieAanbieder: VerzoekAntwoord 1 ("Verzoek afgewezen", WJ760) closes it as Rejected, 2
/// ("Aanvraag in onderzoek") marks it InOnderzoek, still open (TR374). The XSD allows no other code.
/// </summary>
internal sealed class Wmo319Recorder : IRegisterRecorder
{
    public MessageType Type => MessageType.Wmo319;

    public IReadOnlyList<RegisterChange> Changes(IwmoMessage message, RegisterView before)
    {
        if (message is not Wmo319 { Antwoord: { } antwoord } answer)
        {
            return [];
        }

        RequestState? state = antwoord.VerzoekAntwoord switch
        {
            "1" => RequestState.Rejected,
            "2" => RequestState.InOnderzoek,
            _ => null,
        };
        return state is { } answered
            ? [new RequestAnswered(RegisterKey.For(answer).Provider, antwoord.ReferentieAanbieder, answered)]
            : [];
    }
}
