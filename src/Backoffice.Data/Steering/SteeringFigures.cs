using Backoffice.Core.Reference;

namespace Backoffice.Data.Steering;

/// <summary>
/// What the steering report is asked for: delivery months <see cref="From"/> to <see cref="To"/>
/// (both the first day of their month, both included), the municipalities (empty: every one) and
/// optionally one provider.
/// </summary>
public sealed record SteeringSelection(DateOnly From, DateOnly To, IReadOnlyList<string> Municipalities, string? Provider)
{
    /// <summary>The first day of the period.</summary>
    public DateOnly FirstDay => new(From.Year, From.Month, 1);

    /// <summary>The last day of the period (the last day of <see cref="To"/>'s month).</summary>
    public DateOnly LastDay => LastMonth.AddMonths(1).AddDays(-1);

    /// <summary>The first day of the period's last month.</summary>
    public DateOnly LastMonth => new(To.Year, To.Month, 1);
}

/// <summary>
/// Clients and spend of one group: the spend is the net of the group's ledger rows (debits
/// positive, credits negative), the clients the distinct BSN whose own net in the group is above 0.
/// </summary>
public sealed record ClientSpend(int Clients, long SpendCents, int LedgerRows)
{
    public static ClientSpend None { get; } = new(0, 0, 0);
}

/// <summary>One municipality's clients and spend (figure 1).</summary>
public sealed record MunicipalityFigure(string Municipality, string? Name, ClientSpend Figures);

/// <summary>
/// One cell (figure 1): an arrangement of the catalogue (the <c>arrangement_code</c> of the
/// current version of the declared product), or a product that is no arrangement, by category and code.
/// </summary>
public sealed record CellKey(string? ArrangementCode, string? ProductCategorie, string? ProductCode)
{
    /// <summary>Arrangements first (by code), then products (by category and code), ordinal.</summary>
    public static IComparer<CellKey> Order { get; } = Comparer<CellKey>.Create(static (a, b) =>
    {
        var kind = (a.ArrangementCode is null).CompareTo(b.ArrangementCode is null);
        return kind != 0 ? kind : string.CompareOrdinal(a.Label, b.Label);
    });

    /// <summary>The arrangement code, or the category and code of a product that is none (<c>01 01A01</c>).</summary>
    public string Label => ArrangementCode ?? $"{ProductCategorie} {ProductCode}";

    public ArrangementCell? Cell => ArrangementCell.Parse(ArrangementCode);

    public static CellKey Of(string? arrangementCode, string? categorie, string? code) =>
        arrangementCode is { Length: > 0 } a ? new CellKey(a, null, null) : new CellKey(null, categorie, code);
}

/// <summary>One cell's clients and spend, with the catalogue's description of it (current version).</summary>
public sealed record CellFigure(CellKey Key, string? Description, ClientSpend Figures);

/// <summary>One provider's clients and spend over the selected municipalities (figure 2).</summary>
public sealed record ProviderFigure(string Provider, string? Name, ClientSpend Figures);

/// <summary>
/// Clients and spend of one model's cells at one rank of one dimension (figure 3): <see cref="Dimension"/>
/// is <c>weight</c> (number of result areas) or <c>intensity</c>; <see cref="Rank"/> 1 to 3 names the
/// model's token (<see cref="ArrangementModel.Weights"/>, <see cref="ArrangementModel.Intensities"/>).
/// </summary>
public sealed record DimensionFigure(ArrangementModel Model, string Dimension, int Rank, ClientSpend Figures, ClientSpend ModelFigures)
{
    public string Token => (Dimension == SteeringReportStore.Weight ? Model.Weights : Model.Intensities)[Rank - 1];
}

/// <summary>
/// Movements from one cell to another at re-allocation (figure 4), dated on the day the later
/// allocation (or version) starts: <see cref="ByNextAllocation"/> another allocation of the same
/// client at the same provider starting the day after the earlier one ends, <see cref="ByNewVersion"/>
/// a new version of the same ToewijzingNummer with another product.
/// </summary>
public sealed record MovementFigure(CellKey From, CellKey To, int ByNextAllocation, int ByNewVersion)
{
    public int Movements => ByNextAllocation + ByNewVersion;

    public CellMovement Direction => ArrangementCell.Compare(From.Cell, To.Cell);
}

/// <summary>Clients whose care ended in the period with one RedenBeeindiging (figure 6), and their stop lines.</summary>
public sealed record OutflowFigure(string Reason, int Clients, int Stops);

/// <summary>Every figure of the steering report, with the durations accumulated from the streamed trajectories.</summary>
public sealed record SteeringFigures(
    SteeringSelection Selection,
    IReadOnlyList<MunicipalityFigure> Municipalities,
    ClientSpend Total,
    IReadOnlyList<CellFigure> Cells,
    IReadOnlyList<ProviderFigure> Providers,
    IReadOnlyList<DimensionFigure> Dimensions,
    IReadOnlyList<MovementFigure> Movements,
    IReadOnlyList<OutflowFigure> Outflow,
    int OutflowClients,
    TrajectoryDurations Durations)
{
    public ProviderConcentration Concentration => ProviderConcentration.Of(Providers);
}
