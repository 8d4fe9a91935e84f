using System.Globalization;
using System.Text;
using Backoffice.Core.Retours;
using Backoffice.Core.Standard;
using Backoffice.Data.Processing;
using Backoffice.Service.Processing;

namespace Backoffice.Service.Intake;

/// <summary>
/// The reason files beside set-aside files, written from what the store holds (so a run that
/// finishes a crashed one writes the same reason). They name the message id, never quote content,
/// and show the delivered name only in its printable, bounded form.
/// </summary>
public static class InboxNotes
{
    public static string ForMessage(MessageSummary message, string printableName, bool duplicate, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = new StringBuilder();
        text.AppendLine(duplicate ? "Duplicate delivery" : "Quarantined by Backoffice");
        Line(text, "File", printableName);
        Line(text, "Message id", message.Id.ToString(CultureInfo.InvariantCulture));
        Line(text, "SHA-256", message.Sha256);
        Line(text, "Size", message.SizeBytes.ToString("N0", CultureInfo.InvariantCulture) + " bytes");
        Line(text, "Received", message.ReceivedAt.ToString("u", CultureInfo.InvariantCulture));
        Line(text, "Written", now.ToString("u", CultureInfo.InvariantCulture));
        Line(text, "Outcome", message.Outcome + Classification(message));
        if (duplicate)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"The same bytes were received before as message {message.Id}; they were not processed again (one message, one answer).");
        }

        Line(text, "Why", message.Outcome == Outcomes.Rejected && message.CheckedLevel == 2 ? Level2Explanation(message) : Explain(message.Outcome));
        if (message.Outcome != Outcomes.Accepted && message.OutcomeReason is { } reason)
        {
            Line(text, "Verdict", reason.ReplaceLineEndings(" "));
        }
        if (message.Findings.Count > 0)
        {
            text.AppendLine("Findings:");
            foreach (var f in message.Findings)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {FindingText.Format(f)}");
            }
        }

        return text.ToString();
    }

    public static string Refused(string printableName, EntryKind kind, DateTimeOffset now)
    {
        var text = new StringBuilder();
        text.AppendLine("Refused by Backoffice: not read");
        Line(text, "Entry", printableName);
        Line(text, "Written", now.ToString("u", CultureInfo.InvariantCulture));
        Line(text, "Why", $"The inbox entry is a {NotARegularFileException.Describe(kind)}. Intake reads regular files inside the inbox only, so nothing outside it can be read through a link; this entry was neither read nor stored.");
        Line(text, "What to do", "Put the message itself (a regular file) in the inbox if it is one, and remove this entry.");
        return text.ToString();
    }

    public static string GaveUp(string printableName, int attempts, string error, DateTimeOffset now)
    {
        var text = new StringBuilder();
        text.AppendLine("Set aside by Backoffice: could not be read");
        Line(text, "File", printableName);
        Line(text, "Written", now.ToString("u", CultureInfo.InvariantCulture));
        Line(text, "Attempts", attempts.ToString(CultureInfo.InvariantCulture));
        Line(text, "Last error", error);
        Line(text, "Why", "The file could not be read on any of these scans, so nothing was stored and it was not validated.");
        Line(text, "What to do", "Make the file readable for the service (owner, mode) and put it back in the inbox, or ask the sender to deliver it again.");
        return text.ToString();
    }

    /// <summary>
    /// Level 1 gets no retour (iwmo-3.2.md §8.1): the sender has to hear it from the transport.
    /// These say which GGk error (Fo01 code) answers the case.
    /// </summary>
    public static string Explain(string? outcome) => outcome switch
    {
        Outcomes.Accepted => "Accepted at level 1.",
        Outcomes.Rejected => $"The message fails a level-1 check: the iWmo 3.2 XSD or a file-format rule (see the verdict and findings). No retour is sent; the sender is to be told through the transport (GGk {TransportErrors.NotValid}, the nearest transport code) and is listed for staff until then.",
        Outcomes.Unsupported => $"This is not an iWmo 3.2 message this service takes; the transport answers GGk {TransportErrors.NotSupported} (function not supported).",
        Outcomes.Unreadable => $"The file is not readable XML (level 1). No retour can be built; the transport answers GGk {TransportErrors.NotValid}.",
        Outcomes.TooLarge => $"The file exceeds the 25 MB limit for one message (OP179); the transport answers GGk {TransportErrors.TooLarge}.",
        _ => "Not processed yet.",
    };

    private static string Level2Explanation(MessageSummary message) =>
        MessageType.FromName(message.MessageType) is { } type && Level2Answer.IsAnswered(type)
            ? $"The message breaks in-message rules (level 2, see the findings). It is answered with a {type.AnswerName} holding the header only, with retourcode 0001, as the standard answers level-2 errors{(message.AnswerFile is { } file ? $" ({file} in the outbox)" : string.Empty)}; the message counts as not sent."
            : "The message breaks in-message rules (level 2, see the findings). It gets no retour (our own message, or a retour itself); our own messages are refused, not sent, and listed for staff.";

    private static string Classification(MessageSummary message) =>
        message.Standard is null ? string.Empty
            : $" ({message.Standard} {message.MessageType}{(message.BerichtCode is { } code ? string.Create(CultureInfo.InvariantCulture, $", BerichtCode {code}") : string.Empty)})";

    private static void Line(StringBuilder text, string label, string? value) =>
        text.Append(label).Append(':').Append(' ', Math.Max(1, 11 - label.Length)).AppendLine(value);
}
