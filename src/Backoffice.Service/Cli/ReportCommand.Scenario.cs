using System.CommandLine;
using System.Globalization;
using Backoffice.Core.Scenarios;
using Backoffice.Data.Reference;
using Backoffice.Data.Scenarios;
using Backoffice.Service.Hosting;
using Backoffice.Service.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Service.Cli;

/// <summary>
/// <c>backoffice report scenario --from yyyy-MM --to yyyy-MM --scenario FILE [--municipality CODE]
/// [--provider AGB] --format csv|xlsx --out FILE [--data DIR] [--config FILE]</c>: replays the paid
/// lines of the delivery months under a scenario file (README, "Scenario report") and reports the
/// spend per stage, municipality, provider and cell against what was paid, with every line traced
/// to its declaration. Exit 0 written, 2 usage, a scenario that cannot be replayed, configuration,
/// I/O or database error (nothing written).
/// </summary>
internal static partial class ReportCommand
{
    private static Command Scenario(TextWriter stdout, TextWriter stderr)
    {
        var from = MonthOption("--from", "The first delivery month replayed (yyyy-MM).");
        var to = MonthOption("--to", "The last delivery month replayed (yyyy-MM), included.");
        var scenario = new Option<string>("--scenario")
        {
            Description = "The scenario file (JSON): translation, the five movements, tariff changes. Examples ship in scenarios/ next to the binary (behoudend, gemiddeld, optimaal).",
            HelpName = "FILE",
            Required = true,
        };
        var municipality = MunicipalityOption();
        var provider = ProviderOption();
        var format = FormatOption("csv (FILE holds the cells; FILE.stages, .municipalities, .providers and .lines beside it) or xlsx (one workbook).");
        var output = OutOption();
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var command = new Command("scenario", "Replays the paid lines of a period under a scenario of the purchasing strategy and reports the spend per municipality, provider and cell against what was paid.")
        {
            from, to, scenario, municipality, provider, format, output, data, config,
        };
        command.SetAction(async (parse, ct) => await RunScenarioAsync(
            (parse.GetValue(from)!.Value, parse.GetValue(to)!.Value),
            parse.GetValue(scenario)!,
            parse.GetValue(municipality),
            parse.GetValue(provider),
            parse.GetValue(format) == "xlsx" ? ReportFormat.Xlsx : ReportFormat.Csv,
            parse.GetValue(output)!,
            new HostSettings(CommonOptions.Overrides(("Data:Directory", parse.GetValue(data))), parse.GetValue(config), ConsoleToStandardError: true),
            stdout,
            stderr,
            ct));
        return command;
    }

    private static async Task<int> RunScenarioAsync(
        (DateOnly From, DateOnly To) period, string scenarioFile, string? municipality, string? provider, ReportFormat format, string path, HostSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ScenarioDefinition definition;
        try
        {
            await using var file = File.OpenRead(scenarioFile);
            definition = ScenarioDefinition.Read(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"backoffice report: the scenario file could not be read ({Logging.Redaction.Describe(ex)}); nothing was written.");
            return ExitCodes.Usage;
        }
        catch (ScenarioException ex)
        {
            await stderr.WriteLineAsync($"backoffice report: {Path.GetFileName(scenarioFile)} is not a scenario that can be replayed:");
            foreach (var problem in ex.Problems)
            {
                await stderr.WriteLineAsync("  " + problem);
            }

            return ExitCodes.Usage;
        }

        return await RunReportAsync(path, settings, period, municipality is null ? [] : [municipality], provider, stderr, async services =>
        {
            var reference = services.GetRequiredService<ReferenceStore>();
            var tariffs = new ScenarioTariffs(await reference.CurrentProductsAsync(ct), await reference.CurrentContractsAsync(ct));
            var model = new ScenarioModel(definition, tariffs.TariffCents);
            var ledger = services.GetRequiredService<ScenarioLedgerStore>();

            // Two passes over the ledger: the sums first (a tariff that is missing stops the report
            // before any file is written), then the lines, streamed into the file as they are replayed.
            var totals = new ScenarioTotals();
            try
            {
                await foreach (var row in ledger.ReadAsync(period.From, period.To, municipality, provider, ct))
                {
                    totals.Add(row, model);
                }
            }
            catch (ScenarioException ex)
            {
                await stderr.WriteLineAsync($"backoffice report: the scenario cannot be replayed on this period: {ex.Message}; nothing was written.");
                return ExitCodes.Usage;
            }

            var lines = ledger.ReadAsync(period.From, period.To, municipality, provider, ct).ToBlockingEnumerable(ct)
                .Select(row => ScenarioReportFiles.Line(row, model.Replay(row.Line)));
            var written = ScenarioReportFiles.Write(definition, period, totals, lines, format, path);
            var actual = totals.ActualCents;
            var replayed = totals.SpendCents(ScenarioModel.Stages.Count - 1);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Scenario {definition.Name}, delivery months {Data.StoredDates.Month(period.From)} to {Data.StoredDates.Month(period.To)}: {totals.Prestaties} paid lines, paid {Euro(actual)}, under the scenario {Euro(replayed)} (difference {Euro(replayed - actual)})."));
            for (var i = 1; i < ScenarioModel.Stages.Count; i++)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  {ScenarioModel.Stages[i]}: {Euro(totals.EffectCents(i))} ({totals.MovedAtStage[i]:0.##} client-months moved)"));
            }

            foreach (var file in written)
            {
                await stdout.WriteLineAsync($"Written: {file}");
            }

            return ExitCodes.Ok;
        }, ct);
    }
}
