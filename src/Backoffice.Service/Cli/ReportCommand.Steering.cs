using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Backoffice.Core.Standard;
using Backoffice.Data;
using Backoffice.Data.Migrations;
using Backoffice.Data.Reference;
using Backoffice.Data.Steering;
using Backoffice.Service.Hosting;
using Backoffice.Service.Logging;
using Backoffice.Service.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    private static async Task<int> RunSteeringAsync(SteeringSelection selection, ReportFormat format, string path, HostSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (selection.To < selection.From)
        {
            await stderr.WriteLineAsync("backoffice report: --to must not be before --from; nothing was written.");
            return ExitCodes.Usage;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        if (!Directory.Exists(folder) || Directory.Exists(path))
        {
            await stderr.WriteLineAsync($"backoffice report: '{path}' is not a file in an existing folder; nothing was written.");
            return ExitCodes.Usage;
        }

        SteeringFigures figures;
        IReadOnlyList<string> written;
        try
        {
            using var host = BackofficeHost.BuildMigrated(settings);
            var reference = host.Services.GetRequiredService<ReferenceStore>();
            foreach (var municipality in selection.Municipalities)
            {
                if (!await reference.IsServedMunicipalityAsync(municipality, ct))
                {
                    // Figures without a mistyped municipality would read as that municipality having none.
                    await stderr.WriteLineAsync($"backoffice report: {municipality} is not a municipality this backoffice serves; nothing was written.");
                    return ExitCodes.Usage;
                }
            }

            if (selection.Provider is { } agb && !await reference.IsKnownProviderAsync(agb, ct))
            {
                await stderr.WriteLineAsync($"backoffice report: {agb} is not a provider this backoffice knows; nothing was written.");
                return ExitCodes.Usage;
            }

            figures = await new SteeringReportStore(host.Services.GetRequiredService<IDbConnectionFactory>()).ReadAsync(selection, ct);
            written = SteeringReportFiles.Write(figures, format, path);
        }
        catch (Exception ex) when (ex is DatabaseMigrationException or OptionsValidationException)
        {
            await stderr.WriteLineAsync($"backoffice report: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is DbException or TimeoutException)
        {
            await stderr.WriteLineAsync($"backoffice report: the database could not be read ({Redaction.Describe(ex)}); nothing was written.");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"backoffice report: the report could not be written ({Redaction.Describe(ex)}); no partial file was left.");
            return ExitCodes.Usage;
        }

        await SummariseSteering(figures, written, stdout);
        return ExitCodes.Ok;
    }

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
