using Backoffice.Core.Messages.Toewijzing;

namespace Backoffice.Core.Register.Recorders;

/// <summary>
/// How an accepted 301 closes requests, for the 301's recorder to add to its changes: a
/// ToegewezenProduct carrying a ReferentieAanbieder answers the VOT line or VOW with that reference
/// (TR374, IV097). After a VOW every product carries its reference (IV093), so each reference closes
/// once.
/// </summary>
public static class RequestClosing
{
    /// <summary>
    /// One Allocated answer per distinct ReferentieAanbieder in <paramref name="message"/> that names a
    /// request of this client from its Ontvanger (the provider) to its Afzender (the municipality) still open
    /// <paramref name="before"/> it. A reference of no open request closes nothing (TR379 rejects an
    /// unknown one; a request already closed stays as it is).
    /// </summary>
    public static IReadOnlyList<RequestAnswered> By301(Wmo301 message, RegisterView before)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(before);
        var key = RegisterKey.For(message);
        return
        [
            .. message.Client.ToegewezenProducten
                .Select(p => p.ReferentieAanbieder)
                .OfType<string>()
                .Distinct(StringComparer.Ordinal)
                .Where(reference => RequestLookup.ByReference(before, key.Provider, reference)
                    .Any(r => r.IsOpen && string.Equals(r.Municipality, key.Municipality, StringComparison.Ordinal) && string.Equals(r.Bsn, key.Bsn, StringComparison.Ordinal)))
                .Select(reference => new RequestAnswered(key.Provider, reference, RequestState.Allocated)),
        ];
    }
}
