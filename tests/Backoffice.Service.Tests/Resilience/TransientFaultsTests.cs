using Backoffice.Service.Resilience;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Resilience;

public sealed class TransientFaultsTests
{
    private static int Attempts(Exception fault)
    {
        var pipeline = TransientFaults.Create(NullLogger.Instance, TimeSpan.FromMilliseconds(1));
        var attempts = 0;
        Assert.That(
            () => pipeline.Execute(() =>
            {
                attempts++;
                throw fault;
            }),
            Throws.InstanceOf(fault.GetType()));
        return attempts;
    }

    [Test]
    public void Share_hiccup_is_retried_with_backoff_then_given_up_visibly() =>
        Assert.That(Attempts(new IOException("share not reachable")), Is.EqualTo(TransientFaults.MaxRetryAttempts + 1));

    [Test]
    public void Locked_SQLite_file_is_retried() =>
        Assert.That(Attempts(new SqliteException("database is locked", 5)), Is.EqualTo(TransientFaults.MaxRetryAttempts + 1));

    [Test]
    public void Missing_file_is_not_retried() =>
        Assert.That(Attempts(new FileNotFoundException("gone")), Is.EqualTo(1));

    [Test]
    public void Bug_is_not_retried() =>
        Assert.That(Attempts(new InvalidOperationException("bug")), Is.EqualTo(1));

    [Test]
    public void Fault_that_clears_is_absorbed_and_each_retry_is_logged()
    {
        var logger = new CountingLogger();
        var pipeline = TransientFaults.Create(logger, TimeSpan.FromMilliseconds(1));
        var attempts = 0;

        var result = pipeline.Execute(() => ++attempts < 3 ? throw new IOException("busy") : "stored");

        Assert.That(result, Is.EqualTo("stored"));
        Assert.That(logger.Warnings, Is.EqualTo(2));
    }

    private sealed class CountingLogger : ILogger
    {
        public int Warnings { get; private set; }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings++;
            }
        }
    }
}
