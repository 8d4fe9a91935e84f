using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Retours;

/// <summary>What staff decide on an open request (WJ760).</summary>
public enum RequestDecision
{
    /// <summary>VerzoekAntwoord 1, "Verzoek afgewezen": closes the request; a reason from WJ759 is required (CD085).</summary>
    Afgewezen,

    /// <summary>VerzoekAntwoord 2, "Aanvraag in onderzoek": the final answer follows within 8 weeks; no reason (CD086).</summary>
    InOnderzoek,
}

/// <summary>
/// The WMO319 the backoffice builds when staff answer a provider's request (VOT or VOW) without an
/// allocation: from the municipality the request was addressed to, to the provider that sent it,
/// carrying the request's ReferentieAanbieder. It is then checked like any 319 (levels 1 to 4: CD085,
/// CD086, TR355, TR359, TR360, TR361, TR365 ...) and only sent when it passes.
/// </summary>
public static class RequestAnswer
{
    /// <summary>WJ759 Reden afwijzing verzoek, with their meaning.</summary>
    public static IReadOnlyDictionary<string, string> Reasons { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["1"] = "Geen wijziging, maar nieuwe aanvraag",
        ["2"] = "Past niet binnen budget",
        ["3"] = "Geen contract",
        ["4"] = "Past niet binnen contract",
        ["5"] = "Andere gemeente",
        ["6"] = "Stapeling",
        ["7"] = "Zorginhoudelijke afkeur",
        ["8"] = "Woonplaatsbeginsel",
        ["9"] = "Leeftijdsgrens is bereikt",
    };

    /// <summary>
    /// The 319 answering <paramref name="request"/>. <paramref name="reason"/> is a WJ759 code, required
    /// with <see cref="RequestDecision.Afgewezen"/> and not allowed with <see cref="RequestDecision.InOnderzoek"/>.
    /// </summary>
    public static Wmo319 For(RecordedRequest request, RequestDecision decision, string? reason, AnswerIdentity identity, SchemaCatalogue schemas)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(schemas);
        if (decision == RequestDecision.Afgewezen && (reason is null || !Reasons.ContainsKey(reason)))
        {
            throw new ArgumentException($"A request turned down needs a reason from WJ759: one of {string.Join(", ", Reasons.Keys)} (CD085).", nameof(reason));
        }

        if (decision == RequestDecision.InOnderzoek && reason is not null)
        {
            throw new ArgumentException("A request in onderzoek takes no reason of rejection (CD086).", nameof(reason));
        }

        var header = new Header(
            request.Municipality,
            request.Provider,
            new BerichtIdentificatie(identity.Identificatie, identity.Dagtekening),
            Level2Answer.VersionsOf(MessageType.Wmo319, schemas));
        return new Wmo319(header, new Antwoord(request.ReferentieAanbieder, decision == RequestDecision.Afgewezen ? "1" : "2", reason));
    }
}
