using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using Backoffice.Data.Audit;
using Backoffice.Data.Migrations;
using Backoffice.Data.Processing;
using Backoffice.Service.Audit;
using Backoffice.Service.Hosting;
using Backoffice.Service.Intake;
using Backoffice.Service.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Cli;

/// <summary>
/// <c>backoffice audit MESSAGE-ID [--format text|json] [--raw FILE] [--data DIR] [--config FILE]</c>:
/// one message's whole story from the store (README, "Audit trail"): receipt, every delivery,
/// findings, the verdict with its rule set and schema set, the declaration's prestaties and
/// amounts, what it changed in the register, the answer and whether its legal deadline was met,
/// staff tasks, and every audit event in time order. <c>--raw FILE</c> also writes the stored bytes
/// exactly, after checking them against their SHA-256. Exit 0 told, 1 no such message, 2 usage,
/// configuration, I/O or database error. Read-only apart from the --raw file; prints no BSN.
/// </summary>
internal static class AuditCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<long>("MESSAGE-ID") { Description = "The message's id (process, queue and the outbox file names show it)." };
        var format = CommonOptions.Format();
        var raw = new Option<string?>("--raw") { Description = "Also write the message's stored bytes, exactly as delivered, to FILE (its folder must exist; an existing file is replaced whole).", HelpName = "FILE" };
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var actor = CommonOptions.Actor();
        var why = CommonOptions.Why();
        var command = new Command("audit", "Tell one message's story from the store: receipt, deliveries, findings, verdict, answer and deadline, staff tasks, the audit trail.")
        {
            id, format, raw, data, config, actor, why,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (CommonOptions.Person(parse, actor, why, "audit", stderr) is not { } by)
            {
                return ExitCodes.Usage;
            }

            return await RunAsync(
                parse.GetValue(id),
                parse.GetValue(format) == "json",
                parse.GetValue(raw),
                by,
                new HostSettings(CommonOptions.Overrides(("Data:Directory", parse.GetValue(data))), parse.GetValue(config), ConsoleToStandardError: true),
                stdout,
                stderr,
                ct);
        });
        return command;
    }

    private static async Task<int> RunAsync(long id, bool json, string? raw, AuditActor by, HostSettings settings, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (raw is not null && (!Directory.Exists(Path.GetDirectoryName(Path.GetFullPath(raw))) || Directory.Exists(raw)))
        {
            await stderr.WriteLineAsync($"backoffice audit: '{raw}' is not a file in an existing folder; nothing was written.");
            return ExitCodes.Usage;
        }

        MessageStory? story;
        DateOnly today;
        try
        {
            using var host = BackofficeHost.BuildMigrated(settings);
            today = DateOnly.FromDateTime(host.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            story = await host.Services.GetRequiredService<MessageStoryStore>().GetAsync(id, ct);
            if (story is null)
            {
                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"backoffice audit: there is no message {id} in this store (backoffice queue and the outbox file names show message ids)."));
                return ExitCodes.Findings;
            }

            if (raw is not null)
            {
                // The bytes hold client data: written, then the export recorded; if it cannot be
                // recorded the file is removed again, so no copy leaves unaudited.
                var stories = host.Services.GetRequiredService<MessageStoryStore>();
                await WriteRawAsync(host.Services.GetRequiredService<MessageContent>(), story.Message, raw, ct);
                try
                {
                    await stories.RecordRawExportAsync(id, story.Message.Sha256.Trim(), story.Message.SizeBytes, by, host.Services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
                }
                catch
                {
                    File.Delete(raw);
                    throw;
                }
            }
        }
        catch (Exception ex) when (ex is DatabaseMigrationException or OptionsValidationException)
        {
            await stderr.WriteLineAsync($"backoffice audit: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is DbException or TimeoutException)
        {
            await stderr.WriteLineAsync($"backoffice audit: the database could not be read ({Redaction.Describe(ex)}).");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await stderr.WriteLineAsync($"backoffice audit: the raw bytes could not be written ({Redaction.Describe(ex)}); no partial file was left.");
            return ExitCodes.Usage;
        }

        if (json)
        {
            JsonOutput.Write(stdout, new { story, deadline = MessageStoryText.Deadline(story, today), raw });
        }
        else
        {
            await stdout.WriteAsync(MessageStoryText.Render(story, today));
            if (raw is not null)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"\nRaw bytes written: {raw} ({story.Message.SizeBytes} bytes, sha256 {story.Message.Sha256} checked); the export is recorded in the audit trail (raw-exported, by {by.Name})."));
            }
        }

        return ExitCodes.Ok;
    }

    /// <summary>
    /// The stored bytes, read whole (a message is at most Schemas:MaxMessageBytes), checked against
    /// the SHA-256 taken at intake, and written under a hidden temporary name, synced and renamed
    /// into place: a reader never sees a partial or altered copy.
    /// </summary>
    private static async Task WriteRawAsync(MessageContent content, MessageSummary message, string path, CancellationToken ct)
    {
        byte[] bytes;
        await using (var stream = await content.OpenContentAsync(message.Id, ct))
        using (var copy = new MemoryStream())
        {
            await stream.CopyToAsync(copy, ct);
            bytes = copy.ToArray();
        }

        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (bytes.LongLength != message.SizeBytes || !string.Equals(sha256, message.Sha256.Trim(), StringComparison.Ordinal))
        {
            throw new InvalidDataException($"The stored bytes of message {message.Id} do not match the SHA-256 and size recorded at intake.");
        }

        SetAside.WriteAtomically(path, bytes);
    }
}
