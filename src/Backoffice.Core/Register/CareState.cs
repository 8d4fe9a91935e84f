using System.Collections.Immutable;
using Backoffice.Core.Messages.StartStop;

namespace Backoffice.Core.Register;

/// <summary>
/// The logical key of a StartProduct: ToewijzingNummer, Product (Categorie, Code) and Begindatum
/// (the "Sleutelelement" column of the rule table; IV008). ToewijzingIngangsdatum and
/// StatusAanlevering are not part of it. An absent element is part of the key as absent.
/// </summary>
public readonly record struct StartKey(int? ToewijzingNummer, string? Categorie, string? Code, DateOnly Begindatum)
{
    public static StartKey Of(StartProduct line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(line.ToewijzingNummer, line.Product?.Categorie, line.Product?.Code, line.Begindatum);
    }

    /// <summary>The start a stop is about: the stop carries the start's key unchanged (TR382).</summary>
    public static StartKey Of(StopProduct line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(line.ToewijzingNummer, line.Product?.Categorie, line.Product?.Code, line.Begindatum);
    }

    /// <summary>The allocated product this start is for (TR326: one current start per ToegewezenProduct).</summary>
    public (int? ToewijzingNummer, string? Categorie, string? Code) AllocatedProduct => (ToewijzingNummer, Categorie, Code);
}

/// <summary>The logical key of a StopProduct: the start's key plus RedenBeeindiging and Einddatum (RedenBeeindiging since 3.2).</summary>
public readonly record struct StopKey(StartKey Start, string RedenBeeindiging, DateOnly Einddatum)
{
    public static StopKey Of(StopProduct line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new(StartKey.Of(line), line.RedenBeeindiging, line.Einddatum);
    }
}

/// <summary>
/// The starts and stops of one client at one provider as they stand: the recorded StartProduct and
/// StopProduct lines folded in order, where a line with StatusAanlevering 3 removes the current line
/// with its logical key ("as if never sent", OP033, IV008) and any other adds it. Immutable: applying
/// a line gives a new state. Only the 305/307 rules read it: a missing start or stop is never a
/// reason to reject another message (OP364).
/// <para>
/// Within one message the lines are applied deletions first, then the new lines, each group in
/// document order (<see cref="InApplyOrder{T}"/>), and the recorders record them in that order. So a
/// correction (delete + new, ideally in one message, IV008) is checked against the state without the
/// deleted line, and a new line sees the new lines before it. TR101 (level 2) forbids the same key
/// twice in one message, so the order never changes which line a deletion removes.
/// </para>
/// </summary>
public sealed class CareState
{
    public const string Deletion = "3";

    /// <summary>RedenBeeindiging 20: the delivery stopped for a while (temporary stop, TR413).</summary>
    public const string TemporaryStop = "20";

    private CareState(ImmutableDictionary<StartKey, StartProduct> starts, ImmutableDictionary<StopKey, StopProduct> stops)
    {
        Starts = starts;
        Stops = stops;
    }

    public static CareState Empty { get; } = new(ImmutableDictionary<StartKey, StartProduct>.Empty, ImmutableDictionary<StopKey, StopProduct>.Empty);

    /// <summary>The current (sent and not deleted) StartProduct lines by their key.</summary>
    public ImmutableDictionary<StartKey, StartProduct> Starts { get; }

    /// <summary>The current (sent and not deleted) StopProduct lines by their key.</summary>
    public ImmutableDictionary<StopKey, StopProduct> Stops { get; }

    public static bool IsDeletion(string status) => status == Deletion;

    /// <summary>The state of client <paramref name="bsn"/> in <paramref name="view"/>, its lines folded in recording order.</summary>
    public static CareState Of(RegisterView view, string bsn)
    {
        ArgumentNullException.ThrowIfNull(view);
        var starts = ImmutableDictionary.CreateBuilder<StartKey, StartProduct>();
        foreach (var recorded in view.Starts.Where(s => s.Bsn == bsn).OrderBy(s => s.Id))
        {
            Fold(starts, StartKey.Of(recorded.Line), recorded.Line, recorded.Line.StatusAanlevering);
        }

        var stops = ImmutableDictionary.CreateBuilder<StopKey, StopProduct>();
        foreach (var recorded in view.Stops.Where(s => s.Bsn == bsn).OrderBy(s => s.Id))
        {
            Fold(stops, StopKey.Of(recorded.Line), recorded.Line, recorded.Line.StatusAanlevering);
        }

        return new CareState(starts.ToImmutable(), stops.ToImmutable());
    }

