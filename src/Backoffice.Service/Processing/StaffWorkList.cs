using System.Globalization;
using Backoffice.Data.Register;
using Backoffice.Data.Staff;
using Backoffice.Service.Configuration;

namespace Backoffice.Service.Processing;

/// <summary>One thing that needs a person: a recorded staff task, or a computed one (an indication still without an allocation).</summary>
public sealed record QueueItem(long? Id, string Kind, long? MessageId, string Subject, string Detail, DateTimeOffset CreatedAt, DateOnly? DueOn)
{
    /// <summary>overdue, due today, open (a later deadline), or no deadline.</summary>
    public string Status(DateOnly today) => DueOn switch
    {
        null => "no deadline",
        { } d when d < today => "overdue",
        { } d when d == today => "due today",
        _ => "open",
    };
}

/// <summary>The staff queue: one query for the CLI and the web UI, oldest due first, undated last.</summary>
public static class StaffWorkList
{
    public const string UnallocatedIndication = "unallocated-indication";

    public static async Task<IReadOnlyList<QueueItem>> ListAsync(
        StaffTaskStore tasks, RegisterStore register, RegisterOptions options, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(register);
        ArgumentNullException.ThrowIfNull(options);
        var recorded = (await tasks.ListOpenAsync(cancellationToken))
            .Select(t => new QueueItem(t.Id, t.Kind, t.MessageId, t.Subject, t.Detail, t.CreatedAt, t.DueOn));
        var unallocated = (await register.IndicationsWithoutAllocationAsync(today, options.IndicationWorkingDays, cancellationToken))
            .Select(i => new QueueItem(
                null,
                UnallocatedIndication,
                null,
                $"Indication {i.Number} of municipality {i.Municipality} has no allocation yet",
                string.Create(CultureInfo.InvariantCulture, $"Decided on {i.DecisionDate:yyyy-MM-dd}; an allocation (301) resting on it was expected within {options.IndicationWorkingDays} working days (Register:IndicationWorkingDays). Send the 301, or withdraw the indication."),
                new DateTimeOffset(i.DecisionDate.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                i.DueOn));
        return
        [
            .. recorded.Concat(unallocated)
                .OrderBy(i => i.DueOn is null ? 1 : 0)
                .ThenBy(i => i.DueOn)
                .ThenBy(i => i.CreatedAt)
                .ThenBy(i => i.Id),
        ];
    }
}
