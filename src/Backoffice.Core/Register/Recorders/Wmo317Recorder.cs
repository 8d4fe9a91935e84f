using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Register.Recorders;

/// <summary>
/// An accepted VOW opens one request under the Verzoek's ReferentieAanbieder: a VOW is answered as a
/// whole (OP344). The request date is the VOW's Dagtekening, from which the 8-week term runs.
/// </summary>
internal sealed class Wmo317Recorder : IRegisterRecorder
{
    public MessageType Type => MessageType.Wmo317;

    public IReadOnlyList<RegisterChange> Changes(IwmoMessage message, RegisterView before)
    {
        if (message is not Wmo317 { Client: { } client } vow)
        {
            return [];
        }

        var key = RegisterKey.For(vow);
        return [new RequestOpened(RequestKind.Vow, key.Municipality, key.Provider, client.Bsn, client.Verzoek.ReferentieAanbieder, vow.Header.BerichtIdentificatie.Dagtekening)];
    }
}
