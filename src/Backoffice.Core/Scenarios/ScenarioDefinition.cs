using System.Text.Json;
using System.Text.Json.Serialization;
using Backoffice.Core.Reference;

namespace Backoffice.Core.Scenarios;

/// <summary>
/// A scenario file (README, "Scenario report"): every assumption of a replay, nothing else. Today's
/// products translated into the new arrangements, then the five movements of the purchasing
/// strategy in their order, each moving a share of what is in a cell (or product) to another cell
/// or out of the model, then tariff changes. Shares are fractions of the client-months in a cell
/// (0 to 1), a movement's <c>share</c> applying to every cell its <c>cells</c> do not name.
/// </summary>
public sealed class ScenarioDefinition
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public string Name { get; init; } = string.Empty;

    public string Description { get; init; } = string.Empty;

    /// <summary>Product code -> arrangement code: today's products in the new model ("omklap"), all their client-months.</summary>
    public Dictionary<string, string> Translate { get; init; } = [];

    public ScenarioMovements Movements { get; init; } = new();

    /// <summary>Arrangement or product code (or <c>*</c> for every other) -> its tariff change, applied last.</summary>
    public Dictionary<string, TariffChange> Tariffs { get; init; } = [];

    /// <summary>Reads a scenario file; a file that is not one gives its reasons, each naming where.</summary>
    public static ScenarioDefinition Read(Stream json)
    {
        ScenarioDefinition? definition;
        try
        {
            definition = JsonSerializer.Deserialize<ScenarioDefinition>(json, Json);
        }
        catch (JsonException e)
        {
            throw new ScenarioException([$"not a scenario file at {e.Path ?? "$"} (line {(e.LineNumber ?? 0) + 1}): {e.Message.Split(" Path:")[0]}"]);
        }

        var problems = definition is null ? ["the file is empty (null)"] : definition.Problems().ToList();
        return problems.Count == 0 ? definition! : throw new ScenarioException(problems);
    }

    private IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            yield return "name: every scenario has a name (it heads the report)";
        }

        foreach (var (product, cell) in Translate)
        {
            if (ArrangementCell.Parse(cell) is null)
            {
                yield return $"translate.{product}: '{cell}' is not an arrangement cell";
            }
        }

        foreach (var (name, movement, cellsOnly) in Movements.All())
        {
            foreach (var problem in movement.Problems(name, cellsOnly))
            {
                yield return problem;
            }
        }

        foreach (var (product, cell) in Movements.IntoModel.Targets)
        {
            if (ArrangementCell.Parse(cell) is null)
            {
                yield return $"movements.intoModel.targets.{product}: '{cell}' is not an arrangement cell";
            }
        }

        foreach (var (code, change) in Tariffs)
        {
            if (change.Percent is <= -100 or > 1000)
            {
                yield return $"tariffs.{code}.percent: {change.Percent} is not a change between -100 (exclusive) and 1000";
            }
        }
    }
}

/// <summary>The five movements, in the order they are applied.</summary>
public sealed class ScenarioMovements
{
    /// <summary>1. Fewer result areas at once: one step down on result areas (5 to 3-4, 3-4 to 1-2).</summary>
    public Movement FewerResultAreas { get; init; } = new();

    /// <summary>2. Intensive to less intensive: one step down on intensity (++ to +, + to gemiddeld).</summary>
    public Movement LessIntensive { get; init; } = new();

    /// <summary>3. Towards the voorliggend veld: out of the model, no spend.</summary>
    public Movement VoorliggendVeld { get; init; } = new();

    /// <summary>4. Fewer exceptions outside the model: a product that is no cell to its target cell.</summary>
    public IntoModelMovement IntoModel { get; init; } = new();

    /// <summary>5. Short activating to longer supporting arrangements (ontwikkelen to behouden, activerend to ondersteunend).</summary>
    public Movement ActivatingToSupporting { get; init; } = new();

    /// <summary>Each movement with its name in the file and whether its keys must be cells.</summary>
    internal IEnumerable<(string Name, Movement Movement, bool CellsOnly)> All() =>
    [
        ("movements.fewerResultAreas", FewerResultAreas, true),
        ("movements.lessIntensive", LessIntensive, true),
        ("movements.voorliggendVeld", VoorliggendVeld, false),
        ("movements.intoModel", IntoModel, false),
        ("movements.activatingToSupporting", ActivatingToSupporting, true),
    ];
}

/// <summary>The share of a cell's client-months that moves: <see cref="Cells"/> per cell, <see cref="Share"/> for every other.</summary>
public class Movement
{
    public decimal Share { get; init; }

    public Dictionary<string, decimal> Cells { get; init; } = [];

    /// <summary>The share of what is in <paramref name="key"/> that moves.</summary>
    public decimal ShareOf(string key) => Cells.TryGetValue(key, out var share) ? share : Share;

    internal IEnumerable<string> Problems(string name, bool cellsOnly)
    {
        if (Share is < 0 or > 1)
        {
            yield return $"{name}.share: {Share} is not a share between 0 and 1";
        }

        foreach (var (key, share) in Cells)
        {
            if (share is < 0 or > 1)
            {
                yield return $"{name}.cells.{key}: {share} is not a share between 0 and 1";
            }

            if (cellsOnly && ArrangementCell.Parse(key) is null)
            {
                yield return $"{name}.cells.{key}: '{key}' is not an arrangement cell";
            }
        }
    }
}

/// <summary>Movement 4: also says where each product outside the model goes.</summary>
public sealed class IntoModelMovement : Movement
{
    /// <summary>Product code -> the arrangement cell its client-months move into.</summary>
    public Dictionary<string, string> Targets { get; init; } = [];
}

/// <summary>A tariff change in percent (-2.5 is 2.5 % lower).</summary>
public sealed class TariffChange
{
    public decimal Percent { get; init; }
}

/// <summary>A scenario that cannot be replayed: its file's problems, or a cell without a tariff to price it with.</summary>
public sealed class ScenarioException(IReadOnlyList<string> problems) : Exception(string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
