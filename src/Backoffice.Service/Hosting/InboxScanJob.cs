using Backoffice.Service.Intake;
using Backoffice.Service.Processing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Backoffice.Service.Hosting;

/// <summary>
/// The scheduled inbox scan: the same batch the `process` verb runs. It never waits for a batch
/// that holds the database (a `process` run): it tries again at the next interval. When the service
/// is asked to stop, the scan stops after the input in hand instead of working through the backlog.
/// </summary>
[DisallowConcurrentExecution]
public sealed class InboxScanJob(InboxBatch batch, IHostApplicationLifetime lifetime, ILogger<InboxScanJob> logger) : IJob
{
    public static readonly JobKey Key = new("inbox-scan");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var run = await batch.RunAsync(TimeSpan.Zero, stop.Token);
        if (!run.Ran)
        {
            logger.LogInformation("Inbox scan skipped: another batch is running on this database; trying again at the next interval");
            return;
        }

        var results = run.Results;
        if (results.Count > 0 || run.Stopped)
        {
            logger.LogInformation(
                "Inbox scan: {Inputs} inputs, {Accepted} accepted, {Quarantined} quarantined, {Duplicates} duplicates, {Left} left for a later scan{Stopped}",
                results.Count,
                results.Count(r => r.Outcome == InputOutcomes.Accepted),
                results.Count(r => r.MovedTo is not null && r.MovedTo.Contains("quarantine", StringComparison.Ordinal)),
                results.Count(r => r.Outcome == InputOutcomes.Duplicate),
                results.Count(r => InputOutcomes.IsLeftForLater(r.Outcome)),
                run.Stopped ? "; stopped early because the service is stopping" : string.Empty);
        }
    }
}
