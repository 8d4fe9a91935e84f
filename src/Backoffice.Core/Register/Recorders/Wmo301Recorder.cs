using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Register.Recorders;

/// <summary>
/// An accepted 301 (ours) is the complete current state of the client's allocations at the provider
/// (OP087). Each ToegewezenProduct is recorded as a version with the indication behind it
/// (<see cref="IndicationMatch"/>), unless it is an identical resend of a recorded version (IV013:
/// same number, Toewijzingsdatum and Toewijzingstijd, same content), which changes nothing. A version
/// older than the current one is recorded too and simply does not become current
/// (<see cref="AllocationState.Current"/>, OP080). A product carrying the ReferentieAanbieder of an
/// open request of this client answers it (TR374: a 301 with its reference closes it).
/// </summary>
internal sealed class Wmo301Recorder : IRegisterRecorder
{
    public MessageType Type => MessageType.Wmo301;

    public IReadOnlyList<RegisterChange> Changes(IwmoMessage message, RegisterView before)
    {
        ArgumentNullException.ThrowIfNull(before);
        if (message is not Wmo301 { Client: { } client, Header: { } header })
        {
            return [];
        }

        var (municipality, provider, bsn) = (header.Afzender, header.Ontvanger, client.Gegevens.Bsn);
        var recorded = before.Allocations
            .Where(a => a.Municipality == municipality && a.Provider == provider && a.Bsn == bsn)
            .Select(a => a.Version)
            .ToHashSet();
        var changes = new List<RegisterChange>();
        foreach (var product in client.ToegewezenProducten.Where(p => !recorded.Contains(p)))
        {
            var match = IndicationMatch.Find(municipality, bsn, product, before.Indications, before.Catalogue);
            changes.Add(new AllocationRecorded(municipality, provider, bsn, product, match.Backing, match.Indication));
        }

        changes.AddRange(RequestClosing.By301((Wmo301)message, before));
        return changes;
    }
}
