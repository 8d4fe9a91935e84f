using Backoffice.Core.Scenarios;
using Backoffice.Data.Scenarios;
using MiniExcelLibs.Attributes;

namespace Backoffice.Service.Reports;

/// <summary>
/// Writes the scenario report (README, "Scenario report"): the stages, spend per municipality, per
/// provider and per cell against what was paid, and every paid line with what the scenario makes of
/// it, so each figure traces back to the declarations it came from. CSV: the cells at FILE and the
/// others beside it (<c>.stages</c>, <c>.municipalities</c>, <c>.providers</c>, <c>.lines</c>); XLSX:
/// one workbook. Exact sums are rounded to whole cents only here, half away from zero.
/// </summary>
internal static class ScenarioReportFiles
{
    public const string Stages = "stages";
    public const string Municipalities = "municipalities";
    public const string Providers = "providers";
    public const string Cells = "cells";
    public const string Lines = "lines";

    private const string Euro = ReportFiles.ExcelEuroFormat;
    private const string Month = ReportFiles.ExcelMonthFormat;

    /// <summary>Writes the report; <paramref name="lines"/> is enumerated once, while the lines table is written.</summary>
    public static IReadOnlyList<string> Write(ScenarioDefinition scenario, (DateOnly From, DateOnly To) period, ScenarioTotals totals, IEnumerable<LineRow> lines, ReportFormat format, string path) =>
        ReportFiles.Write(
            format,
            path,
            [
                ReportTable.Of(Stages, StageRows(scenario, period, totals)),
                ReportTable.Of(Municipalities, Grouped(totals, k => (k.Municipality, string.Empty))),
                ReportTable.Of(Providers, Grouped(totals, k => (string.Empty, k.Provider))),
                ReportTable.Of(Cells, CellRows(totals)),
                ReportTable.Of(Lines, lines),
            ],
            main: Cells);

    internal static List<StageRow> StageRows(ScenarioDefinition scenario, (DateOnly From, DateOnly To) period, ScenarioTotals totals) =>
        [.. ScenarioModel.Stages.Select((stage, i) => new StageRow
        {
            Scenario = scenario.Name,
            From = ReportFiles.Date(period.From),
            To = ReportFiles.Date(period.To),
            Step = i,
            Stage = stage,
            SpendCents = totals.SpendCents(i),
            EffectCents = totals.EffectCents(i),
            ClientMonthsMoved = decimal.Round(totals.MovedAtStage[i], 4),
            SpendEuros = ReportFiles.Euros(totals.SpendCents(i)),
            EffectEuros = ReportFiles.Euros(totals.EffectCents(i)),
        })];

    /// <summary>The cells summed by <paramref name="by"/> (a municipality, or a provider), then the total.</summary>
    internal static List<TotalRow> Grouped(ScenarioTotals totals, Func<(string Municipality, string Provider, string Cell), (string Municipality, string Provider)> by) =>
        [.. totals.Cells
            .GroupBy(c => by(c.Key))
            .OrderBy(g => g.Key.Municipality, StringComparer.Ordinal).ThenBy(g => g.Key.Provider, StringComparer.Ordinal)
            .Select(g => Total(g.Key.Municipality, g.Key.Provider, g.Sum(c => c.Value.ActualCents), g.Sum(c => c.Value.ScenarioCents)))
            .Append(Total("total", string.Empty, totals.ActualCents, totals.AfterStage[^1]))];

    internal static List<CellRow> CellRows(ScenarioTotals totals) =>
        [.. totals.Cells
            .OrderBy(c => c.Key.Municipality, StringComparer.Ordinal).ThenBy(c => c.Key.Provider, StringComparer.Ordinal).ThenBy(c => c.Key.Cell, StringComparer.Ordinal)
            .Select(c =>
            {
                var scenario = ScenarioTotals.Cents(c.Value.ScenarioCents);
                return new CellRow
                {
                    Municipality = c.Key.Municipality,
                    Provider = c.Key.Provider,
                    Cell = c.Key.Cell,
                    Model = ScenarioTotals.ModelOf(c.Key.Cell),
                    Prestaties = c.Value.Prestaties,
                    ActualClientMonths = c.Value.ActualClientMonths,
                    ScenarioClientMonths = decimal.Round(c.Value.ScenarioClientMonths, 4),
                    ActualCents = c.Value.ActualCents,
                    ScenarioCents = scenario,
                    DifferenceCents = scenario - c.Value.ActualCents,
                    ActualEuros = ReportFiles.Euros(c.Value.ActualCents),
                    ScenarioEuros = ReportFiles.Euros(scenario),
                    DifferenceEuros = ReportFiles.Euros(scenario - c.Value.ActualCents),
                };
            })];

