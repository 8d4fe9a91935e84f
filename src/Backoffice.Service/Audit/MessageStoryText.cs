using System.Globalization;
using System.Text;
using Backoffice.Data.Audit;
using Backoffice.Service.Intake;

namespace Backoffice.Service.Audit;

/// <summary>Whether the answer a message needed left in time (README, "Audit trail").</summary>
public enum DeadlineState
{
    /// <summary>We owe this message no answer (our own 301/319, a 302/320, a level-1 rejection told outside the flow).</summary>
    NoneDue,

    /// <summary>Written to the outbox on or before its due day.</summary>
    Met,

    /// <summary>Written after its due day, or not written and the due day has passed.</summary>
    Missed,

    /// <summary>Not written yet, and the due day has not passed.</summary>
    Open,
}

/// <summary>The deadline of a message's answer and how it went.</summary>
public sealed record StoryDeadline(DateOnly? DueOn, DateOnly? WrittenOn, DeadlineState State);

/// <summary>
/// Tells one message's story as text (<c>backoffice audit MESSAGE-ID</c>): receipt, deliveries,
/// verdict with rule and schema set, findings, the declaration's prestaties and amounts, what it
/// changed in the register, the answer and its deadline, staff tasks, and then every audit event in
/// the order it happened. Times are UTC. It prints no BSN and no name: the story holds none.
/// </summary>
public static class MessageStoryText
{
    /// <summary>The deadline as of <paramref name="today"/>: an answer counts as sent on the (UTC) day it was written to the outbox.</summary>
    public static StoryDeadline Deadline(MessageStory story, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(story);
        var written = story.Answer?.WrittenAt is { } at ? DateOnly.FromDateTime(at.UtcDateTime) : (DateOnly?)null;
        if (story.AnswerDueOn is not { } due)
        {
            return new StoryDeadline(null, written, DeadlineState.NoneDue);
        }

        var state = written is { } w
            ? (w <= due ? DeadlineState.Met : DeadlineState.Missed)
            : (today <= due ? DeadlineState.Open : DeadlineState.Missed);
        return new StoryDeadline(due, written, state);
    }

