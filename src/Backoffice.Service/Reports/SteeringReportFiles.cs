using Backoffice.Core.Reference;
using Backoffice.Core.Standard;
using Backoffice.Data.Steering;
using MiniExcelLibs.Attributes;

namespace Backoffice.Service.Reports;

/// <summary>
/// Writes the steering report (README, "Steering report"): one table per figure, as one CSV file
/// per figure (FILE with <c>.{figure}</c> before the extension, <c>steering.csv</c> gives
/// <c>steering.municipalities.csv</c>, ...) or one XLSX workbook with a sheet per figure, through the
/// report helpers every report shares (<see cref="ReportFiles"/>). All files are written under hidden
/// temporary names and renamed into place after one sync pass. The figures hold counts, never a BSN.
/// </summary>
internal static class SteeringReportFiles
{
    public const string Municipalities = "municipalities";
    public const string Cells = "cells";
    public const string Providers = "providers";
    public const string Concentration = "concentration";
    public const string Dimensions = "dimensions";
    public const string Movements = "movements";
    public const string Durations = "durations";
    public const string Outflow = "outflow";

    /// <summary>The value of the <c>row</c> column of a table's closing row(s).</summary>
    public const string TotalRow = "total";

    private const string Euro = ReportFiles.ExcelEuroFormat;
    private const string MonthFormat = ReportFiles.ExcelMonthFormat;
    private const string PercentFormat = ReportFiles.ExcelPercentFormat;
    private const string MonthsFormat = ReportFiles.ExcelMonthsFormat;

    /// <summary>The figures in the order of their sheets (and of the README).</summary>
    public static IReadOnlyList<string> Figures { get; } = [Municipalities, Cells, Providers, Concentration, Dimensions, Movements, Durations, Outflow];

