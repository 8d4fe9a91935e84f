using System.CommandLine;
using System.Data.Common;
using Backoffice.Core.Schemas;
using Backoffice.Data;
using Backoffice.Data.Migrations;
using Backoffice.Service.Configuration;
using Backoffice.Service.Hosting;
using Backoffice.Service.Intake;
using Backoffice.Service.Processing;
using Microsoft.Extensions.DependencyInjection;
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
        IReadOnlyList<InputResult> results;
        try
        {
            using var host = BackofficeHost.CreateBuilder(settings).Build();
            if (host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
            {
                DatabaseMigrator.Migrate(host.Services.GetRequiredService<DatabaseSettings>());
            }

            results = await host.Services.GetRequiredService<InboxBatch>().RunAsync(ct);
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
            stderr.WriteLine($"backoffice process: the run stopped ({ex.GetType().Name}: {ex.Message}); files not yet stored remain in the inbox.");
            return ExitCodes.Usage;
        }

        if (json)
        {
            JsonOutput.Write(stdout, results);
        }
        else
        {
            foreach (var r in results)
            {
                var what = r.MessageType is null ? string.Empty : $" {r.MessageType}";
                stdout.WriteLine($"{r.Input}:{what} {r.Outcome}{(r.MessageId is { } id ? $" (message {id})" : string.Empty)}{(r.Reason is null ? string.Empty : " - " + r.Reason)}");
            }

            stdout.WriteLine($"{results.Count} inputs: " + string.Join(", ", results.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}")));
        }

        return results.Any(r => r.Outcome == InputOutcomes.Failed) ? ExitCodes.Findings : ExitCodes.Ok;
    }
}
