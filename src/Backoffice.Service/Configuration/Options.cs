using System.ComponentModel.DataAnnotations;
using Backoffice.Data;

namespace Backoffice.Service.Configuration;

/// <summary>Section <c>Data</c>: the folder that holds the embedded database, inbox, outbox and logs by default.</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    [Required]
    public string Directory { get; set; } = "data";
}

/// <summary>Section <c>Database</c>. No connection string means the embedded SQLite file in the data folder.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string? ConnectionString { get; set; }

    /// <summary>Apply pending migrations when `run` or `process` starts. Off where the service login may not change the schema; then run `backoffice migrate` with a migrator login.</summary>
    public bool MigrateOnStart { get; set; } = true;
}

/// <summary>Section <c>Schemas</c>: the XSD set in use (ours by default, or the official iStandaarden download).</summary>
public sealed class SchemasOptions
{
    public const string Section = "Schemas";

    /// <summary>Empty means the <c>schemas/iwmo-3.2</c> folder shipped next to the executable.</summary>
    public string? Directory { get; set; }

    /// <summary>OP179: 25 MB.</summary>
    [Range(1024, long.MaxValue)]
    public long MaxMessageBytes { get; set; } = Core.Validation.MessageValidator.DefaultMaxMessageBytes;
}

/// <summary>Section <c>Inbox</c>: the folders that mirror the GGk portal's manual download and upload.</summary>
public sealed class InboxOptions
{
    public const string Section = "Inbox";

    /// <summary>Empty means <c>{Data:Directory}/inbox</c>.</summary>
    public string? Directory { get; set; }

    /// <summary>Empty means <c>{Data:Directory}/outbox</c>.</summary>
    public string? Outbox { get; set; }

    /// <summary>How often the hosted service scans the inbox.</summary>
    [Range(1, 86400)]
    public int ScanIntervalSeconds { get; set; } = 60;

    /// <summary>
    /// Copy files to processed/ and quarantine/ instead of moving them, leaving the inbox as it
    /// is (a read-only share, or the reference samples). Re-delivery is then reported as duplicate.
    /// </summary>
    public bool LeaveFiles { get; set; }

    /// <summary>
    /// A file is taken only when its size and modification time have not changed for this long
    /// (and not while it changes during the read): a download still being written is left for a
    /// later scan. Temporary names (dot-files, <c>*.part</c>, <c>*.tmp</c>, ...) are never taken.
    /// </summary>
    [Range(0, 3600)]
    public int SettleSeconds { get; set; } = 5;

    /// <summary>
    /// After this many scans on which a file could not be read (permissions, I/O errors), it is
    /// set aside in quarantine/ with its reason and listed for staff instead of being retried.
    /// </summary>
    [Range(1, 1000)]
    public int MaxReadAttempts { get; set; } = 5;
}

/// <summary>Section <c>Processing</c>: claims on messages and turns between runs.</summary>
public sealed class ProcessingOptions
{
    public const string Section = "Processing";

    /// <summary>
    /// How long a claim on a message holds without being renewed. The owner renews it every third
    /// of this while it works, so a live owner never loses it; a crashed owner's claim is taken over
    /// when it runs out (at once, when the owner is known to be gone from this machine).
    /// </summary>
    [Range(2, 3600)]
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>
    /// One inbox batch runs at a time per database. <c>process</c> waits this long for a running
    /// batch (of another <c>process</c> or the service) to finish, then gives up with exit code 1
    /// and nothing done; the service's scheduled scan does not wait and tries again next interval.
    /// </summary>
    [Range(0, 86400)]
    public int BatchWaitSeconds { get; set; } = 900;
}

/// <summary>Section <c>Log</c>: Serilog sinks. Console always; a rolling file under the data folder.</summary>
public sealed class LogOptions
{
    public const string Section = "Log";

    /// <summary>Empty means <c>{Data:Directory}/logs</c>.</summary>
    public string? Directory { get; set; }

    /// <summary>Write JSON (compact, one event a line) instead of text, for log search tools.</summary>
    public bool Json { get; set; }

    public Serilog.Events.LogEventLevel MinimumLevel { get; set; } = Serilog.Events.LogEventLevel.Information;
}

