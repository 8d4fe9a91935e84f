using Backoffice.Core.Reference;

namespace Backoffice.Core.Scenarios;

/// <summary>One paid prestatie of the processed period as the scenario replays it (a ledger row with its line).</summary>
/// <param name="ArrangementCode">The catalogue's arrangement code of the declared product; null for a product that is no cell.</param>
/// <param name="AmountCents">What the ledger paid: a debit positive, a credit negative.</param>
public sealed record ScenarioLine(
    string Provider,
    string ProductCode,
    string? ArrangementCode,
    DateOnly PeriodeBegin,
    long GeleverdVolume,
    string Eenheid,
    long AmountCents)
{
    /// <summary>Where the line's client-month is before any movement: its arrangement cell, or its product code.</summary>
    public string Origin => ArrangementCell.Parse(ArrangementCode)?.Code ?? ProductCode;
}

/// <summary>What one line became: the spend after each stage and the client-months each stage moved, and where it ended.</summary>
/// <param name="AfterStage">Spend in cents (unrounded) after each of <see cref="ScenarioModel.Stages"/>; [0] is what was paid.</param>
/// <param name="MovedAtStage">Client-months (a fraction of this line's one) each stage moved.</param>
/// <param name="Final">Where the client-month ended (cell, product, or <see cref="ScenarioModel.OutOfModel"/>), its share and its spend after tariffs.</param>
public sealed record ScenarioReplay(decimal[] AfterStage, decimal[] MovedAtStage, IReadOnlyList<(string Target, decimal Share, decimal Cents)> Final);

/// <summary>
/// The scenario arithmetic (README, "Scenario report"): each paid line is one client-month (share 1)
/// in its cell or product. The stages move shares of it in order: translate, the five movements,
/// then tariffs. A share still where the line was keeps what was actually paid; a share moved to
/// another cell is paid that cell's tariff (the line's provider's contract on the line's first day,
/// else the lowest contract tariff of any provider then) times the line's arrangement-months (its
/// volume when declared per arrangement-month, Eenheid 82; one otherwise), with the line's sign; a
/// share moved out of the model costs nothing. Tariff changes multiply the spend where each share
/// ends. Nothing is rounded here: a scenario with every share 0 and no tariff change gives every
/// line exactly what was paid. One model replays one report's lines, one at a time (not thread-safe).
/// </summary>
public sealed class ScenarioModel
{
    /// <summary>Where a share moved to the voorliggend veld ends: no spend.</summary>
    public const string OutOfModel = "voorliggend-veld";

    /// <summary>The stages in order, as the report names them.</summary>
    public static readonly IReadOnlyList<string> Stages =
    [
        "actual",
        "translate",
        "fewer-result-areas",
        "less-intensive",
        "voorliggend-veld",
        "into-model",
        "activating-to-supporting",
        "tariffs",
    ];

    private const string ArrangementMonth = "82";

    private readonly ScenarioDefinition scenario;
    private readonly Func<string, string, DateOnly, long?> tariff;
    private readonly (Func<string, string?> Destination, Func<string, decimal> Share)[] steps;

    // A replay meets the same few dozen cells and products on every line: each key is parsed once.
    private readonly Dictionary<string, ArrangementCell?> cells = new(StringComparer.Ordinal);

    /// <param name="tariff">The tariff in cents per arrangement-month of (provider, arrangement code, day), or null when there is none.</param>
    public ScenarioModel(ScenarioDefinition scenario, Func<string, string, DateOnly, long?> tariff)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(tariff);
        this.scenario = scenario;
        this.tariff = tariff;
        var m = scenario.Movements;
        steps =
        [
            (key => Cell(key) is null && scenario.Translate.TryGetValue(key, out var cell) ? cell : null, _ => 1m),
            (key => Cell(key)?.FewerResultAreas()?.Code, m.FewerResultAreas.ShareOf),
            (key => Cell(key)?.LessIntensive()?.Code, m.LessIntensive.ShareOf),
            (key => key == OutOfModel ? null : OutOfModel, m.VoorliggendVeld.ShareOf),
            (key => key != OutOfModel && Cell(key) is null && m.IntoModel.Targets.TryGetValue(key, out var cell) ? cell : null, m.IntoModel.ShareOf),
            (key => Cell(key)?.ToSupporting()?.Code, m.ActivatingToSupporting.ShareOf),
        ];
    }

    public ScenarioReplay Replay(ScenarioLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var origin = line.Origin;
        var mass = new Dictionary<string, decimal>(StringComparer.Ordinal) { [origin] = 1m };
        var after = new decimal[Stages.Count];
        var moved = new decimal[Stages.Count];
        after[0] = line.AmountCents;
        for (var stage = 0; stage < steps.Length; stage++)
        {
            var (destination, share) = steps[stage];
            foreach (var (key, part) in mass.ToList())
            {
                if (part == 0 || destination(key) is not { } to || share(key) is var s && s == 0)
                {
                    continue;
                }

                var moving = part * s;
                mass[key] = part - moving;
                mass[to] = mass.GetValueOrDefault(to) + moving;
                moved[stage + 1] += moving;
            }

            after[stage + 1] = mass.Sum(p => Spend(line, origin, p.Key, p.Value));
        }

        var final = mass.Where(p => p.Value != 0)
            .Select(p => (p.Key, p.Value, Spend(line, origin, p.Key, p.Value) * Factor(p.Key)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        after[^1] = final.Sum(f => f.Item3);
        return new ScenarioReplay(after, moved, final);
    }

    private ArrangementCell? Cell(string key)
    {
        if (!cells.TryGetValue(key, out var cell))
        {
            cells[key] = cell = ArrangementCell.Parse(key);
        }

        return cell;
    }

    private decimal Factor(string target) =>
        1m + ((scenario.Tariffs.TryGetValue(target, out var change) || scenario.Tariffs.TryGetValue("*", out change) ? change.Percent : 0m) / 100m);

    private decimal Spend(ScenarioLine line, string origin, string target, decimal share)
    {
        if (share == 0 || target == OutOfModel)
        {
            return 0m;
        }

        if (target == origin)
        {
            return share * line.AmountCents;
        }

        var cents = tariff(line.Provider, target, line.PeriodeBegin)
            ?? throw new ScenarioException([$"no contract tariff for {target} on {line.PeriodeBegin:yyyy-MM-dd} (neither provider {line.Provider}'s nor any other's): add it to the contracts, or move nothing into it"]);
        var months = line.Eenheid == ArrangementMonth ? line.GeleverdVolume : 1;
        return share * (line.AmountCents < 0 ? -1 : 1) * cents * months;
    }
}
