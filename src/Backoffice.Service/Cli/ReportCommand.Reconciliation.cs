using System.CommandLine;
using System.Globalization;
using Backoffice.Data.Reconciliation;
using Backoffice.Service.Hosting;
using Backoffice.Service.Reports;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Service.Cli;

/// <summary>
/// <c>backoffice report reconciliation --from yyyy-MM --to yyyy-MM [--municipality CODE] [--provider
/// AGB] --format csv|xlsx --out FILE [--as-of yyyy-MM-dd] [--data DIR] [--config FILE]</c>: the chain
/// indication -> allocation -> prestatie -> ledger per allocation and delivery month, the rejected
/// prestaties per retourcode and the exceptions an auditor looks for (README, "Reconciliation
/// report"). Exit 0 written (exceptions are content: one line per kind with its count on stdout),
/// 1 written but its paid total differs from the ledger over the same months (the store disagrees
/// with itself), 2 usage, configuration, I/O or database error (nothing written).
/// </summary>
internal static partial class ReportCommand
{
    private static Command Reconciliation(TextWriter stdout, TextWriter stderr)
    {
        var from = MonthOption("--from", "The first delivery month (the ProductPeriode's month), yyyy-MM.");
        var to = MonthOption("--to", "The last delivery month, yyyy-MM; not before --from.");
        var municipality = MunicipalityOption();
        var provider = ProviderOption();
        var format = FormatOption("csv (three files: FILE, FILE.rejections.csv, FILE.exceptions.csv) or xlsx (one workbook).");
        var output = OutOption();
        var asOfOption = new Option<DateOnly?>("--as-of")
        {
            Description = "The day an answer still unsent counts as overdue against (yyyy-MM-dd); default today.",
            HelpName = "yyyy-MM-dd",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    return day;
                }

                result.AddError($"--as-of must be a date as yyyy-MM-dd, not '{text}'.");
                return null;
            },
        };
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var command = new Command("reconciliation", "Indication, allocation, declarations and payments per allocation and delivery month, the rejections per retourcode and the exceptions an auditor looks for.")
        {
            from, to, municipality, provider, format, output, asOfOption, data, config,
        };
        command.SetAction(async (parse, ct) => await RunReconciliationAsync(
            parse.GetValue(from)!.Value,
            parse.GetValue(to)!.Value,
            parse.GetValue(municipality),
            parse.GetValue(provider),
            parse.GetValue(format) == "xlsx" ? ReportFormat.Xlsx : ReportFormat.Csv,
            parse.GetValue(output)!,
            new HostSettings(CommonOptions.Overrides(("Data:Directory", parse.GetValue(data))), parse.GetValue(config), ProcessingDate: parse.GetValue(asOfOption), ConsoleToStandardError: true),
            stdout,
            stderr,
            ct));
        return command;
    }

    private static Task<int> RunReconciliationAsync(DateOnly first, DateOnly last, string? municipality, string? provider, ReportFormat format, string path, HostSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        RunReportAsync(path, settings, (first, last), municipality is null ? [] : [municipality], provider, stderr, async services =>
        {
            var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var scope = new ReconciliationScope(first, last, municipality, provider, today);
            var store = services.GetRequiredService<ReconciliationStore>();
            var mismatches = await store.PaymentMismatchesAsync(scope, ct);
            var written = ReconciliationReportFiles.Write(store.Lines(scope), store.Rejections(scope), store.Exceptions(scope).Concat(mismatches), format, path);
            var ledger = await store.LedgerTotalAsync(scope, ct);
            var equal = ledger.Cents == written.PaidCents;
            var municipalities = scope.Municipality is { } m ? "municipality " + m : "all municipalities";
            var providers = scope.Provider is { } p ? "provider " + p : "all providers";
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Reconciliation {Data.StoredDates.Month(first)} to {Data.StoredDates.Month(last)} (delivery months), {municipalities}, {providers}, as of {Data.StoredDates.Day(scope.AsOf)}: {written.Lines} allocation-months, {written.DeclaredLines} debit prestaties declared, {written.RejectedLines} prestaties rejected ({written.Rejections} retourcodes)."));
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Paid (net approved) {Euro(written.PaidCents)}; the ledger over these delivery months {Euro(ledger.Cents)} in {ledger.Rows} rows: {(equal ? "equal" : "DIFFERENT")}."));
            foreach (var kind in ReconciliationExceptionKinds.All)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Exceptions {kind}: {written.ExceptionsByKind.GetValueOrDefault(kind)}"));
            }

            foreach (var file in written.Files)
            {
                await stdout.WriteLineAsync($"Written: {file}");
            }

            if (equal)
            {
                return ExitCodes.Ok;
            }

            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"backoffice report: the report pays {Euro(written.PaidCents)} but the ledger holds {Euro(ledger.Cents)} for the same delivery months (difference {Euro(written.PaidCents - ledger.Cents)})."));
            return ExitCodes.Findings;
        }, ct);
}