/// <summary>Section <c>Calendar</c>: working days for the deadlines (Algemene termijnenwet holidays are built in).</summary>
public sealed class CalendarOptions
{
    public const string Section = "Calendar";

    /// <summary>An optional file of extra closing days: one yyyy-MM-dd a line, # for comments.</summary>
    public string? ClosingDaysFile { get; set; }
}

/// <summary>Section <c>Register</c>: the allocation register's own terms.</summary>
public sealed class RegisterOptions
{
    public const string Section = "Register";

    /// <summary>
    /// Working days after an indication's decision date by which an allocation (301) resting on it is
    /// expected; an active indication without one after that is listed for staff. The standard sets no
    /// term for this (it is the municipality's own process); 5 matches the term for answering a request.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, 250)]
    public int IndicationWorkingDays { get; set; } = 5;
}

/// <summary>
/// Section <c>Declarations</c>: the regional rules per municipality on top of the national rules
/// (README, "Regional rule sets"), keyed by CBS code:
/// <c>"Declarations": { "Regional": { "0321": { "BrokenMonths": "first-in-full" } } }</c>.
/// A municipality without an entry is judged by the national rules alone. A key or value that is
/// not one stops the service at start with its reason, never a rule silently not applied.
/// </summary>
public sealed class DeclarationOptions : IValidatableObject
{
    private static ValidationResult Invalid(string code, string setting, IEnumerable<string> values) =>
        new($"Declarations:Regional:{code}:{setting} must be one of {string.Join(", ", values)}.", [nameof(Regional)]);

    public const string Section = "Declarations";

    public Dictionary<string, MunicipalityRuleOptions> Regional { get; set; } = [];

    /// <summary>The rule book the declaration checks read (after <see cref="Validate"/> passed).</summary>
    public Core.Declarations.RegionalRuleBook ToRuleBook() =>
        new(Regional.Select(r => new Core.Declarations.RegionalRules(
            r.Key,
            r.Value.BrokenMonthsValue ?? throw new InvalidOperationException($"Declarations:Regional:{r.Key}:BrokenMonths is not valid."),
            r.Value.StartMessageValue ?? throw new InvalidOperationException($"Declarations:Regional:{r.Key}:StartMessage is not valid."))));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (code, rules) in Regional)
        {
            if (code.Length != 4 || !code.All(char.IsAsciiDigit))
            {
                yield return new ValidationResult($"Declarations:Regional keys are CBS municipality codes of 4 digits; '{code}' is not one.", [nameof(Regional)]);
            }

            if (rules.BrokenMonthsValue is null)
            {
                yield return Invalid(code, nameof(rules.BrokenMonths), Enum.GetValues<Core.Declarations.BrokenMonths>().Select(Core.Declarations.RegionalRules.Kebab));
            }

            if (rules.StartMessageValue is null)
            {
                yield return Invalid(code, nameof(rules.StartMessage), Enum.GetValues<Core.Declarations.StartMessage>().Select(Core.Declarations.RegionalRules.Kebab));
            }
        }
    }
}

/// <summary>One municipality's regional switches (each documented in the README with its basis).</summary>
public sealed class MunicipalityRuleOptions
{
    /// <summary>Whether paid lines on allocations without a start (305) are listed for staff (never refused, OP364): off (default) or signal.</summary>
    public string StartMessage { get; set; } = "off";

    /// <summary>What a month only partly inside an outputgericht monthly allocation is paid (IV078): contract (default), full, first-in-full or none.</summary>
    public string BrokenMonths { get; set; } = "contract";

    internal Core.Declarations.BrokenMonths? BrokenMonthsValue => Parse<Core.Declarations.BrokenMonths>(BrokenMonths, Core.Declarations.RegionalRules.Kebab);

    internal Core.Declarations.StartMessage? StartMessageValue => Parse<Core.Declarations.StartMessage>(StartMessage, Core.Declarations.RegionalRules.Kebab);

    /// <summary>A switch's value as configured, in the rule set's spelling (<c>first-in-full</c>); null when it is none of them.</summary>
    private static T? Parse<T>(string? text, Func<T, string> spelling)
        where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => (T?)v).FirstOrDefault(v => string.Equals(spelling(v!.Value), text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
