using Backoffice.Service.Intake;
using Backoffice.Service.Processing;
using Microsoft.Extensions.Logging;
using Quartz;

namespace Backoffice.Service.Hosting;

/// <summary>The scheduled inbox scan: the same batch the `process` verb runs.</summary>
[DisallowConcurrentExecution]
public sealed class InboxScanJob(InboxBatch batch, ILogger<InboxScanJob> logger) : IJob
{
    public static readonly JobKey Key = new("inbox-scan");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var results = await batch.RunAsync(cancellationToken);
        if (results.Count > 0)
        {
            logger.LogInformation(
                "Inbox scan: {Inputs} inputs, {Accepted} accepted, {Quarantined} quarantined, {Duplicates} duplicates, {Failed} failed",
                results.Count,
                results.Count(r => r.Outcome == InputOutcomes.Accepted),
                results.Count(r => r.MovedTo is not null && r.Outcome is not InputOutcomes.Accepted and not InputOutcomes.Duplicate),
                results.Count(r => r.Outcome == InputOutcomes.Duplicate),
                results.Count(r => r.Outcome == InputOutcomes.Failed));
        }
    }
}
