using Backoffice.Core.Validation;

namespace Backoffice.Data.Processing;

/// <summary>
/// The result of processing one message: its classification (null where it could not be read),
/// the outcome (one of <see cref="Core.Standard.Outcomes"/>), the reason in plain words and every finding.
/// </summary>
public sealed record MessageOutcome(
    long MessageId,
    string? Standard,
    string? MessageType,
    int? BerichtCode,
    string? Sender,
    string? Receiver,
    string? Identificatie,
    DateOnly? Dagtekening,
    string Outcome,
    string? Reason,
    IReadOnlyList<Finding> Findings,
    DateTimeOffset ProcessedAt)
{
    /// <summary>The highest check level the verdict covers: 1 file rules and XSD, 2 in-message rules.</summary>
    public int CheckedLevel { get; init; } = 1;

    /// <summary>The GGk transport error (IB001, IB003, IB004) when no retour can be built (OP090x2).</summary>
    public string? TransportError { get; init; }

    /// <summary>When the answer to the message is due from us (OP090, OP090x4); null when it needs none.</summary>
    public DateOnly? AnswerDueOn { get; init; }

    /// <summary>The rule set the verdict was made with (null: level 1 only, no rules ran); kept with the verdict in the audit trail.</summary>
    public string? RuleSet { get; init; }

    /// <summary>The schema versions the message was checked against (null: it could not be read that far).</summary>
    public string? SchemaSet { get; init; }
}


/// <summary>The status values of a message: received, then processing (claimed), then processed.</summary>
public static class MessageStatuses
{
    public const string Received = "received";
    public const string Processing = "processing";
    public const string Processed = "processed";
}

/// <summary>Everything stored about one message except its bytes, for reports, the staff queue and tests.</summary>
public sealed record MessageSummary(
    long Id,
    string Sha256,
    long SizeBytes,
    DateTimeOffset ReceivedAt,
    string Source,
    string OriginalName,
    string Status,
    string? ClaimedBy,
    DateTimeOffset? ClaimedAt,
    string? Standard,
    string? MessageType,
    int? BerichtCode,
    string? Sender,
    string? Receiver,
    string? Identificatie,
    DateOnly? Dagtekening,
    string? Outcome,
    string? OutcomeReason,
    DateTimeOffset? ProcessedAt,
    int DeliveryCount,
    IReadOnlyList<Finding> Findings)
{
    public int? CheckedLevel { get; init; }

    public string? TransportError { get; init; }

    /// <summary>The answer's outbox file name, once it has been written there (committed but unwritten: null).</summary>
    public string? AnswerFile { get; init; }
}
