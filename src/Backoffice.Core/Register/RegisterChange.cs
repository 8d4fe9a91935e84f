using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;

namespace Backoffice.Core.Register;

/// <summary>
/// One change an accepted message makes to the register, committed in the same transaction as its
/// verdict and answer. Produced by the message type's <see cref="IRegisterRecorder"/> only for a
/// message that passed every check; a rejected message changes nothing.
/// </summary>
public abstract record RegisterChange;

/// <summary>A version of an allocation (a ToegewezenProduct of a 301), with the indication behind it.</summary>
public sealed record AllocationRecorded(string Municipality, string Provider, string Bsn, ToegewezenProduct Version, IndicationBacking Backing, Indication? Indication)
    : RegisterChange;

/// <summary>A StartProduct line of a 305, status 1 or 3.</summary>
public sealed record StartRecorded(string Municipality, string Provider, string Bsn, StartProduct Line) : RegisterChange;

/// <summary>A StopProduct line of a 307, status 1 or 3.</summary>
public sealed record StopRecorded(string Municipality, string Provider, string Bsn, StopProduct Line) : RegisterChange;

/// <summary>A new request (a VOT line or a VOW), open from now on.</summary>
public sealed record RequestOpened(RequestKind Kind, string Municipality, string Provider, string Bsn, string ReferentieAanbieder, DateOnly RequestDate)
    : RegisterChange;

/// <summary>A request answered: by a 301 with its reference (Allocated), a 319 "afgewezen" (Rejected) or "in onderzoek" (InOnderzoek).</summary>
public sealed record RequestAnswered(string Provider, string ReferentieAanbieder, RequestState State) : RegisterChange;

/// <summary>
/// A retour the provider sent on one of our messages (302 on a 301, 320 on a 319), recorded against
/// it: <paramref name="AnswersType"/> and the answered message's identification from the retour
/// header; <paramref name="Rejections"/> lists each rejected class with the provider's codes.
/// </summary>
/// <param name="AnswersSentMessage">False when no 301/319 we sent carries that identification: listed for staff.</param>
public sealed record RetourRecorded(string AnswersType, string Afzender, string Identificatie, DateOnly Dagtekening, IReadOnlyList<ProviderRejection> Rejections, bool AnswersSentMessage = true)
    : RegisterChange;

/// <summary>A class the provider rejected in its retour: where, what it concerns (no values of a person), and its codes.</summary>
public sealed record ProviderRejection(string Path, string Subject, IReadOnlyList<string> Retourcodes);

/// <summary>
/// A 323 checked at levels 3 and 4: the declaration with its verdict and, unless it was rejected
/// whole (a code on the Declaratie, or in the header: then nothing is recorded), every line with
/// its verdict and what it was matched to; the approved lines go into the payment ledger.
/// </summary>
/// <param name="Retourcodes">The codes of the DeclaratieAntwoord: 8001, 0200, or the declaration-level codes.</param>
/// <param name="RuleSet">The rule set the verdict was made with (the national rules and any regional set).</param>
/// <param name="SchemaSet">The schema versions the 323 was checked against.</param>
public sealed record DeclarationRecorded(
    string Municipality,
    string Provider,
    Messages.Declaraties.Declaratie Declaratie,
    DateOnly Dagtekening,
    bool RejectedWhole,
    string Retourcodes,
    long ToegekendCents,
    IReadOnlyList<Declarations.LineVerdict> Lines,
    string RuleSet,
    string SchemaSet) : RegisterChange
{
    /// <summary>Under a regional <c>start-message=signal</c>: the allocations paid on without a start (305), each with its number of lines; listed for staff, never refused (OP364).</summary>
    public IReadOnlyList<(int ToewijzingNummer, int Lines)> WithoutStart { get; init; } = [];
}
