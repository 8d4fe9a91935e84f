using Backoffice.Core.Messages;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Register.Recorders;

/// <summary>
/// An accepted 305 records every StartProduct line as sent, deletions (StatusAanlevering 3) too:
/// the register keeps the lines and <see cref="CareState"/> folds them. The provider sends the 305 to
/// the municipality, so Afzender is the provider and Ontvanger the municipality. Lines are recorded
/// in the order the rules applied them, deletions first (<see cref="CareState.InApplyOrder{T}"/>).
/// </summary>
internal sealed class Wmo305Recorder : IRegisterRecorder
{
    public MessageType Type => MessageType.Wmo305;

    public IReadOnlyList<RegisterChange> Changes(IwmoMessage message, RegisterView before)
    {
        if (message is not Wmo305 m)
        {
            throw new ArgumentException($"The WMO305 recorder was handed a {message?.Type.Name}.", nameof(message));
        }

        return
        [
            .. CareState.InApplyOrder(m.Client.StartProducten, l => l.StatusAanlevering)
                .Select(x => new StartRecorded(m.Header.Ontvanger, m.Header.Afzender, m.Client.Gegevens.Bsn, x.Line)),
        ];
    }
}
