using System.CommandLine;
using System.Data.Common;
using Backoffice.Core.Schemas;
using Backoffice.Data.Migrations;
using Backoffice.Service.Configuration;
using Backoffice.Service.Hosting;
using Backoffice.Service.Intake;
using Backoffice.Service.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Cli;

/// <summary>
/// <c>backoffice process --data DIR [--inbox DIR] [--outbox DIR] [--processing-date yyyy-MM-dd] [--format json]</c>:
/// one batch over the inbox, through exactly the code the hosted service's scan runs.
/// </summary>
internal static class ProcessCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = CommonOptions.Data();
        var inbox = CommonOptions.Inbox();
        var outbox = CommonOptions.Outbox();
        var processingDate = CommonOptions.ProcessingDate();
        var format = CommonOptions.Format();
        var schemas = CommonOptions.Schemas();
        var config = CommonOptions.Config();
        var leave = new Option<bool>("--leave-inbox") { Description = "Copy inbox files to processed/ and quarantine/ instead of moving them (read-only inbox) (Inbox:LeaveFiles)." };
        var command = new Command("process", "Take in every file in the inbox, validate it, record it, and set it aside; then finish anything left from earlier runs.")
        {
            data, inbox, outbox, processingDate, format, schemas, config, leave,
        };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new HostSettings(
                CommonOptions.Overrides(
                    ("Data:Directory", parse.GetValue(data)),
                    ("Inbox:Directory", parse.GetValue(inbox)),
                    ("Inbox:Outbox", parse.GetValue(outbox)),
                    ("Inbox:LeaveFiles", parse.GetValue(leave) ? "true" : null),
                    ("Schemas:Directory", parse.GetValue(schemas))),
                parse.GetValue(config),
                parse.GetValue(processingDate),
                ConsoleToStandardError: true);
            return await RunAsync(settings, parse.GetValue(format) == "json", stdout, stderr, ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(HostSettings settings, bool json, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        IHost? host = null;
        try
        {
            BatchRun run;
            try
            {
                host = BackofficeHost.BuildMigrated(settings);

                var wait = TimeSpan.FromSeconds(host.Services.GetRequiredService<IOptions<ProcessingOptions>>().Value.BatchWaitSeconds);
                run = await host.Services.GetRequiredService<InboxBatch>().RunAsync(wait, ct);
            }
            catch (Exception ex) when (ex is SchemaCatalogueException or OptionsValidationException or DatabaseMigrationException)
            {
                stderr.WriteLine($"backoffice process: {ex.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException)
            {
                // The store or the folders are unreachable even after retries: nothing was lost (the
                // inbox is untouched for what was not stored); say so and let the operator act.
                stderr.WriteLine($"backoffice process: the run stopped ({Redaction.Describe(ex)}); files not yet stored remain in the inbox.");
                return ExitCodes.Usage;
            }

            // Results are printed before anything is torn down: a log that cannot be flushed (a
            // full disk) must never hide what was done.
            Report(run, json, stdout, stderr);
            return run.LeftWork ? ExitCodes.Findings : ExitCodes.Ok;
        }
        finally
        {
            Dispose(host, stderr);
        }
    }

    /// <summary>Prints what a batch did, text or json; also used by <c>answer-request</c> for its one message.</summary>
    internal static void Report(BatchRun run, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (!run.Ran)
        {
            stderr.WriteLine("backoffice process: another run is processing this database and did not finish within Processing:BatchWaitSeconds; nothing was done. Run again later.");
            if (json)
            {
                JsonOutput.Write(stdout, run.Results);
            }

            return;
        }

        if (json)
        {
            JsonOutput.Write(stdout, run.Results);
        }
        else
        {
            foreach (var r in run.Results)
            {
                var what = r.MessageType is null ? string.Empty : $" {r.MessageType}";
                stdout.WriteLine($"{r.Input}:{what} {r.Outcome}{(r.MessageId is { } id ? $" (message {id})" : string.Empty)}{(r.Reason is null ? string.Empty : " - " + r.Reason)}");
            }

            stdout.WriteLine(run.Results.Count == 0
                ? "0 inputs: nothing to do (the inbox is empty and nothing was left unfinished)."
                : $"{run.Results.Count} inputs: " + string.Join(", ", run.Results.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}")));
        }

        if (run.Stopped)
        {
            stderr.WriteLine("backoffice process: stopped on request after the input in hand; the rest is left for the next run.");
        }
        else if (run.LeftWork)
        {
            stderr.WriteLine("backoffice process: some inputs are left for a later run (failed, waiting or claimed elsewhere); see above.");
        }
    }

    internal static void Dispose(IHost? host, TextWriter stderr)
    {
        try
        {
            host?.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException or AggregateException)
        {
            stderr.WriteLine($"backoffice process: the log could not be written completely ({Redaction.Describe(ex)}); the results above stand.");
        }
    }
}
