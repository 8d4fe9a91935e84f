using Backoffice.Core.Standard;
using Backoffice.Core.Validation;

namespace Backoffice.Service.Processing;

/// <summary>
/// What happened to one input in a run: the shape of <c>process --format json</c>. Sender and
/// Identificatie are organisation codes and message ids, never personal data.
/// </summary>
public sealed record InputResult(
    string Input,
    string? MessageType,
    string? Sender,
    string? Identificatie,
    string Outcome,
    string? RetourFile,
    IReadOnlyList<Finding> Findings)
{
    public long? MessageId { get; init; }

    /// <summary>Where the input file went (processed/ or quarantine/), when it was a file.</summary>
    public string? MovedTo { get; init; }

    public string? Reason { get; init; }
}

/// <summary>
/// Outcome words printed per input: the verdicts the store records (<see cref="Outcomes"/>) plus
/// what can happen to an input before or instead of a verdict.
/// </summary>
public static class InputOutcomes
{
    public const string Accepted = Outcomes.Accepted;

    /// <summary>A new delivery of bytes stored and processed before: one message, one answer.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>The same file seen again (a read-only inbox): it was taken in before; nothing new.</summary>
    public const string Unchanged = "unchanged";

    /// <summary>Infrastructure failure: nothing was lost; the input is retried on the next scan.</summary>
    public const string Failed = "failed";

    /// <summary>The file was gone before it could be read: nothing to store.</summary>
    public const string Vanished = "vanished";

    /// <summary>A live instance holds the claim on this message; it finishes it.</summary>
    public const string ClaimedElsewhere = "claimed-elsewhere";

    /// <summary>The file may still be being written (changed recently or while read): taken later.</summary>
    public const string Waiting = "waiting";

    /// <summary>Not a regular file (a link, a pipe, a device): never read, listed for staff.</summary>
    public const string Refused = "refused";

    /// <summary>Could not be read on Inbox:MaxReadAttempts scans: set aside, listed for staff.</summary>
    public const string GivenUp = "given-up";

    /// <summary>True for the outcomes that are a recorded verdict on a stored message.</summary>
    public static bool IsVerdict(string outcome) => Outcomes.All.Contains(outcome);

    /// <summary>True where the input is not finished and a later run has to take it up.</summary>
    public static bool IsLeftForLater(string outcome) => outcome is Failed or ClaimedElsewhere or Waiting;

    public static string From(Verdict verdict) => verdict switch
    {
        Verdict.Valid => Outcomes.Accepted,
        Verdict.Invalid => Outcomes.Rejected,
        Verdict.Unsupported => Outcomes.Unsupported,
        Verdict.Unreadable => Outcomes.Unreadable,
        Verdict.TooLarge => Outcomes.TooLarge,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
