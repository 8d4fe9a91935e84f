namespace Backoffice.Core.Reference;

/// <summary>
/// One model of arrangements of the regional catalogue: its code prefix and the tokens of its three
/// dimensions, each list from light to heavy (README, "Reference data": the arrangement matrix
/// <c>ARR-{1-2|3-4|5}-{BEH|ONT}-{GEM|PLUS|PLUSPLUS}</c> and the integral home support
/// <c>IWO-{BEP|GEM|GRO}-{ACT|OND}-{GEM|PLUS|INT}</c>). The position of a token (1, 2, 3) is its
/// rank, which is what the steering figures compare.
/// </summary>
/// <param name="Weights">The number of result areas, fewest first.</param>
/// <param name="Supports">The type of support (behouden/ontwikkelen, activerend/ondersteunend); not ranked.</param>
/// <param name="Intensities">The intensity, lightest first.</param>
/// <param name="Supporting">Of <paramref name="Supports"/>, the longer, supporting type (behouden, ondersteunend) that the short, activating one (ontwikkelen, activerend) moves to in the purchasing strategy's fifth movement.</param>
public sealed record ArrangementModel(string Prefix, string Name, IReadOnlyList<string> Weights, IReadOnlyList<string> Supports, IReadOnlyList<string> Intensities, string Supporting)
{
    /// <summary>The 18-cell matrix: result areas 1-2, 3-4, 5 x behouden/ontwikkelen x gemiddeld, +, ++.</summary>
    public static ArrangementModel Matrix { get; } = new("ARR", "arrangement matrix", ["1-2", "3-4", "5"], ["BEH", "ONT"], ["GEM", "PLUS", "PLUSPLUS"], "BEH");

    /// <summary>Integral home support: beperkt, gemiddeld, groot x activerend/ondersteunend x gemiddeld, plus, intensief.</summary>
    public static ArrangementModel Integral { get; } = new("IWO", "integral home support", ["BEP", "GEM", "GRO"], ["ACT", "OND"], ["GEM", "PLUS", "INT"], "OND");

    /// <summary>Every model a code is parsed against, in this order.</summary>
    public static IReadOnlyList<ArrangementModel> All { get; } = [Matrix, Integral];
}

/// <summary>Which way a client moved between two cells at re-allocation.</summary>
public enum CellMovement
{
    /// <summary>Neither rank went up and at least one went down (fewer result areas and/or lower intensity).</summary>
    Afschalen,

    /// <summary>Neither rank went down and at least one went up.</summary>
    Opschalen,

    /// <summary>Both ranks equal (only the type of support changed), the ranks moved in opposite directions, the models differ, or a side is not an arrangement of a known model.</summary>
    Lateral,
}

/// <summary>
/// An arrangement code read as its model, weight (number of result areas), type of support and
/// intensity: the one place where the steering figures and the scenario model parse a code.
/// A code is <c>{Prefix}-{weight}-{support}-{intensity}</c> with every token one of its model's,
/// compared exactly (ordinal, case-sensitive); anything else is no cell of a known model.
/// </summary>
/// <param name="Weight">The rank of the number of result areas, 1 (fewest) to 3.</param>
/// <param name="Intensity">The rank of the intensity, 1 (lightest) to 3.</param>
public sealed record ArrangementCell(string Code, ArrangementModel Model, int Weight, string Support, int Intensity)
{
    public string WeightToken => Model.Weights[Weight - 1];

    public string IntensityToken => Model.Intensities[Intensity - 1];

    /// <summary>The cell of <paramref name="code"/>, or null when it is not a code of a known model.</summary>
    public static ArrangementCell? Parse(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        foreach (var model in ArrangementModel.All)
        {
            var head = model.Prefix + "-";
            if (!code.StartsWith(head, StringComparison.Ordinal))
            {
                continue;
            }

            // The weight token may hold a dash itself ("1-2"), so it is matched as a prefix of the rest.
            var rest = code[head.Length..];
            for (var w = 0; w < model.Weights.Count; w++)
            {
                var weight = model.Weights[w] + "-";
                if (!rest.StartsWith(weight, StringComparison.Ordinal))
                {
                    continue;
                }

                var parts = rest[weight.Length..].Split('-');
                if (parts.Length == 2 && model.Supports.Contains(parts[0], StringComparer.Ordinal) && IndexOf(model.Intensities, parts[1]) is { } i)
                {
                    return new ArrangementCell(code, model, w + 1, parts[0], i + 1);
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The movement from <paramref name="from"/> to <paramref name="to"/>: within one model the
    /// ranks are compared dimension by dimension (a partial order, so a move to fewer result areas
    /// at a higher intensity is neither down nor up: lateral); across models, or with a side that
    /// is not a cell, lateral.
    /// </summary>
    public static CellMovement Compare(ArrangementCell? from, ArrangementCell? to)
    {
        if (from is null || to is null || from.Model != to.Model)
        {
            return CellMovement.Lateral;
        }

        var weight = to.Weight - from.Weight;
        var intensity = to.Intensity - from.Intensity;
        if (weight <= 0 && intensity <= 0 && (weight < 0 || intensity < 0))
        {
            return CellMovement.Afschalen;
        }

        return weight >= 0 && intensity >= 0 && (weight > 0 || intensity > 0) ? CellMovement.Opschalen : CellMovement.Lateral;
    }

    /// <summary>One step fewer result areas, same type and intensity; null at the fewest (the scenario's first movement).</summary>
    public ArrangementCell? FewerResultAreas() => Weight == 1 ? null : With(Weight - 1, Support, Intensity);

    /// <summary>One step less intensive, same result areas and type; null at the lightest (the second movement).</summary>
    public ArrangementCell? LessIntensive() => Intensity == 1 ? null : With(Weight, Support, Intensity - 1);

    /// <summary>The supporting type of the same weight and intensity; null when it is that type already (the fifth movement).</summary>
    public ArrangementCell? ToSupporting() => Support == Model.Supporting ? null : With(Weight, Model.Supporting, Intensity);

    private ArrangementCell With(int weight, string support, int intensity) =>
        new($"{Model.Prefix}-{Model.Weights[weight - 1]}-{support}-{Model.Intensities[intensity - 1]}", Model, weight, support, intensity);

    private static int? IndexOf(IReadOnlyList<string> tokens, string token)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (string.Equals(tokens[i], token, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return null;
    }
}