    /// <summary>One paid line as the scenario replays it.</summary>
    internal static LineRow Line(ScenarioLedgerRow row, ScenarioReplay replay)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(replay);
        var scenario = ScenarioTotals.Cents(replay.AfterStage[^1]);
        return new LineRow
        {
            PrestatieId = row.PrestatieId,
            MessageId = row.MessageId,
            DeclaratieNummer = row.DeclaratieNummer,
            ReferentieNummer = row.ReferentieNummer,
            Municipality = row.Municipality,
            Provider = row.Line.Provider,
            ProductCode = row.Line.ProductCode,
            Cell = row.Line.Origin,
            DeliveryMonth = ReportFiles.Date(row.DeliveryMonth),
            EndsIn = string.Join("; ", replay.Final.Select(f => $"{f.Target} {decimal.Round(f.Share, 4).ToString(System.Globalization.CultureInfo.InvariantCulture)}")),
            ActualCents = row.Line.AmountCents,
            ScenarioCents = scenario,
            ActualEuros = ReportFiles.Euros(row.Line.AmountCents),
            ScenarioEuros = ReportFiles.Euros(scenario),
        };
    }

    private static TotalRow Total(string municipality, string provider, long actual, decimal exact)
    {
        var scenario = ScenarioTotals.Cents(exact);
        return new TotalRow
        {
            Municipality = municipality,
            Provider = provider,
            ActualCents = actual,
            ScenarioCents = scenario,
            DifferenceCents = scenario - actual,
            ActualEuros = ReportFiles.Euros(actual),
            ScenarioEuros = ReportFiles.Euros(scenario),
            DifferenceEuros = ReportFiles.Euros(scenario - actual),
        };
    }

    /// <summary>A stage of the replay with the spend after it and what it changed.</summary>
    internal sealed class StageRow
    {
        [ExcelColumnName("scenario")]
        public string Scenario { get; init; } = string.Empty;

        [ExcelColumnName("from"), ExcelFormat(Month)]
        public DateTime From { get; init; }

        [ExcelColumnName("to"), ExcelFormat(Month)]
        public DateTime To { get; init; }

        [ExcelColumnName("step")]
        public int Step { get; init; }

        [ExcelColumnName("stage")]
        public string Stage { get; init; } = string.Empty;

        [ExcelColumnName("spend_cents")]
        public long SpendCents { get; init; }

        [ExcelColumnName("effect_cents")]
        public long EffectCents { get; init; }

        [ExcelColumnName("client_months_moved")]
        public decimal ClientMonthsMoved { get; init; }

        [ExcelColumnName("spend_eur"), ExcelFormat(Euro)]
        public decimal SpendEuros { get; init; }

        [ExcelColumnName("effect_eur"), ExcelFormat(Euro)]
        public decimal EffectEuros { get; init; }
    }

    /// <summary>A municipality or a provider (the other column empty), or the last row <c>total</c>.</summary>
    internal sealed class TotalRow
    {
        [ExcelColumnName("municipality")]
        public string Municipality { get; init; } = string.Empty;

        [ExcelColumnName("provider")]
        public string Provider { get; init; } = string.Empty;

        [ExcelColumnName("actual_cents")]
        public long ActualCents { get; init; }

        [ExcelColumnName("scenario_cents")]
        public long ScenarioCents { get; init; }

        [ExcelColumnName("difference_cents")]
        public long DifferenceCents { get; init; }

        [ExcelColumnName("actual_eur"), ExcelFormat(Euro)]
        public decimal ActualEuros { get; init; }

        [ExcelColumnName("scenario_eur"), ExcelFormat(Euro)]
        public decimal ScenarioEuros { get; init; }

        [ExcelColumnName("difference_eur"), ExcelFormat(Euro)]
        public decimal DifferenceEuros { get; init; }
    }

    /// <summary>One municipality, provider and cell (or product, or the voorliggend veld).</summary>
    internal sealed class CellRow
    {
        [ExcelColumnName("municipality")]
        public string Municipality { get; init; } = string.Empty;

        [ExcelColumnName("provider")]
        public string Provider { get; init; } = string.Empty;

        [ExcelColumnName("cell")]
        public string Cell { get; init; } = string.Empty;

        [ExcelColumnName("model")]
        public string Model { get; init; } = string.Empty;

        [ExcelColumnName("prestaties")]
        public int Prestaties { get; init; }

        [ExcelColumnName("actual_client_months")]
        public decimal ActualClientMonths { get; init; }

        [ExcelColumnName("scenario_client_months")]
        public decimal ScenarioClientMonths { get; init; }

        [ExcelColumnName("actual_cents")]
        public long ActualCents { get; init; }

        [ExcelColumnName("scenario_cents")]
        public long ScenarioCents { get; init; }

        [ExcelColumnName("difference_cents")]
        public long DifferenceCents { get; init; }

        [ExcelColumnName("actual_eur"), ExcelFormat(Euro)]
        public decimal ActualEuros { get; init; }

        [ExcelColumnName("scenario_eur"), ExcelFormat(Euro)]
        public decimal ScenarioEuros { get; init; }

        [ExcelColumnName("difference_eur"), ExcelFormat(Euro)]
        public decimal DifferenceEuros { get; init; }
    }

    /// <summary>One paid prestatie: where it came from, where the scenario moved it, what it paid and would pay.</summary>
    internal sealed class LineRow
    {
        [ExcelColumnName("prestatie_id")]
        public long PrestatieId { get; init; }

        [ExcelColumnName("message_id")]
        public long MessageId { get; init; }

        [ExcelColumnName("declaratie_nummer")]
        public string DeclaratieNummer { get; init; } = string.Empty;

        [ExcelColumnName("referentie_nummer")]
        public string ReferentieNummer { get; init; } = string.Empty;

        [ExcelColumnName("municipality")]
        public string Municipality { get; init; } = string.Empty;

        [ExcelColumnName("provider")]
        public string Provider { get; init; } = string.Empty;

        [ExcelColumnName("product_code")]
        public string ProductCode { get; init; } = string.Empty;

        [ExcelColumnName("cell")]
        public string Cell { get; init; } = string.Empty;

        [ExcelColumnName("delivery_month"), ExcelFormat(Month)]
        public DateTime DeliveryMonth { get; init; }

        [ExcelColumnName("ends_in")]
        public string EndsIn { get; init; } = string.Empty;

        [ExcelColumnName("actual_cents")]
        public long ActualCents { get; init; }

        [ExcelColumnName("scenario_cents")]
        public long ScenarioCents { get; init; }

        [ExcelColumnName("actual_eur"), ExcelFormat(Euro)]
        public decimal ActualEuros { get; init; }

        [ExcelColumnName("scenario_eur"), ExcelFormat(Euro)]
        public decimal ScenarioEuros { get; init; }
    }
}
