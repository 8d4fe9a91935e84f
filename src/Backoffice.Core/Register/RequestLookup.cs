namespace Backoffice.Core.Register;

/// <summary>
/// The requests (VOT lines, VOW) a message is checked against, picked from the register view
/// (pure, no I/O). References are compared exactly: they are the provider's own texts.
/// </summary>
public static class RequestLookup
{
    /// <summary>
    /// The requests of client <paramref name="bsn"/> from <paramref name="provider"/> to
    /// <paramref name="municipality"/> that are still in behandeling: no 301 with their reference and
    /// no 319 "afgewezen" yet; "in onderzoek" is still open (TR374).
    /// </summary>
    public static IReadOnlyList<RecordedRequest> OpenFor(RegisterView view, string municipality, string provider, string bsn)
    {
        ArgumentNullException.ThrowIfNull(view);
        return
        [
            .. view.Requests.Where(r => r.IsOpen
                && string.Equals(r.Bsn, bsn, StringComparison.Ordinal)
                && string.Equals(r.Provider, provider, StringComparison.Ordinal)
                && string.Equals(r.Municipality, municipality, StringComparison.Ordinal)),
        ];
    }

    /// <summary>
    /// Every request of <paramref name="provider"/> carrying <paramref name="reference"/>, in any state
    /// and to any municipality: the provider's references are unique within the legal domain (TR347).
    /// </summary>
    public static IReadOnlyList<RecordedRequest> ByReference(RegisterView view, string provider, string reference)
    {
        ArgumentNullException.ThrowIfNull(view);
        return
        [
            .. view.Requests.Where(r => string.Equals(r.Provider, provider, StringComparison.Ordinal)
                && string.Equals(r.ReferentieAanbieder, reference, StringComparison.Ordinal)),
        ];
    }
}
