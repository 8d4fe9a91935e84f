using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Backoffice.Data.Migrations;
using Backoffice.Data.Reconciliation;
using Backoffice.Data.Reference;
using Backoffice.Service.Hosting;
using Backoffice.Service.Logging;
using Backoffice.Service.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    private static async Task<int> RunReconciliationAsync(DateOnly first, DateOnly last, string? municipality, string? provider, ReportFormat format, string path, HostSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (last < first)
        {
            await stderr.WriteLineAsync("backoffice report: --to must not be before --from; nothing was written.");
            return ExitCodes.Usage;
        }

        if (!IsWritablePath(path))
        {
            await stderr.WriteLineAsync($"backoffice report: '{path}' is not a file in an existing folder; nothing was written.");
            return ExitCodes.Usage;
        }

        ReconciliationScope scope;
        ReconciliationWritten written;
        LedgerTotal ledger;
        try
        {
            using var host = BackofficeHost.BuildMigrated(settings);
            var reference = host.Services.GetRequiredService<ReferenceStore>();
            if (municipality is not null && !await reference.IsServedMunicipalityAsync(municipality, ct))
            {
                await stderr.WriteLineAsync($"backoffice report: {municipality} is not a municipality this backoffice serves; nothing was written.");
                return ExitCodes.Usage;
            }

            if (provider is not null && !await reference.IsKnownProviderAsync(provider, ct))
            {
                // An empty report for a mistyped code would read as "nothing to reconcile".
                await stderr.WriteLineAsync($"backoffice report: {provider} is not a provider this backoffice knows; nothing was written.");
                return ExitCodes.Usage;
            }

            var today = DateOnly.FromDateTime(host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            scope = new ReconciliationScope(first, last, municipality, provider, today);
            var store = host.Services.GetRequiredService<ReconciliationStore>();
            var mismatches = await store.PaymentMismatchesAsync(scope, ct);
            written = ReconciliationReportFiles.Write(store.Lines(scope), store.Rejections(scope), store.Exceptions(scope).Concat(mismatches), format, path);
            ledger = await store.LedgerTotalAsync(scope, ct);
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
    }
}
