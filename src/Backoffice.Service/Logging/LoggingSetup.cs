using Backoffice.Service.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Debugging;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Backoffice.Service.Hosting;

/// <summary>
/// Serilog: console plus a daily rolling file under the data folder, text or compact JSON.
/// Events carry the per-message scope (MessageId, MessageType, Sender); code logs ids and codes,
/// never a BSN, a name or a connection string.
/// </summary>
public static class LoggingSetup
{
    public static IServiceCollection AddBackofficeLogging(this IServiceCollection services, bool consoleToStandardError) =>
        services.AddSerilog((sp, config) =>
        {
            var options = sp.GetRequiredService<IOptions<LogOptions>>().Value;
            var paths = sp.GetRequiredService<BackofficePaths>();
            const string text = "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {Message:lj} {Properties:j}{NewLine}{Exception}";
            config
                .MinimumLevel.Is(options.MinimumLevel)
                .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Application", "backoffice");

            // Verbs that print results on stdout (validate, process) keep it clean for pipes.
            var consoleFrom = consoleToStandardError ? LogEventLevel.Verbose : (LogEventLevel?)null;
            if (options.Json)
            {
                config.WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: consoleFrom);
            }
            else
            {
                config.WriteTo.Console(outputTemplate: text, standardErrorFromLevel: consoleFrom, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }

            // The file is a convenience next to the console: a full disk or a read-only log folder
            // must never fail a batch or hide its results, so the file sink is wrapped to swallow
            // its own failures (Serilog's SelfLog still sees them).
            var file = Path.Combine(paths.Logs, "backoffice-.log");
            config.WriteTo.Sink(LoggerSinkConfiguration.Wrap(
                sink => new FailSafeSink(sink),
                to =>
                {
                    if (options.Json)
                    {
                        to.File(new CompactJsonFormatter(), file, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 90);
                    }
                    else
                    {
                        to.File(file, outputTemplate: text, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 90, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
                    }
                }));
        });
}

/// <summary>A sink whose failures (writing, flushing, closing) are reported to SelfLog and go no further.</summary>
internal sealed class FailSafeSink(ILogEventSink inner) : ILogEventSink, IDisposable
{
    public void Emit(LogEvent logEvent)
    {
        try
        {
            inner.Emit(logEvent);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            SelfLog.WriteLine("Log file write failed: {0}", ex.GetType().Name);
        }
    }

    public void Dispose()
    {
        try
        {
            (inner as IDisposable)?.Dispose();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            SelfLog.WriteLine("Log file close failed: {0}", ex.GetType().Name);
        }
    }
}
