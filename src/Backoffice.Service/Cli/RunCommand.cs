using System.CommandLine;
using Backoffice.Core.Schemas;
using Backoffice.Data.Migrations;
using Backoffice.Service.Configuration;
using Backoffice.Service.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Cli;

/// <summary><c>backoffice run</c>: the hosted service, scanning the inbox on a schedule until stopped.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stderr)
    {
        var data = CommonOptions.Data();
        var inbox = CommonOptions.Inbox();
        var outbox = CommonOptions.Outbox();
        var schemas = CommonOptions.Schemas();
        var config = CommonOptions.Config();
        var command = new Command("run", "Run the service: scheduled inbox intake and processing until stopped (Ctrl+C / SIGTERM).")
        {
            data, inbox, outbox, schemas, config,
        };
        command.SetAction(async (parse, ct) =>
        {
            var builder = BackofficeHost.CreateBuilder(new HostSettings(
                CommonOptions.Overrides(
                    ("Data:Directory", parse.GetValue(data)),
                    ("Inbox:Directory", parse.GetValue(inbox)),
                    ("Inbox:Outbox", parse.GetValue(outbox)),
                    ("Schemas:Directory", parse.GetValue(schemas))),
                parse.GetValue(config)));
            var inboxOptions = builder.Configuration.GetSection(InboxOptions.Section).Get<InboxOptions>() ?? new InboxOptions();
            builder.Services.AddBackofficeScheduling(inboxOptions);
            try
            {
                using var host = builder.Build();
                await host.RunAsync(ct);
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is OptionsValidationException or SchemaCatalogueException or DatabaseMigrationException)
            {
                // Configuration the service cannot start with: say what, not a stack trace.
                await stderr.WriteLineAsync($"backoffice run: {ex.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
