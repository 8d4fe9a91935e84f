namespace Backoffice.Core.Reference;

/// <summary>
/// One cell of a regional arrangement model, read from its <c>arrangement_code</c> (README,
/// "Reference data"): <c>ARR-{1-2|3-4|5}-{ONT|BEH}-{GEM|PLUS|PLUSPLUS}</c> for the 18-cell matrix
/// (result areas x develop/maintain x intensity) and <c>IWO-{BEP|GEM|GRO}-{ACT|OND}-{GEM|PLUS|INT}</c>
/// for integral home support (beperkt/gemiddeld/groot x activerend/ondersteunend x intensity).
/// Each dimension is kept as a step (0 = lightest), so a movement between cells is one step on one
/// dimension; every other code is not a cell (an hour product, a maatwerk code).
/// </summary>
/// <param name="Model">ARR or IWO.</param>
/// <param name="Weight">Result areas: 0 = 1-2 (beperkt), 1 = 3-4 (gemiddeld), 2 = 5 (groot).</param>
/// <param name="Supporting">False for the short, activating type (ONT, ACT), true for the longer, supporting one (BEH, OND).</param>
/// <param name="Intensity">0 = gemiddeld, 1 = plus, 2 = plusplus (intensief).</param>
public sealed record ArrangementCell(string Model, int Weight, bool Supporting, int Intensity)
{
    private static readonly Dictionary<string, (string[] Weights, string Activating, string Supporting, string[] Intensities)> Models = new(StringComparer.Ordinal)
    {
        ["ARR"] = (["1-2", "3-4", "5"], "ONT", "BEH", ["GEM", "PLUS", "PLUSPLUS"]),
        ["IWO"] = (["BEP", "GEM", "GRO"], "ACT", "OND", ["GEM", "PLUS", "INT"]),
    };

    /// <summary>The arrangement code of this cell.</summary>
    public string Code
    {
        get
        {
            var m = Models[Model];
            return $"{Model}-{m.Weights[Weight]}-{(Supporting ? m.Supporting : m.Activating)}-{m.Intensities[Intensity]}";
        }
    }

    /// <summary>The cell of <paramref name="code"/>, or null when it is not a cell of a known model.</summary>
    public static ArrangementCell? Parse(string? code)
    {
        if (code is null || code.IndexOf('-', StringComparison.Ordinal) is var dash && dash < 0 || !Models.TryGetValue(code[..dash], out var m))
        {
            return null;
        }

        // The weight of ARR has a dash of its own (1-2, 3-4), so the code is read from both ends.
        var rest = code[(dash + 1)..];
        var last = rest.LastIndexOf('-');
        var middle = last < 0 ? -1 : rest.LastIndexOf('-', last - 1);
        if (middle < 0)
        {
            return null;
        }

        var weight = Array.IndexOf(m.Weights, rest[..middle]);
        var type = rest[(middle + 1)..last];
        var intensity = Array.IndexOf(m.Intensities, rest[(last + 1)..]);
        if (weight < 0 || intensity < 0 || (type != m.Activating && type != m.Supporting))
        {
            return null;
        }

        return new ArrangementCell(code[..dash], weight, type == m.Supporting, intensity);
    }

    /// <summary>One step fewer result areas, same type and intensity; null at the fewest.</summary>
    public ArrangementCell? FewerResultAreas() => Weight == 0 ? null : this with { Weight = Weight - 1 };

    /// <summary>One step less intensive, same result areas and type; null at gemiddeld.</summary>
    public ArrangementCell? LessIntensive() => Intensity == 0 ? null : this with { Intensity = Intensity - 1 };

    /// <summary>The supporting (longer) arrangement of the same weight and intensity; null when it is one already.</summary>
    public ArrangementCell? ToSupporting() => Supporting ? null : this with { Supporting = true };
}
