using System.CommandLine;
using System.Globalization;
using Backoffice.Core.Standard;
using Backoffice.Data;
using Backoffice.Data.Steering;
using Backoffice.Service.Hosting;
using Backoffice.Service.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Service.Cli;

/// <summary>
/// <c>backoffice report steering --from yyyy-MM --to yyyy-MM [--municipality CODE]... [--provider AGB]
/// --format csv|xlsx --out FILE [--data DIR] [--config FILE]</c>: the figures the regional purchasing
/// strategies steer on (README, "Steering report"), computed in SQL from the ledger, the register and
/// the catalogue for the delivery months from and to. Exit 0 written, 2 usage, configuration, I/O or
/// database error (nothing written).
/// </summary>
internal static partial class ReportCommand
{
    private static Command Steering(TextWriter stdout, TextWriter stderr)
    {
        var from = MonthOption("--from", "The first delivery month of the period (yyyy-MM).");
        var to = MonthOption("--to", "The last delivery month of the period (yyyy-MM), included.");
        var municipalities = new Option<string[]>("--municipality")
        {
            Description = "Only these municipalities (4-digit CBS codes; repeat the option for several). Absent: every served municipality.",
            HelpName = "CODE",
            Arity = ArgumentArity.ZeroOrMore,
        };
        municipalities.Validators.Add(result =>
        {
            foreach (var code in result.GetValueOrDefault<string[]?>() ?? [])
            {
                if (!CbsCode().IsMatch(code))
                {
                    result.AddError($"--municipality must be a CBS code of 4 digits, not '{code}'.");
                }
            }
        });
        var provider = ProviderOption();
        var format = new Option<string>("--format") { Description = "csv (one file per figure: FILE with .municipalities, .cells, ... before the extension) or xlsx (one workbook, a sheet per figure).", Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string>("--out") { Description = "The report file; its folder must exist. Existing files are replaced whole.", HelpName = "FILE", Required = true };
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var command = new Command("steering", "Steering figures: clients and spend per municipality, cell and provider, provider concentration, arrangement weight and intensity, movements between cells, durations, outflow by reason.")
        {
            from, to, municipalities, provider, format, output, data, config,
        };
        command.SetAction(async (parse, ct) => await RunSteeringAsync(
            new SteeringSelection(parse.GetValue(from)!.Value, parse.GetValue(to)!.Value, [.. (parse.GetValue(municipalities) ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)], parse.GetValue(provider)),
            parse.GetValue(format) == "xlsx" ? ReportFormat.Xlsx : ReportFormat.Csv,
            parse.GetValue(output)!,
            new HostSettings(CommonOptions.Overrides(("Data:Directory", parse.GetValue(data))), parse.GetValue(config), ConsoleToStandardError: true),
            stdout,
            stderr,
            ct));
        return command;
    }

    private static Task<int> RunSteeringAsync(SteeringSelection selection, ReportFormat format, string path, HostSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        RunReportAsync(path, settings, (selection.From, selection.To), selection.Municipalities, selection.Provider, stderr, async services =>
        {
            var figures = await new SteeringReportStore(services.GetRequiredService<IDbConnectionFactory>()).ReadAsync(selection, ct);
            var written = SteeringReportFiles.Write(figures, format, path);
            await SummariseSteering(figures, written, stdout);
            return ExitCodes.Ok;
        }, ct);

    private static async Task SummariseSteering(SteeringFigures f, IReadOnlyList<string> written, TextWriter stdout)
    {
        var s = f.Selection;
        var scope = s.Municipalities.Count == 0 ? "all municipalities" : "municipalities " + string.Join(", ", s.Municipalities);
        if (s.Provider is { } agb)
        {
            scope += ", provider " + agb;
        }

        var c = f.Concentration;
        var lines = new List<string>
        {
            $"Steering figures, delivery months {StoredDates.Month(s.FirstDay)} to {StoredDates.Month(s.LastDay)}, {scope}:",
            Invariant($"  {f.Total.Clients} clients, spend {Euro(f.Total.SpendCents)} ({f.Total.LedgerRows} ledger rows); ") +
                string.Join("; ", f.Municipalities.Select(m => Invariant($"{m.Municipality}{Named(m.Name)} {m.Figures.Clients} / {Euro(m.Figures.SpendCents)}"))),
            Invariant($"  {c.Ranked.Count} {(c.Ranked.Count == 1 ? "provider" : "providers")}; ") + string.Join("; ", ProviderConcentration.TrackedShares.Select(p => c.Carrying(p) is { } r
                ? Invariant($"{p} %: the {r.Rank} largest carry {Euro(r.CumulativeCents)} ({r.CumulativeShare * 100:0.00000} %)")
                : Invariant($"{p} %: no number of providers carries it"))) +
                Invariant($"; {c.Small.Count} {(c.Small.Count == 1 ? "provider" : "providers")} with fewer than {ProviderConcentration.SmallProviderClients} clients, together {Euro(c.Small.Sum(r => r.Provider.Figures.SpendCents))}"),
            Invariant($"  {f.Cells.Count} cells or products; movements at re-allocation: ") + string.Join(", ", Enum.GetValues<Core.Reference.CellMovement>().Select(d => Invariant($"{f.Movements.Where(m => m.Direction == d).Sum(m => m.Movements)} {d.ToString().ToLowerInvariant()}"))),
            Invariant($"  {f.Durations.Total.Trajectories} trajectories ({f.Durations.Total.Running} running at the period end), mean {f.Durations.Total.MeanMonths:0.00} months, median {f.Durations.Total.MedianMonths:0.00}"),
            Invariant($"  outflow: {f.OutflowClients} clients whose care ended; ") + (f.OutflowClients == 0
                ? "no definitive stop in the period"
                : Invariant($"{f.Outflow.FirstOrDefault(o => o.Reason == EndReasons.VolgensPlan)?.Clients ?? 0} volgens plan (19)")),
        };
        foreach (var line in lines)
        {
            await stdout.WriteLineAsync(line);
        }

        foreach (var file in written)
        {
            await stdout.WriteLineAsync($"Written: {file}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
