using Backoffice.Core.Validation;
using Backoffice.Data.Processing;

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

    /// <summary>The same bytes were stored and processed before: one message, one answer.</summary>
    public const string Duplicate = "duplicate";

    /// <summary>Infrastructure failure: nothing was lost; the input is retried on the next scan.</summary>
    public const string Failed = "failed";

    /// <summary>The file was gone before it could be read: nothing to store.</summary>
    public const string Vanished = "vanished";

    /// <summary>Another instance holds the claim on this message.</summary>
    public const string ClaimedElsewhere = "claimed-elsewhere";

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
