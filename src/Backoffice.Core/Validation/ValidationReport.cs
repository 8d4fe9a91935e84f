namespace Backoffice.Core.Validation;

/// <summary>What validating one input found: how it was classified and every finding.</summary>
public sealed record ValidationReport(
    Verdict Verdict,
    string? Standard,
    string? MessageType,
    int? BerichtCode,
    MessageHeaderFacts Header,
    IReadOnlyList<Finding> Findings,
    int FindingsOmitted = 0)
{
    public bool Valid => Verdict == Verdict.Valid;

    /// <summary>One line for a reason file or a log: the verdict and its first finding, no personal data.</summary>
    public string Summary => Findings.Count == 0
        ? Verdict.ToString()
        : $"{Verdict}: {Describe(Findings[0])}{(Findings.Count + FindingsOmitted > 1 ? $" (+{Findings.Count + FindingsOmitted - 1} more)" : string.Empty)}";

    private static string Describe(Finding f) =>
        (f.Rule is null ? string.Empty : f.Rule + " ") +
        (f.Line is null ? string.Empty : $"line {f.Line}, column {f.Column}: ") +
        f.Message;
}

/// <summary>
/// How an input ended. Only <see cref="Valid"/> goes on to the rules; the others are kept in
/// quarantine with their reason and, per iwmo-3.2.md §8.1, get no retour (level 1: the transport
/// reports the error).
/// </summary>
public enum Verdict
{
    /// <summary>An iWmo 3.2 message that passed the XSD.</summary>
    Valid,

    /// <summary>An iWmo 3.2 message that fails the XSD or a level-1 technical rule (BOM, OP192).</summary>
    Invalid,

    /// <summary>Well-formed XML, but not a message this service takes (iJw, iWmo 2.x, unknown namespace).</summary>
    Unsupported,

    /// <summary>Not XML, truncated, empty, or uses a DTD.</summary>
    Unreadable,

    /// <summary>Larger than the 25 MB a message may be (OP179).</summary>
    TooLarge,
}

/// <summary>Header values read during the same pass, for routing and logging (never the BSN).</summary>
public sealed record MessageHeaderFacts(string? Afzender, string? Ontvanger, string? Identificatie, string? Dagtekening)
{
    public static MessageHeaderFacts None { get; } = new(null, null, null, null);
}
