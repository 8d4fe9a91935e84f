using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Register.Recorders;

/// <summary>
/// An accepted VOT opens one request per AangevraagdProduct, keyed by its ReferentieAanbieder: a VOT
/// is answered per product (OP344), so each line is closed on its own by a 301 or a 319. The request
/// date is the VOT's Dagtekening, from which the 8-week term runs.
/// </summary>
internal sealed class Wmo315Recorder : IRegisterRecorder
{
    public MessageType Type => MessageType.Wmo315;

    public IReadOnlyList<RegisterChange> Changes(IwmoMessage message, RegisterView before)
    {
        if (message is not Wmo315 { Client: { } client } vot)
        {
            return [];
        }

        var key = RegisterKey.For(vot);
        var dagtekening = vot.Header.BerichtIdentificatie.Dagtekening;
        return
        [
            .. client.AangevraagdeProducten.Select(p =>
                new RequestOpened(RequestKind.Vot, key.Municipality, key.Provider, client.Gegevens.Bsn, p.ReferentieAanbieder, dagtekening)),
        ];
    }
}
