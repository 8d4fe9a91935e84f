using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Backoffice.Data.Migrations;
using Backoffice.Data.Payments;
using Backoffice.Data.Reference;
using Backoffice.Service.Hosting;
using Backoffice.Service.Logging;
using Backoffice.Service.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Cli;

/// <summary>
/// <c>backoffice report payments --month yyyy-MM [--municipality CODE] --format csv|xlsx --out FILE
/// [--data DIR] [--config FILE]</c>: the payment batch of a month (everything approved in the
/// declarations whose DeclaratiePeriode is that month, late lines of earlier months included,
/// IV090) per municipality, provider, product and delivery month, with the provider totals
/// reconciled against the 325s sent (README, "Payment report"). Exit 0 written and reconciling,
/// 1 written but not reconciling (each provider that differs is named on stderr), 2 usage,
/// configuration, I/O or database error (nothing written).
/// </summary>
internal static partial class ReportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr) =>
        new("report", "Reports for auditors and staff, written as CSV or XLSX.")
        {
            Payments(stdout, stderr),
            Steering(stdout, stderr),
            Reconciliation(stdout, stderr),
            Scenario(stdout, stderr),
        };

    private static Command Payments(TextWriter stdout, TextWriter stderr)
    {
        var month = MonthOption("--month", "The batch month: the DeclaratiePeriode of the declarations it pays (yyyy-MM).");
        var municipality = MunicipalityOption();
        var format = FormatOption("csv (two files: FILE and FILE.providers.csv) or xlsx (one workbook).");
        var output = OutOption();
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var command = new Command("payments", "The payment batch of a month per provider, product and delivery month, reconciled with the 325s sent.")
        {
            month, municipality, format, output, data, config,
        };
        command.SetAction(async (parse, ct) => await RunAsync(
            parse.GetValue(month)!.Value,
            parse.GetValue(municipality),
            parse.GetValue(format) == "xlsx" ? ReportFormat.Xlsx : ReportFormat.Csv,
            parse.GetValue(output)!,
            new HostSettings(CommonOptions.Overrides(("Data:Directory", parse.GetValue(data))), parse.GetValue(config), ConsoleToStandardError: true),
            stdout,
            stderr,
            ct));
        return command;
    }

    /// <summary>A required month option (yyyy-MM), parsed to its first day.</summary>
    private static Option<DateOnly?> MonthOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "yyyy-MM",
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first) && text.Length == 7)
            {
                return first;
            }

            result.AddError($"{name} must be a month as yyyy-MM, not '{text}'.");
            return null;
        },
    };

    private static Option<string?> MunicipalityOption()
    {
        var municipality = new Option<string?>("--municipality") { Description = "Only this municipality (its 4-digit CBS code).", HelpName = "CODE" };
        municipality.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } code && !CbsCode().IsMatch(code))
            {
                result.AddError($"--municipality must be a CBS code of 4 digits, not '{code}'.");
            }
        });
        return municipality;
    }

    private static Option<string?> ProviderOption()
    {
        var provider = new Option<string?>("--provider") { Description = "Only this provider (its 8-digit AGB code).", HelpName = "AGB" };
        provider.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } code && !AgbCode().IsMatch(code))
            {
                result.AddError($"--provider must be an AGB code of 8 digits, not '{code}'.");
            }
        });
        return provider;
    }

    private static Option<string> FormatOption(string description)
    {
        var format = new Option<string>("--format") { Description = description, Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        return format;
    }

    private static Option<string> OutOption() =>
        new("--out") { Description = "The report file; its folder must exist. An existing file is replaced whole.", HelpName = "FILE", Required = true };

    /// <summary>Usage when <paramref name="path"/> is not a file name in an existing folder.</summary>
    private static bool IsWritablePath(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Directory.Exists(folder) && !Directory.Exists(path);
    }

    private static Task<int> RunAsync(DateOnly month, string? municipality, ReportFormat format, string path, HostSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        RunReportAsync(path, settings, null, municipality is null ? [] : [municipality], null, stderr, async services =>
        {
            var batch = await services.GetRequiredService<PaymentReportStore>().GetBatchAsync(month, municipality, ct);
            var written = PaymentReportFiles.Write(batch, format, path);
            await Summarise(batch, written, stdout);
            if (batch.Reconciles)
            {
                return ExitCodes.Ok;
            }

            await Mismatches(batch, stderr);
            return ExitCodes.Findings;
        }, ct);

    /// <summary>
    /// What every report run shares: <paramref name="period"/> runs forward, the report goes to a file
    /// in an existing folder, and every municipality and provider asked for is known (a report for a
    /// mistyped code would read as "nothing there"); then <paramref name="report"/> reads, writes,
    /// says what it wrote and gives the exit code. A configuration, database or file fault is exit 2
    /// with its redacted reason, and nothing (no partial file) is left.
    /// </summary>
    private static async Task<int> RunReportAsync(
        string path,
        HostSettings settings,
        (DateOnly From, DateOnly To)? period,
        IReadOnlyList<string> municipalities,
        string? provider,
        TextWriter stderr,
        Func<IServiceProvider, Task<int>> report,
        CancellationToken ct)
    {
        if (period is { } p && p.To < p.From)
        {
            await stderr.WriteLineAsync("backoffice report: --to must not be before --from; nothing was written.");
            return ExitCodes.Usage;
        }

        if (!IsWritablePath(path))
        {
            await stderr.WriteLineAsync($"backoffice report: '{path}' is not a file in an existing folder; nothing was written.");
            return ExitCodes.Usage;
        }

        try
        {
            using var host = BackofficeHost.BuildMigrated(settings);
            var reference = host.Services.GetRequiredService<ReferenceStore>();
            foreach (var municipality in municipalities)
            {
                if (!await reference.IsServedMunicipalityAsync(municipality, ct))
                {
                    await stderr.WriteLineAsync($"backoffice report: {municipality} is not a municipality this backoffice serves; nothing was written.");
                    return ExitCodes.Usage;
                }
            }

            if (provider is not null && !await reference.IsKnownProviderAsync(provider, ct))
            {
                await stderr.WriteLineAsync($"backoffice report: {provider} is not a provider this backoffice knows; nothing was written.");
                return ExitCodes.Usage;
            }

            return await report(host.Services);
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
    }

    private static async Task Summarise(PaymentBatch batch, IReadOnlyList<string> written, TextWriter stdout)
    {
        var scope = batch.Municipality is { } code ? "municipality " + code : "all municipalities";
        var month = Data.StoredDates.Month(batch.Month);
        await stdout.WriteLineAsync(batch.IsEmpty
            ? $"Payment batch {month}, {scope}: nothing was approved in declarations of this period; the report holds the headers and zero totals."
            : string.Create(CultureInfo.InvariantCulture, $"Payment batch {month}, {scope}: {batch.Lines.Count} lines, {batch.Prestaties} prestaties, {batch.Providers.Select(p => p.Provider).Distinct(StringComparer.Ordinal).Count()} providers in {batch.Providers.Count} provider-municipality totals, {batch.DeclarationCount} declarations."));
        await stdout.WriteLineAsync($"Debit {Euro(batch.DebitCents)}, credit {Euro(batch.CreditCents)}, net {Euro(batch.LedgerNetCents)}; the 325s granted {Euro(batch.ToegekendCents)}: {(batch.Reconciles ? "reconciles" : "DOES NOT RECONCILE")}.");
        foreach (var file in written)
        {
            await stdout.WriteLineAsync($"Written: {file}");
        }
    }

    private static async Task Mismatches(PaymentBatch batch, TextWriter stderr)
    {
        foreach (var p in batch.Providers.Where(p => !p.Reconciles))
        {
            var declarations = batch.Declarations
                .Where(d => d.Municipality == p.Municipality && d.Provider == p.Provider && !d.Reconciles)
                .Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.DeclaratieNummer} (message {d.MessageId}: granted {Euro(d.ToegekendCents)}, ledger {Euro(d.LedgerCents)})"))
                .ToList();
            var which = declarations.Count > 0 ? "; declarations that differ: " + string.Join(", ", declarations) : string.Empty;
            await stderr.WriteLineAsync(
                $"backoffice report: provider {p.Provider}{Named(p.ProviderName)} at municipality {p.Municipality}{Named(p.MunicipalityName)} does not reconcile: " +
                string.Create(CultureInfo.InvariantCulture, $"{p.Declarations} declarations granted {Euro(p.ToegekendCents)}, the ledger pays {Euro(p.LedgerNetCents)} (difference {Euro(p.DifferenceCents)}){which}."));
        }

        // A declaration whose own ledger rows differ while its provider's totals agree (two errors that cancel out).
        foreach (var d in batch.Declarations.Where(d => !d.Reconciles && batch.Providers.Any(p => p.Reconciles && p.Municipality == d.Municipality && p.Provider == d.Provider)))
        {
            await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"backoffice report: declaration {d.DeclaratieNummer} (message {d.MessageId}) of provider {d.Provider} at municipality {d.Municipality} does not reconcile: granted {Euro(d.ToegekendCents)}, its ledger rows {Euro(d.LedgerCents)}."));
        }
    }

    private static string Named(string? name) => name is null ? string.Empty : $" ({name})";

    private static string Euro(long cents) => (cents / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[0-9]{4}$")]
    private static partial Regex CbsCode();

    [GeneratedRegex("^[0-9]{8}$")]
    private static partial Regex AgbCode();
}