    /// <summary>Writes the report and returns the files written.</summary>
    public static IReadOnlyList<string> Write(SteeringFigures figures, ReportFormat format, string path)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return ReportFiles.Write(format, path,
        [
            ReportTable.Of(Municipalities, MunicipalityRows(figures)),
            ReportTable.Of(Cells, CellRows(figures)),
            ReportTable.Of(Providers, ProviderRows(figures)),
            ReportTable.Of(Concentration, ConcentrationRows(figures)),
            ReportTable.Of(Dimensions, DimensionRows(figures)),
            ReportTable.Of(Movements, MovementRows(figures)),
            ReportTable.Of(Durations, DurationRows(figures)),
            ReportTable.Of(Outflow, OutflowRows(figures)),
        ]);
    }

    private static double Share(long part, long total) => total > 0 ? (double)part / total : 0;

    internal static List<MunicipalityRow> MunicipalityRows(SteeringFigures f)
    {
        var rows = f.Municipalities.Select(m => new MunicipalityRow
        {
            Row = "municipality",
            From = ReportFiles.Date(f.Selection.FirstDay),
            To = ReportFiles.Date(f.Selection.LastMonth),
            Municipality = m.Municipality,
            MunicipalityName = m.Name ?? string.Empty,
            Clients = m.Figures.Clients,
            SpendCents = m.Figures.SpendCents,
            SpendEuros = ReportFiles.Euros(m.Figures.SpendCents),
            SpendShare = Share(m.Figures.SpendCents, f.Total.SpendCents),
            LedgerRows = m.Figures.LedgerRows,
        }).ToList();
        rows.Add(new MunicipalityRow
        {
            Row = TotalRow,
            From = ReportFiles.Date(f.Selection.FirstDay),
            To = ReportFiles.Date(f.Selection.LastMonth),
            Clients = f.Total.Clients,
            SpendCents = f.Total.SpendCents,
            SpendEuros = ReportFiles.Euros(f.Total.SpendCents),
            SpendShare = f.Total.SpendCents > 0 ? 1 : 0,
            LedgerRows = f.Total.LedgerRows,
        });
        return rows;
    }

    internal static List<CellRow> CellRows(SteeringFigures f)
    {
        var rows = f.Cells.Select(c =>
        {
            var cell = c.Key.Cell;
            return new CellRow
            {
                Row = c.Key.ArrangementCode is null ? "product" : "arrangement",
                From = ReportFiles.Date(f.Selection.FirstDay),
                To = ReportFiles.Date(f.Selection.LastMonth),
                Cell = c.Key.Label,
                Model = cell?.Model.Prefix ?? string.Empty,
                Weight = cell?.WeightToken ?? string.Empty,
                Support = cell?.Support ?? string.Empty,
                Intensity = cell?.IntensityToken ?? string.Empty,
                Description = c.Description ?? string.Empty,
                Clients = c.Figures.Clients,
                SpendCents = c.Figures.SpendCents,
                SpendEuros = ReportFiles.Euros(c.Figures.SpendCents),
                SpendShare = Share(c.Figures.SpendCents, f.Total.SpendCents),
            };
        }).ToList();
        rows.Add(new CellRow
        {
            Row = TotalRow,
            From = ReportFiles.Date(f.Selection.FirstDay),
            To = ReportFiles.Date(f.Selection.LastMonth),
            Clients = f.Total.Clients,
            SpendCents = f.Total.SpendCents,
            SpendEuros = ReportFiles.Euros(f.Total.SpendCents),
            SpendShare = f.Total.SpendCents > 0 ? 1 : 0,
        });
        return rows;
    }

    internal static List<ProviderRow> ProviderRows(SteeringFigures f) =>
        [.. f.Concentration.Ranked.Select(r => new ProviderRow
        {
            Rank = r.Rank,
            From = ReportFiles.Date(f.Selection.FirstDay),
            To = ReportFiles.Date(f.Selection.LastMonth),
            Provider = r.Provider.Provider,
            ProviderName = r.Provider.Name ?? string.Empty,
            Clients = r.Provider.Figures.Clients,
            SpendCents = r.Provider.Figures.SpendCents,
            SpendEuros = ReportFiles.Euros(r.Provider.Figures.SpendCents),
            SpendShare = Share(r.Provider.Figures.SpendCents, r.TotalCents),
            CumulativeCents = r.CumulativeCents,
            CumulativeEuros = ReportFiles.Euros(r.CumulativeCents),
            CumulativeShare = r.CumulativeShare,
            CumulativePercent = r.CumulativePercent,
            Small = r.IsSmall ? "yes" : "no",
        })];

    internal static List<ConcentrationRow> ConcentrationRows(SteeringFigures f)
    {
        var c = f.Concentration;
        var rows = new List<ConcentrationRow>
        {
            ConcentrationFigure(f, "providers", null, c.Ranked.Count, c.TotalCents, c.TotalCents > 0 ? 1 : 0),
        };
        foreach (var percent in ProviderConcentration.TrackedShares)
        {
            var carrying = c.Carrying(percent);
            rows.Add(ConcentrationFigure(f, $"carrying {percent} %", percent, carrying?.Rank ?? 0, carrying?.CumulativeCents ?? 0, carrying?.CumulativeShare ?? 0));
        }

        var small = c.Small;
        var smallCents = small.Sum(s => s.Provider.Figures.SpendCents);
        rows.Add(ConcentrationFigure(f, $"fewer than {ProviderConcentration.SmallProviderClients} clients", null, small.Count, smallCents, Share(smallCents, c.TotalCents)));
        return rows;
    }

    private static ConcentrationRow ConcentrationFigure(SteeringFigures f, string figure, int? percent, int providers, long cents, double share) => new()
    {
        Figure = figure,
        From = ReportFiles.Date(f.Selection.FirstDay),
        To = ReportFiles.Date(f.Selection.LastMonth),
        Percent = percent is { } p ? p / 100d : null,
        Providers = providers,
        SpendCents = cents,
        SpendEuros = ReportFiles.Euros(cents),
        SpendShare = share,
        SharePercent = ProviderConcentration.RoundedPercent(cents, f.Concentration.TotalCents),
    };

    internal static List<DimensionRow> DimensionRows(SteeringFigures f) =>
        [.. f.Dimensions.Select(d => new DimensionRow
        {
            From = ReportFiles.Date(f.Selection.FirstDay),
            To = ReportFiles.Date(f.Selection.LastMonth),
            Model = d.Model.Prefix,
            Dimension = d.Dimension,
            Rank = d.Rank,
            Value = d.Token,
            Clients = d.Figures.Clients,
            ClientShare = Share(d.Figures.Clients, d.ModelFigures.Clients),
            SpendCents = d.Figures.SpendCents,
            SpendEuros = ReportFiles.Euros(d.Figures.SpendCents),
            SpendShare = Share(d.Figures.SpendCents, d.ModelFigures.SpendCents),
            ModelClients = d.ModelFigures.Clients,
            ModelSpendCents = d.ModelFigures.SpendCents,
        })];

    internal static List<MovementRow> MovementRows(SteeringFigures f)
    {
        var rows = f.Movements.Select(m => new MovementRow
        {
            Row = "movement",
            From = ReportFiles.Date(f.Selection.FirstDay),
            To = ReportFiles.Date(f.Selection.LastMonth),
            FromCell = m.From.Label,
            ToCell = m.To.Label,
            Direction = Direction(m.Direction),
            ByNextAllocation = m.ByNextAllocation,
            ByNewVersion = m.ByNewVersion,
            Movements = m.Movements,
        }).ToList();
        foreach (var direction in Enum.GetValues<CellMovement>())
        {
            var of = f.Movements.Where(m => m.Direction == direction).ToList();
            rows.Add(new MovementRow
            {
                Row = TotalRow,
                From = ReportFiles.Date(f.Selection.FirstDay),
                To = ReportFiles.Date(f.Selection.LastMonth),
                Direction = Direction(direction),
                ByNextAllocation = of.Sum(m => m.ByNextAllocation),
                ByNewVersion = of.Sum(m => m.ByNewVersion),
                Movements = of.Sum(m => m.Movements),
            });
        }

        return rows;
    }

    private static string Direction(CellMovement movement) => movement switch
    {
        CellMovement.Afschalen => "afschalen",
        CellMovement.Opschalen => "opschalen",
        _ => "lateral",
    };

    internal static List<DurationRow> DurationRows(SteeringFigures f)
    {
        var rows = f.Durations.Cells.Select(c => Duration(f, "cell", c.Cell.Label, c.Summary)).ToList();
        rows.Add(Duration(f, TotalRow, string.Empty, f.Durations.Total));
        return rows;
    }

    private static DurationRow Duration(SteeringFigures f, string row, string cell, DurationSummary s) => new()
    {
        Row = row,
        From = ReportFiles.Date(f.Selection.FirstDay),
        To = ReportFiles.Date(f.Selection.LastMonth),
        Cell = cell,
        Trajectories = s.Trajectories,
        Running = s.Running,
        Months0To3 = s.Buckets[0],
        Months3To6 = s.Buckets[1],
        Months6To12 = s.Buckets[2],
        Months12To24 = s.Buckets[3],
        MonthsOver24 = s.Buckets[4],
        MeanMonths = s.MeanMonths,
        MedianMonths = s.MedianMonths,
    };

    internal static List<OutflowRow> OutflowRows(SteeringFigures f)
    {
        var rows = f.Outflow.Select(o => OutflowFigure(f, "reason", o.Reason, o.Clients, o.Stops)).ToList();
        rows.Add(OutflowFigure(f, TotalRow, string.Empty, f.OutflowClients, f.Outflow.Sum(o => o.Stops)));
        var plan = f.Outflow.FirstOrDefault(o => o.Reason == EndReasons.VolgensPlan);
        rows.Add(OutflowFigure(f, "goal realisation", EndReasons.VolgensPlan, plan?.Clients ?? 0, plan?.Stops ?? 0));
        return rows;
    }

    private static OutflowRow OutflowFigure(SteeringFigures f, string row, string reason, int clients, int stops) => new()
    {
        Row = row,
        From = ReportFiles.Date(f.Selection.FirstDay),
        To = ReportFiles.Date(f.Selection.LastMonth),
        Reason = reason,
        Description = reason.Length == 0 ? string.Empty : EndReasons.Describe(reason),
        Clients = clients,
        ClientShare = Share(clients, f.OutflowClients),
        Stops = stops,
    };

    /// <summary>Figure 1: clients and spend per municipality, and the total of the selection.</summary>
    internal sealed class MunicipalityRow
    {
        [ExcelColumnName("row")] public string Row { get; init; } = string.Empty;

        [ExcelColumnName("from_month"), ExcelFormat(MonthFormat)] public DateTime From { get; init; }

        [ExcelColumnName("to_month"), ExcelFormat(MonthFormat)] public DateTime To { get; init; }

        [ExcelColumnName("municipality")] public string Municipality { get; init; } = string.Empty;

        [ExcelColumnName("municipality_name")] public string MunicipalityName { get; init; } = string.Empty;

        [ExcelColumnName("clients")] public int Clients { get; init; }

        [ExcelColumnName("spend_cents")] public long SpendCents { get; init; }

        [ExcelColumnName("spend_eur"), ExcelFormat(Euro)] public decimal SpendEuros { get; init; }

        [ExcelColumnName("spend_share"), ExcelFormat(PercentFormat)] public double SpendShare { get; init; }

        [ExcelColumnName("ledger_rows")] public int LedgerRows { get; init; }
    }

    /// <summary>Figure 1: clients and spend per arrangement cell or product.</summary>
    internal sealed class CellRow
    {
        [ExcelColumnName("row")] public string Row { get; init; } = string.Empty;

        [ExcelColumnName("from_month"), ExcelFormat(MonthFormat)] public DateTime From { get; init; }

        [ExcelColumnName("to_month"), ExcelFormat(MonthFormat)] public DateTime To { get; init; }

        [ExcelColumnName("cell")] public string Cell { get; init; } = string.Empty;

        [ExcelColumnName("model")] public string Model { get; init; } = string.Empty;

        [ExcelColumnName("weight")] public string Weight { get; init; } = string.Empty;

        [ExcelColumnName("support")] public string Support { get; init; } = string.Empty;

        [ExcelColumnName("intensity")] public string Intensity { get; init; } = string.Empty;

        [ExcelColumnName("description")] public string Description { get; init; } = string.Empty;

        [ExcelColumnName("clients")] public int Clients { get; init; }

        [ExcelColumnName("spend_cents")] public long SpendCents { get; init; }

        [ExcelColumnName("spend_eur"), ExcelFormat(Euro)] public decimal SpendEuros { get; init; }

        [ExcelColumnName("spend_share"), ExcelFormat(PercentFormat)] public double SpendShare { get; init; }
    }

    /// <summary>Figure 2: the providers ranked by spend, with the cumulative spend of the largest N.</summary>
    internal sealed class ProviderRow
    {
        [ExcelColumnName("rank")] public int Rank { get; init; }

        [ExcelColumnName("from_month"), ExcelFormat(MonthFormat)] public DateTime From { get; init; }

        [ExcelColumnName("to_month"), ExcelFormat(MonthFormat)] public DateTime To { get; init; }

        [ExcelColumnName("provider")] public string Provider { get; init; } = string.Empty;

        [ExcelColumnName("provider_name")] public string ProviderName { get; init; } = string.Empty;

        [ExcelColumnName("clients")] public int Clients { get; init; }

        [ExcelColumnName("spend_cents")] public long SpendCents { get; init; }

        [ExcelColumnName("spend_eur"), ExcelFormat(Euro)] public decimal SpendEuros { get; init; }

        [ExcelColumnName("spend_share"), ExcelFormat(PercentFormat)] public double SpendShare { get; init; }

        [ExcelColumnName("cumulative_cents")] public long CumulativeCents { get; init; }

        [ExcelColumnName("cumulative_eur"), ExcelFormat(Euro)] public decimal CumulativeEuros { get; init; }

        [ExcelColumnName("cumulative_share"), ExcelFormat(PercentFormat)] public double CumulativeShare { get; init; }

        [ExcelColumnName("cumulative_percent_rounded")] public long CumulativePercent { get; init; }

        [ExcelColumnName("small")] public string Small { get; init; } = string.Empty;
    }

    /// <summary>Figure 2: how many providers there are, how few carry 80 % and 90 %, and the small-provider tail.</summary>
    internal sealed class ConcentrationRow
    {
        [ExcelColumnName("figure")] public string Figure { get; init; } = string.Empty;

        [ExcelColumnName("from_month"), ExcelFormat(MonthFormat)] public DateTime From { get; init; }

        [ExcelColumnName("to_month"), ExcelFormat(MonthFormat)] public DateTime To { get; init; }

        [ExcelColumnName("target_share"), ExcelFormat(PercentFormat)] public double? Percent { get; init; }

        [ExcelColumnName("providers")] public int Providers { get; init; }

        [ExcelColumnName("spend_cents")] public long SpendCents { get; init; }

        [ExcelColumnName("spend_eur"), ExcelFormat(Euro)] public decimal SpendEuros { get; init; }

        [ExcelColumnName("spend_share"), ExcelFormat(PercentFormat)] public double SpendShare { get; init; }

        [ExcelColumnName("share_percent_rounded")] public long SharePercent { get; init; }
    }

    /// <summary>Figure 3: clients and spend per rank of weight and intensity, per model of arrangements.</summary>
    internal sealed class DimensionRow
    {
        [ExcelColumnName("from_month"), ExcelFormat(MonthFormat)] public DateTime From { get; init; }

        [ExcelColumnName("to_month"), ExcelFormat(MonthFormat)] public DateTime To { get; init; }

        [ExcelColumnName("model")] public string Model { get; init; } = string.Empty;

        [ExcelColumnName("dimension")] public string Dimension { get; init; } = string.Empty;

        [ExcelColumnName("rank")] public int Rank { get; init; }

        [ExcelColumnName("value")] public string Value { get; init; } = string.Empty;

        [ExcelColumnName("clients")] public int Clients { get; init; }

        [ExcelColumnName("client_share"), ExcelFormat(PercentFormat)] public double ClientShare { get; init; }

        [ExcelColumnName("spend_cents")] public long SpendCents { get; init; }

        [ExcelColumnName("spend_eur"), ExcelFormat(Euro)] public decimal SpendEuros { get; init; }

        [ExcelColumnName("spend_share"), ExcelFormat(PercentFormat)] public double SpendShare { get; init; }

        [ExcelColumnName("model_clients")] public int ModelClients { get; init; }

        [ExcelColumnName("model_spend_cents")] public long ModelSpendCents { get; init; }
    }

    /// <summary>Figure 4: movements between cells at re-allocation, and per direction their totals.</summary>
    internal sealed class MovementRow
    {
        [ExcelColumnName("row")] public string Row { get; init; } = string.Empty;

        [ExcelColumnName("from_month"), ExcelFormat(MonthFormat)] public DateTime From { get; init; }

        [ExcelColumnName("to_month"), ExcelFormat(MonthFormat)] public DateTime To { get; init; }

        [ExcelColumnName("from_cell")] public string FromCell { get; init; } = string.Empty;

        [ExcelColumnName("to_cell")] public string ToCell { get; init; } = string.Empty;

        [ExcelColumnName("direction")] public string Direction { get; init; } = string.Empty;

        [ExcelColumnName("by_next_allocation")] public int ByNextAllocation { get; init; }

        [ExcelColumnName("by_new_version")] public int ByNewVersion { get; init; }

        [ExcelColumnName("movements")] public int Movements { get; init; }
    }

    /// <summary>Figure 5: the durations of trajectories per cell, as buckets and mean and median.</summary>
    internal sealed class DurationRow
    {
        [ExcelColumnName("row")] public string Row { get; init; } = string.Empty;

        [ExcelColumnName("from_month"), ExcelFormat(MonthFormat)] public DateTime From { get; init; }

        [ExcelColumnName("to_month"), ExcelFormat(MonthFormat)] public DateTime To { get; init; }

        [ExcelColumnName("cell")] public string Cell { get; init; } = string.Empty;

        [ExcelColumnName("trajectories")] public int Trajectories { get; init; }

        [ExcelColumnName("running")] public int Running { get; init; }

        [ExcelColumnName("months_0_3")] public int Months0To3 { get; init; }

        [ExcelColumnName("months_3_6")] public int Months3To6 { get; init; }

        [ExcelColumnName("months_6_12")] public int Months6To12 { get; init; }

        [ExcelColumnName("months_12_24")] public int Months12To24 { get; init; }

        [ExcelColumnName("months_over_24")] public int MonthsOver24 { get; init; }

        [ExcelColumnName("mean_months"), ExcelFormat(MonthsFormat)] public decimal MeanMonths { get; init; }

        [ExcelColumnName("median_months"), ExcelFormat(MonthsFormat)] public decimal MedianMonths { get; init; }
    }

    /// <summary>Figure 6: clients whose care ended in the period, per RedenBeeindiging.</summary>
    internal sealed class OutflowRow
    {
        [ExcelColumnName("row")] public string Row { get; init; } = string.Empty;

        [ExcelColumnName("from_month"), ExcelFormat(MonthFormat)] public DateTime From { get; init; }

        [ExcelColumnName("to_month"), ExcelFormat(MonthFormat)] public DateTime To { get; init; }

        [ExcelColumnName("reason")] public string Reason { get; init; } = string.Empty;

        [ExcelColumnName("description")] public string Description { get; init; } = string.Empty;

        [ExcelColumnName("clients")] public int Clients { get; init; }

        [ExcelColumnName("client_share"), ExcelFormat(PercentFormat)] public double ClientShare { get; init; }

        [ExcelColumnName("stops")] public int Stops { get; init; }
    }
}
