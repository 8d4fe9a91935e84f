using System.CommandLine;
using System.Globalization;
using Backoffice.Data.Migrations;
using Backoffice.Data.Register;
using Backoffice.Data.Staff;
using Backoffice.Service.Configuration;
using Backoffice.Service.Hosting;
using Backoffice.Service.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Cli;

/// <summary>
/// <c>backoffice queue [--format text|json] [--processing-date yyyy-MM-dd]</c>: what needs a person, oldest due first: the open staff
/// tasks (refused own messages, allocations the provider rejected, requests to answer with their
/// deadline, unbacked allocations, level-1 rejections to tell, held messages, inbox entries refused or
/// unreadable) and the active indications without an allocation after Register:IndicationWorkingDays.
/// Each item says whether it is overdue or due today, as of today or the --processing-date (the same
/// option as <c>process</c>, so a run and its queue can be looked at on one pinned day). The web UI shows the same list from the same query.
/// </summary>
internal static class QueueCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var format = CommonOptions.Format();
        var processingDate = CommonOptions.ProcessingDate();
        var command = new Command("queue", "List the open staff tasks (what needs a person), oldest due first.") { data, config, format, processingDate };
        command.SetAction(async (parse, ct) =>
        {
            IReadOnlyList<QueueItem> open;
            DateOnly today;
            try
            {
                using var host = BackofficeHost.BuildMigrated(new HostSettings(
                    CommonOptions.Overrides(("Data:Directory", parse.GetValue(data))),
                    parse.GetValue(config),
                    parse.GetValue(processingDate),
                    ConsoleToStandardError: true));

                var time = host.Services.GetRequiredService<TimeProvider>();
                today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                open = await StaffWorkList.ListAsync(
                    host.Services.GetRequiredService<StaffTaskStore>(),
                    host.Services.GetRequiredService<RegisterStore>(),
                    host.Services.GetRequiredService<IOptions<RegisterOptions>>().Value,
                    today,
                    ct);
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
                    Status = t.Status(today),
                }));
                return ExitCodes.Ok;
            }

            foreach (var t in open)
            {
                var due = t.DueOn is { } d ? string.Create(CultureInfo.InvariantCulture, $"due {d:yyyy-MM-dd} ({t.Status(today)})") : "no deadline";
                var message = t.MessageId is { } id ? $" (message {id})" : string.Empty;
                var number = t.Id is { } n ? string.Create(CultureInfo.InvariantCulture, $"#{n} ") : string.Empty;
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{number}[{t.Kind}] {due}, since {t.CreatedAt:u}{message}: {t.Subject}"));
                await stdout.WriteLineAsync($"    {t.Detail}");
            }

            await stdout.WriteLineAsync(open.Count == 0 ? "Nothing needs a person." : string.Create(CultureInfo.InvariantCulture, $"{open.Count} open tasks."));
            return ExitCodes.Ok;
        });
        return command;
    }
}