    /// <summary>
    /// The lines of one message in the order they are applied: deletions first, then the others,
    /// each group in document order, with each line's index in the message (0-based).
    /// </summary>
    public static IEnumerable<(int Index, T Line)> InApplyOrder<T>(IReadOnlyList<T> lines, Func<T, string> status)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(status);
        var indexed = lines.Select((line, i) => (Index: i, Line: line)).ToList();
        return indexed.Where(x => IsDeletion(status(x.Line))).Concat(indexed.Where(x => !IsDeletion(status(x.Line))));
    }

    /// <summary>Each StartProduct of a 305 with the state just before it is applied (see <see cref="InApplyOrder{T}"/>).</summary>
    public static IEnumerable<(int Index, StartProduct Line, CareState Before)> Walk(RegisterView view, string bsn, IReadOnlyList<StartProduct> lines)
    {
        var state = Of(view, bsn);
        foreach (var (index, line) in InApplyOrder(lines, l => l.StatusAanlevering))
        {
            yield return (index, line, state);
            state = state.With(line);
        }
    }

    /// <summary>Each StopProduct of a 307 with the state just before it is applied (see <see cref="InApplyOrder{T}"/>).</summary>
    public static IEnumerable<(int Index, StopProduct Line, CareState Before)> Walk(RegisterView view, string bsn, IReadOnlyList<StopProduct> lines)
    {
        var state = Of(view, bsn);
        foreach (var (index, line) in InApplyOrder(lines, l => l.StatusAanlevering))
        {
            yield return (index, line, state);
            state = state.With(line);
        }
    }

    public CareState With(StartProduct line)
    {
        var key = StartKey.Of(line);
        return new CareState(IsDeletion(line.StatusAanlevering) ? Starts.Remove(key) : Starts.SetItem(key, line), Stops);
    }

    public CareState With(StopProduct line)
    {
        var key = StopKey.Of(line);
        return new CareState(Starts, IsDeletion(line.StatusAanlevering) ? Stops.Remove(key) : Stops.SetItem(key, line));
    }

    /// <summary>The current stops of the start with <paramref name="start"/>'s key.</summary>
    public IEnumerable<StopProduct> StopsOf(StartKey start) => Stops.Where(s => s.Key.Start == start).Select(s => s.Value);

    /// <summary>
    /// The current stops of the same delivery as <paramref name="line"/>: the same ToewijzingNummer and
    /// Begindatum whatever their Product, the grouping TR413, TR414 and TR415 name (Bsn,
    /// ToewijzingNummer, Begindatum; one client per state). Without a ToewijzingNummer (taakgericht)
    /// the Product must match as well, or two products started on one day would block each other.
    /// </summary>
    public IEnumerable<StopProduct> StopsOfDelivery(StopProduct line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var start = StartKey.Of(line);
        return Stops
            .Where(s => s.Key.Start.ToewijzingNummer == start.ToewijzingNummer && s.Key.Start.Begindatum == start.Begindatum
                && (start.ToewijzingNummer is not null || s.Key.Start.AllocatedProduct == start.AllocatedProduct))
            .Select(s => s.Value);
    }

    /// <summary>
    /// An actual start ("actueel startbericht", TR326 toelichting): a current start for which no
    /// current stop with its key exists. Per allocated product (ToewijzingNummer with Product).
    /// </summary>
    public bool HasActualStart((int? ToewijzingNummer, string? Categorie, string? Code) allocatedProduct) =>
        Starts.Keys.Any(k => k.AllocatedProduct == allocatedProduct && !Stops.Keys.Any(s => s.Start == k));

    private static void Fold<TKey, TLine>(ImmutableDictionary<TKey, TLine>.Builder lines, TKey key, TLine line, string status)
        where TKey : notnull
    {
        if (IsDeletion(status))
        {
            lines.Remove(key);
        }
        else
        {
            lines[key] = line;
        }
    }
}
