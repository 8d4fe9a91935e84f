using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Backoffice.Service.Resilience;

/// <summary>
/// The one retry policy for database and file work: a locked SQLite file, a SQL Server failover
/// or a share that hiccups is retried with exponential backoff; anything else, and a fault that
/// outlasts the retries, surfaces to the per-message boundary, which records it (gives up visibly).
/// </summary>
public static class TransientFaults
{
    public const int MaxRetryAttempts = 4;

    public static bool IsTransient(Exception ex) => ex switch
    {
        // A file that is gone will not come back by waiting.
        FileNotFoundException or DirectoryNotFoundException => false,
        // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another connection holds the file.
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        DbException db => db.IsTransient,
        IOException => true,
        TimeoutException => true,
        _ => false,
    };

    public static ResiliencePipeline Create(ILogger logger, TimeSpan? baseDelay = null) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = baseDelay ?? TimeSpan.FromMilliseconds(200),
                OnRetry = args =>
                {
                    logger.LogWarning(
                        "Transient fault ({ExceptionType}), attempt {Attempt} of {MaxAttempts}; retrying in {Delay}",
                        args.Outcome.Exception?.GetType().Name,
                        args.AttemptNumber + 1,
                        MaxRetryAttempts + 1,
                        args.RetryDelay);
                    return default;
                },
            })
            .Build();
}
