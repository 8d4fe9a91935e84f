using Backoffice.Core.Messages;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Register.Recorders;

/// <summary>
/// An accepted 307 records every StopProduct line as sent, deletions (StatusAanlevering 3) too:
/// the register keeps the lines and <see cref="CareState"/> folds them. Afzender is the provider,
/// Ontvanger the municipality. Lines are recorded in the order the rules applied them, deletions
/// first (<see cref="CareState.InApplyOrder{T}"/>).
/// </summary>
internal sealed class Wmo307Recorder : IRegisterRecorder
{
    public MessageType Type => MessageType.Wmo307;

    public IReadOnlyList<RegisterChange> Changes(IwmoMessage message, RegisterView before)
    {
        if (message is not Wmo307 m)
        {
            throw new ArgumentException($"The WMO307 recorder was handed a {message?.Type.Name}.", nameof(message));
        }

        return
        [
            .. CareState.InApplyOrder(m.Client.StopProducten, l => l.StatusAanlevering)
                .Select(x => new StopRecorded(m.Header.Ontvanger, m.Header.Afzender, m.Client.Gegevens.Bsn, x.Line)),
        ];
    }
}
