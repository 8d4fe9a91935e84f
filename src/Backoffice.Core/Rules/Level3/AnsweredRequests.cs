using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// The requests our own 319 answers: those of its Ontvanger (the provider) to its Afzender (the
/// municipality) with its ReferentieAanbieder. What earlier answers there were follows from their
/// state: Allocated means a 301 carried the reference, Rejected a 319 "afgewezen", and a date
/// "in onderzoek" an earlier 319 with VerzoekAntwoord 2. TR355, TR359, TR360 and TR365 read them here.
/// </summary>
internal static class AnsweredRequests
{
    /// <summary>VerzoekAntwoord 2, "Aanvraag in onderzoek" (WJ760); 1 is "Verzoek afgewezen".</summary>
    public const string InOnderzoek = "2";

    public static IReadOnlyList<RecordedRequest> Of(Wmo319 message, RegisterView before)
    {
        var key = RegisterKey.For(message);
        return
        [
            .. RequestLookup.ByReference(before, key.Provider, message.Antwoord.ReferentieAanbieder)
                .Where(r => string.Equals(r.Municipality, key.Municipality, StringComparison.Ordinal)),
        ];
    }

    /// <summary>An earlier 319 was sent for the request: "afgewezen" closed it, or "in onderzoek" was recorded on it.</summary>
    public static bool HasEarlier319(RecordedRequest request) =>
        request.State is RequestState.Rejected or RequestState.InOnderzoek || request.InOnderzoekOn is not null;
}
