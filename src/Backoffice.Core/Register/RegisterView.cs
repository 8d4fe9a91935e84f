using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;

namespace Backoffice.Core.Register;

/// <summary>
/// Everything the register knew before one message, as the level-3 and level-4 rules of that
/// message see it: loaded by the data layer for the message's parties and client (see
/// <see cref="RegisterKey"/>), pure data, so every rule is a pure function of the message and this
/// view and can be tested without a database. Lists are in the order the register recorded them.
/// </summary>
/// <param name="ProcessingDate">The receiver's system date (TR135, deadlines).</param>
/// <param name="Parties">Whether we serve the municipality and know the provider (level 4).</param>
/// <param name="IdentificationUsed">An earlier message of this type from this sender carried the same BerichtIdentificatie (TR056).</param>
/// <param name="Allocations">Every recorded version of the client's allocations at this provider, plus every version in this municipality carrying one of the message's ToewijzingNummers (TR332).</param>
/// <param name="Starts">Every recorded StartProduct line (status 1 and 3) of the client at this provider.</param>
/// <param name="Stops">Every recorded StopProduct line (status 1 and 3) of the client at this provider.</param>
/// <param name="Requests">The client's requests (VOT lines, VOW) at this provider, plus every request of this provider with one of the message's references (TR347, TR355).</param>
/// <param name="Indications">The current indication versions of the client in this municipality.</param>
public sealed record RegisterView(
    DateOnly ProcessingDate,
    PartyView Parties,
    bool IdentificationUsed,
    IReadOnlyList<RecordedAllocation> Allocations,
    IReadOnlyList<RecordedStart> Starts,
    IReadOnlyList<RecordedStop> Stops,
    IReadOnlyList<RecordedRequest> Requests,
    IReadOnlyList<Indication> Indications)
{
    /// <summary>
    /// For a provider's retour (302, 320): whether the 301 or 319 it answers is one this backoffice
    /// sent (stored from the municipality, checked and sent on). True for every other message.
    /// </summary>
    public bool AnswersSentMessage { get; init; } = true;

    /// <summary>For a 301 whose client has an indication for an arrangement: the catalogue's products, which name each arrangement's product code.</summary>
    public IReadOnlyList<Reference.CatalogueProduct> Catalogue { get; init; } = [];

    /// <summary>For a 301: the ToewijzingNummers it names that carry approved debits no approved credit undid (TR385).</summary>
    public IReadOnlySet<int> DeclaredAllocations { get; init; } = new HashSet<int>();

    /// <summary>For a 323: the provider's earlier declarations, the catalogue and its contracts (null for every other message).</summary>
    public Declarations.DeclarationHistory? Declarations { get; init; }

    /// <summary>A view of an empty register on <paramref name="processingDate"/> where both parties are known.</summary>
    public static RegisterView Empty(DateOnly processingDate) =>
        new(processingDate, new PartyView(true, null, true, null), false, [], [], [], [], []);
}

/// <summary>How an allocation version is backed by an indication (stored with each version).</summary>
public enum IndicationBacking
{
    /// <summary>An active indication for the same municipality, client and product or category covers the allocation's period.</summary>
    Backed,

    /// <summary>An indication for the client and product exists, but the allocation's period is not inside it.</summary>
    OutsidePeriod,

    /// <summary>No active indication for the client and product exists.</summary>
    Unbacked,
}

/// <summary>One recorded version of an allocation (a ToegewezenProduct of an accepted 301).</summary>
/// <param name="Id">The register's own order of recording (not the order of versions: that is IV013's Toewijzingsdatum + Toewijzingstijd).</param>
/// <param name="MessageId">The 301 that carried it.</param>
public sealed record RecordedAllocation(
    long Id,
    long MessageId,
    string Municipality,
    string Provider,
    string Bsn,
    ToegewezenProduct Version,
    IndicationBacking Backing,
    string? IndicationNumber)
{
    /// <summary>Deleted: Einddatum = Ingangsdatum with RedenWijziging 13 (or 01), which does not count as current (OP087, CS335).</summary>
    public bool Deleted => Version.Einddatum == Version.Ingangsdatum && Version.RedenWijziging is "13" or "01";
}

/// <summary>One StartProduct line of an accepted 305, exactly as sent (StatusAanlevering 1 adds, 3 deletes).</summary>
public sealed record RecordedStart(long Id, long MessageId, string Bsn, StartProduct Line);

/// <summary>One StopProduct line of an accepted 307, exactly as sent (StatusAanlevering 1 adds, 3 deletes).</summary>
public sealed record RecordedStop(long Id, long MessageId, string Bsn, StopProduct Line);

/// <summary>A request is a VOT line (one AangevraagdProduct of a 315) or a whole VOW (317).</summary>
public enum RequestKind
{
    Vot,
    Vow,
}

/// <summary>Where a request stands (TR374: open until a 301 with its reference or a 319 "afgewezen").</summary>
public enum RequestState
{
    Open,

    /// <summary>A 319 with VerzoekAntwoord 2 ("in onderzoek") was sent: still open, the final answer is due within 8 weeks.</summary>
    InOnderzoek,

    /// <summary>Closed by a 301 carrying its reference.</summary>
    Allocated,

    /// <summary>Closed by a 319 with VerzoekAntwoord 1 ("afgewezen").</summary>
    Rejected,
}

/// <summary>One request of a provider, keyed by its ReferentieAanbieder, with where it stands.</summary>
/// <param name="RequestDate">The request message's Dagtekening (the 8-week term runs from it).</param>
/// <param name="ReceivedOn">The day it arrived (the 5-working-day term runs from it).</param>
public sealed record RecordedRequest(
    long Id,
    long MessageId,
    RequestKind Kind,
    string Municipality,
    string Provider,
    string Bsn,
    string ReferentieAanbieder,
    DateOnly RequestDate,
    DateOnly ReceivedOn,
    RequestState State,
    DateOnly? InOnderzoekOn)
{
    public bool IsOpen => State is RequestState.Open or RequestState.InOnderzoek;
}
