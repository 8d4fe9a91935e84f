using System.CommandLine;
using System.Globalization;
using Backoffice.Data;
using Backoffice.Data.Migrations;
using Backoffice.Data.Staff;
using Backoffice.Service.Configuration;
using Backoffice.Service.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Cli;

/// <summary>
/// <c>backoffice queue [--format text|json]</c>: what needs a person, oldest due first. Today: inbox
/// entries refused unread and files that could not be read; the register and declaration issues add
/// their own kinds of task to the same table and the same list.
/// </summary>
internal static class QueueCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var format = CommonOptions.Format();
        var command = new Command("queue", "List the open staff tasks (what needs a person), oldest due first.") { data, config, format };
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<StaffTask> open;
            try
            {
                using var host = BackofficeHost.CreateBuilder(new HostSettings(
                    CommonOptions.Overrides(("Data:Directory", parse.GetValue(data))),
                    parse.GetValue(config),
                    ConsoleToStandardError: true)).Build();
                if (host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
                {
                    DatabaseMigrator.Migrate(host.Services.GetRequiredService<DatabaseSettings>());
                }

                open = await host.Services.GetRequiredService<StaffTaskStore>().ListOpenAsync(ct);
            }
            catch (Exception ex) when (ex is DatabaseMigrationException or OptionsValidationException)
            {
                await stderr.WriteLineAsync($"backoffice queue: {ex.Message}");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(format) == "json")
            {
                JsonOutput.Write(stdout, open.Select(t => new
                {
                    t.Id,
                    t.Kind,
                    t.MessageId,
                    t.Subject,
                    t.Detail,
                    CreatedAt = t.CreatedAt.ToString("u", CultureInfo.InvariantCulture),
                    DueOn = t.DueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }));
                return ExitCodes.Ok;
            }

            foreach (var t in open)
            {
                var due = t.DueOn is { } d ? $"due {d:yyyy-MM-dd}" : "no deadline";
                var message = t.MessageId is { } id ? $" (message {id})" : string.Empty;
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"#{t.Id} [{t.Kind}] {due}, since {t.CreatedAt:u}{message}: {t.Subject}"));
                await stdout.WriteLineAsync($"    {t.Detail}");
            }

            await stdout.WriteLineAsync(open.Count == 0 ? "Nothing needs a person." : string.Create(CultureInfo.InvariantCulture, $"{open.Count} open tasks."));
            return ExitCodes.Ok;
        });
        return command;
    }
}