    public static string Render(MessageStory story, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(story);
        var m = story.Message;
        var text = new StringBuilder();
        void Line(string line) => text.Append(line).Append('\n');

        var type = m.MessageType ?? "unclassified message";
        Line(Inv($"Message {m.Id}: {type}{Part(" from ", m.Sender)}{Part(" to ", m.Receiver)}{Part(", identification ", m.Identificatie)}{Part(", dated ", m.Dagtekening is { } d ? Day(d) : null)}"));
        Line(string.Empty);

        Line("Receipt");
        Line(Inv($"  received {Time(m.ReceivedAt)} via {m.Source}, {m.SizeBytes} bytes, sha256 {m.Sha256}"));
        Line(Inv($"  deliveries: {story.Deliveries.Count}"));
        foreach (var delivery in story.Deliveries)
        {
            Line(Inv($"  - delivery {delivery.Id} at {Time(delivery.ReceivedAt)} via {delivery.Source} as \"{SafeNames.Printable(delivery.OriginalName)}\"{(delivery.IsDuplicate ? " (the same bytes again: duplicate, no second verdict)" : string.Empty)}"));
        }

        Line(string.Empty);
        Line("Verdict");
        if (m.Outcome is null)
        {
            Line(Inv($"  none yet (status {m.Status})"));
        }
        else
        {
            var verdict = story.Events.LastOrDefault(e => e.Action == AuditActions.Verdict);
            Line(Inv($"  {m.Outcome} at level {m.CheckedLevel?.ToString(CultureInfo.InvariantCulture) ?? "?"} on {(m.ProcessedAt is { } p ? Time(p) : "?")}{Part(", transport error ", m.TransportError)}"));
            Line(Inv($"  reason: {m.OutcomeReason}"));
            Line(Inv($"  rule set: {story.Declaration?.RuleSet ?? verdict?.RuleSet ?? "none (level 1: file rules and XSD only)"}"));
            Line(Inv($"  schema set: {story.Declaration?.SchemaSet ?? verdict?.SchemaSet ?? "not read that far"}"));
        }

        Line(Inv($"  findings: {m.Findings.Count}"));
        foreach (var f in m.Findings)
        {
            var where = f.Line is { } l ? Inv($" line {l}{(f.Column is { } c ? Inv($":{c}") : string.Empty)}") : string.Empty;
            Line(Inv($"  - level {f.Level} {f.Rule ?? "-"} {f.Retourcode ?? "-"}{Part(" at ", f.Path)}{where}: {f.Message}"));
        }

        if (story.Declaration is { } decl)
        {
            Line(string.Empty);
            Line("Declaration");
            Line(Inv($"  {decl.DeclaratieNummer} of provider {decl.Provider} to municipality {decl.Municipality}, period {Day(decl.PeriodeBegin)} to {Day(decl.PeriodeEind)}, recorded {Time(decl.RecordedAt)}"));
            var rejectedCount = decl.Rejected.Sum(r => r.Prestaties);
            Line(Inv($"  prestaties: {decl.Approved + rejectedCount}, approved {decl.Approved}, rejected {rejectedCount}{(decl.RejectedWhole ? " (rejected whole: " + decl.Retourcodes + ")" : string.Empty)}"));
            foreach (var r in decl.Rejected)
            {
                Line(Inv($"  - rejected with {r.Retourcodes}: {r.Prestaties}"));
            }

            Line(Inv($"  claimed {Euro(decl.IngediendCents)}; approved debit {Euro(decl.ApprovedDebitCents)}, approved credit {Euro(decl.ApprovedCreditCents)}; awarded (TotaalToegekendBedrag) {Euro(decl.ToegekendCents)}"));
        }

        var reg = story.Register;
        var changes = new List<string>();
        Count(changes, reg.AllocationVersions, "allocation version", "allocation versions");
        Count(changes, reg.StartLines, "start line", "start lines");
        Count(changes, reg.StopLines, "stop line", "stop lines");
        Count(changes, reg.RequestsOpened, "request opened", "requests opened");
        Count(changes, reg.RequestsClosed, "request closed", "requests closed");
        if (reg.ProviderRetourRejected is { } rejected)
        {
            changes.Add(rejected ? "a provider retour rejecting parts of our message" : "a provider retour accepting our message");
        }

        Line(string.Empty);
        Line("Allocation register");
        Line("  " + (changes.Count == 0 ? "no changes" : string.Join(", ", changes)));

        Line(string.Empty);
        Line("Answer");
        if (story.Answer is { } a)
        {
            Line(Inv($"  {a.Type} {a.Identificatie} dated {Day(a.Dagtekening)}{Part(", retourcodes ", a.Retourcodes)}, file {a.FileName}, sha256 {a.Sha256}"));
            Line(Inv($"  committed with the verdict {Time(a.CreatedAt)}; written to the outbox {(a.WrittenAt is { } w ? Time(w) : "not yet")}"));
        }
        else
        {
            Line("  none");
        }

        var deadline = Deadline(story, today);
        Line(deadline.State switch
        {
            DeadlineState.NoneDue => "  deadline: none (we owe this message no answer)",
            DeadlineState.Met => Inv($"  deadline: due {Day(deadline.DueOn!.Value)}, met (written {Day(deadline.WrittenOn!.Value)})"),
            DeadlineState.Open => Inv($"  deadline: due {Day(deadline.DueOn!.Value)}, open (not written yet)"),
            _ => deadline.WrittenOn is { } late
                ? Inv($"  deadline: due {Day(deadline.DueOn!.Value)}, MISSED (written {Day(late)})")
                : Inv($"  deadline: due {Day(deadline.DueOn!.Value)}, MISSED (not written as of {Day(today)})"),
        });

        Line(string.Empty);
        Line(Inv($"Staff tasks: {story.Tasks.Count}"));
        foreach (var t in story.Tasks)
        {
            Line(Inv($"  - {t.Kind} {t.Key}: {t.Subject}; opened {Time(t.CreatedAt)}{(t.DueOn is { } due ? ", due " + Day(due) : string.Empty)}, {(t.ClosedAt is { } c ? "closed " + Time(c) : "open")}"));
        }

        Line(string.Empty);
        var related = story.Related.Count == 0 ? string.Empty : Inv($" (and {story.Related.Count} of later messages about its tasks and requests, marked with their message)");
        Line(Inv($"Audit trail: {story.Events.Count} events{related}, in the order they happened"));
        foreach (var e in story.Events.Concat(story.Related).OrderBy(e => e.Id))
        {
            var sets = e.RuleSet is null && e.SchemaSet is null ? string.Empty : Inv($" [rule set {e.RuleSet ?? "none"}; schema set {e.SchemaSet ?? "none"}]");
            var other = e.MessageId is { } of && of != m.Id ? Inv($"[message {of}] ") : string.Empty;
            Line(Inv($"  {Time(e.OccurredAt)}  {other}{e.Action}  by {e.Actor} ({e.Origin})  {e.Subject}: {e.Detail}{(e.Why.Length > 0 ? " Why: " + e.Why : string.Empty)}{sets}"));
        }

        return text.ToString();
    }

    private static void Count(List<string> parts, int count, string one, string many)
    {
        if (count > 0)
        {
            parts.Add(Inv($"{count} {(count == 1 ? one : many)}"));
        }
    }

    private static string Part(string prefix, string? value) => string.IsNullOrEmpty(value) ? string.Empty : prefix + value;

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + "Z";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Euro(long cents) => "EUR " + Reports.ReportFiles.EuroText(cents);

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
