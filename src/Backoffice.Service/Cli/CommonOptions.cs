using System.CommandLine;
using System.Globalization;

namespace Backoffice.Service.Cli;

/// <summary>Options several verbs share, each mapped onto its configuration key.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config() => new("--config") { Description = "A JSON settings file (same keys as appsettings.json).", HelpName = "FILE" };

    public static Option<string?> Schemas() => new("--schemas") { Description = "Folder with the iWmo 3.2 XSDs to use (Schemas:Directory), e.g. the official iStandaarden download.", HelpName = "DIR" };

    public static Option<string?> Data() => new("--data") { Description = "Data folder: embedded database, inbox, outbox, processed, quarantine, logs (Data:Directory).", HelpName = "DIR" };

    public static Option<string?> Inbox() => new("--inbox") { Description = "Inbox folder to take messages from (Inbox:Directory; default DATA/inbox).", HelpName = "DIR" };

    public static Option<string?> Outbox() => new("--outbox") { Description = "Outbox folder for retours (Inbox:Outbox; default DATA/outbox).", HelpName = "DIR" };

    public static Option<string> Format()
    {
        var option = new Option<string>("--format") { Description = "Output: text for people, json for tools.", DefaultValueFactory = _ => "text" };
        option.AcceptOnlyFromAmong("text", "json");
        return option;
    }

    public static Option<DateOnly?> ProcessingDate() => new("--processing-date")
    {
        Description = "Process as if on this date (yyyy-MM-dd); the time of day still runs.",
        HelpName = "yyyy-MM-dd",
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"--processing-date must be a date as yyyy-MM-dd, not '{text}'.");
            return null;
        },
    };

    /// <summary>Who a human verb's audit row names (default: the OS user running it).</summary>
    public static Option<string?> Actor() => new("--actor") { Description = "Your name as the audit trail records it (default: the OS user name).", HelpName = "NAME" };

    /// <summary>Why a person acts, recorded in the audit trail with the action (default empty).</summary>
    public static Option<string?> Why() => new("--why") { Description = "Why you do this, recorded with the action in the audit trail (no BSN or names; at most 1000 characters).", HelpName = "TEXT" };

    /// <summary>
    /// The person acting through the running verb, or null with the reason on stderr when
    /// <c>--actor</c> or <c>--why</c> is not acceptable (a BSN in it, too long): a usage error.
    /// </summary>
    public static Data.Audit.AuditActor? Person(ParseResult parse, Option<string?> actor, Option<string?> why, string verb, TextWriter stderr)
    {
        try
        {
            return Hosting.RunningCommand.Person(parse.GetValue(actor), parse.GetValue(why));
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"backoffice {verb}: {ex.Message.Split(" (Parameter", 2)[0]}");
            return null;
        }
    }

    /// <summary>Only the options actually given become overrides, so configuration files still count.</summary>
    public static Dictionary<string, string?> Overrides(params (string Key, string? Value)[] pairs) =>
        pairs.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value);
}
