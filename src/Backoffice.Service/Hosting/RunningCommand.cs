using Backoffice.Data.Audit;

namespace Backoffice.Service.Hosting;

/// <summary>
/// The verb this process (or this call of <see cref="Cli.BackofficeCli.RunAsync"/>) is running, so
/// the audit trail can say which command acted (<c>audit_event.origin</c>) without every verb
/// passing it to every store. Set by the command line for the duration of one invocation; hosts
/// built outside it (tests, benchmarks) act as "service".
/// </summary>
public static class RunningCommand
{
    private static readonly AsyncLocal<string?> Current = new();

    /// <summary>The running verb, e.g. "process", "import", "report payments"; "service" outside the command line.</summary>
    public static string Name => Current.Value ?? "service";

    /// <summary>The service's own actor for this verb: 'system', from this command on this host and process.</summary>
    public static AuditActor System => AuditActor.System(Name);

    /// <summary>A person acting through this verb (<c>--actor</c>, default the OS user) with their <c>--why</c>.</summary>
    public static AuditActor Person(string? actor, string? why) => AuditActor.Person(actor, why, Name);

    /// <summary>Sets <paramref name="verb"/> for the calls that follow in this async flow.</summary>
    public static void Enter(string verb) => Current.Value = verb;
}
