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

    /// <summary>
    /// One line for a reason file or a log: the verdict, what kind of rule its first finding is, and
    /// that finding; no personal data. E.g. <c>Invalid (file format, OP192): line 1, column 1: ...</c>
    /// or <c>Invalid (XSD): line 39, column 8: ...</c>, so a file-rule failure is not read as "not XSD-valid".
    /// </summary>
    public string Summary => Findings.Count == 0
        ? Verdict.ToString()
        : $"{Verdict}{Grounds(Findings[0].Rule)}: {Describe(Findings[0])}{(Findings.Count + FindingsOmitted > 1 ? $" (+{Findings.Count + FindingsOmitted - 1} more)" : string.Empty)}";

    /// <summary>The kind of level-1 rule behind a finding, named with its code.</summary>
    private static string Grounds(string? rule) => rule switch
    {
        null => string.Empty,
        "XSD" => " (XSD)",
        "OP192" => " (file format, OP192)",
        "OP179" => " (file size, OP179)",
        "RS047" => " (BerichtCode, RS047)",
        _ => $" ({rule})",
    };

    private static string Describe(Finding f) =>
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

    /// <summary>
    /// Fails a level-1 rule: the XSD, a technical file rule (OP192: UTF-8, no BOM, no other declared
    /// encoding) or the BerichtCode of its namespace (RS047). The first finding's rule says which;
    /// not every Invalid is "not XSD-valid".
    /// </summary>
    Invalid,

    /// <summary>
    /// Well-formed XML, but not a message this service takes: iJw, iWmo 2.x, an unknown namespace, a
    /// message name that is not one of iWmo 3.2, or (for the inbox, <see cref="MessageScope.Inbound"/>)
    /// an answer the municipality itself sends.
    /// </summary>
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
