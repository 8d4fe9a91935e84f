namespace Backoffice.Core.Standard;

/// <summary>
/// The one vocabulary of recorded verdicts, shared by the validator's callers, the stores, the CLI
/// and the reports. The CHECK constraints of the migrations hold the same words; a test keeps them
/// equal. 'accepted' means no finding up to the message's checked level (1 or 2 today), not that
/// every check of the standard has been made: the checked level is stored beside it.
/// </summary>
public static class Outcomes
{
    /// <summary>No finding at the levels checked (message.checked_level).</summary>
    public const string Accepted = "accepted";

    /// <summary>A level-1 rule (XSD, file format, BerichtCode) or a level-2 rule failed.</summary>
    public const string Rejected = "rejected";

    /// <summary>Not an iWmo 3.2 message this service takes in (transport answer IB004).</summary>
    public const string Unsupported = "unsupported";

    /// <summary>Not readable XML (transport answer IB001).</summary>
    public const string Unreadable = "unreadable";

    /// <summary>Larger than OP179 allows (transport answer IB003).</summary>
    public const string TooLarge = "too-large";

    public static IReadOnlyList<string> All { get; } = [Accepted, Rejected, Unsupported, Unreadable, TooLarge];
}
