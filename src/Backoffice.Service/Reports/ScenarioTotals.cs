using Backoffice.Core.Reference;
using Backoffice.Core.Scenarios;
using Backoffice.Data.Scenarios;

namespace Backoffice.Service.Reports;

/// <summary>
/// The sums of a scenario replay (README, "Scenario report"), built one ledger row at a time: what
/// was paid and what the scenario pays per municipality, provider and cell (what was paid counts
/// where the line was, the scenario's spend where each share of it ended), and per stage the spend
/// after it and the client-months it moved. Kept exact (decimal cents); rounded only when shown.
/// </summary>
internal sealed class ScenarioTotals
{
    private readonly Dictionary<(string Municipality, string Provider, string Cell), CellSum> cells = [];

    public decimal[] AfterStage { get; } = new decimal[ScenarioModel.Stages.Count];

    public decimal[] MovedAtStage { get; } = new decimal[ScenarioModel.Stages.Count];

    public long ActualCents { get; private set; }

    public int Prestaties { get; private set; }

    public IReadOnlyDictionary<(string Municipality, string Provider, string Cell), CellSum> Cells => cells;

    /// <summary>Adds one row and returns what the scenario makes of it.</summary>
    public ScenarioReplay Add(ScenarioLedgerRow row, ScenarioModel model)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(model);
        var replay = model.Replay(row.Line);
        ActualCents += row.Line.AmountCents;
        Prestaties++;
        for (var i = 0; i < AfterStage.Length; i++)
        {
            AfterStage[i] += replay.AfterStage[i];
            MovedAtStage[i] += replay.MovedAtStage[i];
        }

        var origin = Sum(row.Municipality, row.Line.Provider, row.Line.Origin);
        origin.ActualCents += row.Line.AmountCents;
        origin.Prestaties++;
        origin.ActualClientMonths += row.Line.AmountCents < 0 ? -1 : 1;
        foreach (var (target, share, cents) in replay.Final)
        {
            var sum = Sum(row.Municipality, row.Line.Provider, target);
            sum.ScenarioCents += cents;
            sum.ScenarioClientMonths += row.Line.AmountCents < 0 ? -share : share;
        }

        return replay;
    }

    /// <summary>The period's spend after stage <paramref name="stage"/>, in whole cents.</summary>
    public long SpendCents(int stage) => Cents(AfterStage[stage]);

    /// <summary>What stage <paramref name="stage"/> changed: its spend minus the one before (0 for what was paid).</summary>
    public long EffectCents(int stage) => stage == 0 ? 0 : SpendCents(stage) - SpendCents(stage - 1);

    /// <summary>Exact cents shown as whole cents, half away from zero.</summary>
    public static long Cents(decimal exact) => (long)Math.Round(exact, MidpointRounding.AwayFromZero);

    /// <summary>The model a row's cell belongs to: ARR, IWO, <c>product</c> (outside the model) or <c>out</c> (the voorliggend veld).</summary>
    public static string ModelOf(string cell) =>
        cell == ScenarioModel.OutOfModel ? "out" : ArrangementCell.Parse(cell)?.Model.Prefix ?? "product";

    private CellSum Sum(string municipality, string provider, string cell)
    {
        if (!cells.TryGetValue((municipality, provider, cell), out var sum))
        {
            cells[(municipality, provider, cell)] = sum = new CellSum();
        }

        return sum;
    }

    /// <summary>One municipality, provider and cell: paid and replayed, in cents and client-months (a credit counts minus one).</summary>
    internal sealed class CellSum
    {
        public long ActualCents { get; set; }

        public decimal ScenarioCents { get; set; }

        public int Prestaties { get; set; }

        public decimal ActualClientMonths { get; set; }

        public decimal ScenarioClientMonths { get; set; }
    }
}
