using Backoffice.Core.Calendar;
using Backoffice.Data;
using Backoffice.Data.Migrations;
using Backoffice.Service.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Hosting;

/// <summary>
/// Builds the one host every verb runs in, so `run`, `process` and `validate` read the same
/// configuration (appsettings.json, an optional --config file, BACKOFFICE_ environment variables,
/// then command-line overrides, later ones winning) and share the same registrations.
/// </summary>
public static class BackofficeHost
{
    /// <summary>
    /// The host of a one-shot verb that opens the store (process, queue, import, answer-request):
    /// built, and the database brought to the current schema first when Database:MigrateOnStart (as
    /// the service's start-up does), under the migration lock. Disposed again if migrating fails.
    /// </summary>
    public static IHost BuildMigrated(HostSettings settings)
    {
        var host = CreateBuilder(settings).Build();
        try
        {
            if (host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
            {
                DatabaseMigrator.Migrate(host.Services.GetRequiredService<DatabaseSettings>(), host.Services.GetRequiredService<Data.Audit.AuditActor>());
            }

            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    public static HostApplicationBuilder CreateBuilder(HostSettings settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("BACKOFFICE_ENVIRONMENT") ?? Environments.Production,
        });

        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(settings.ConfigFile is null ? "appsettings.local.json" : Path.GetFullPath(settings.ConfigFile), optional: settings.ConfigFile is null)
            .AddEnvironmentVariables("BACKOFFICE_")
            .AddInMemoryCollection(settings.Overrides);

        TimeProvider time = settings.ProcessingDate is { } date
            ? new PinnedDateTimeProvider(date, TimeProvider.System)
            : TimeProvider.System;

        builder.Services
            .AddSingleton(time)
            .AddBackofficeOptions(builder.Configuration)
            .AddBackofficeLogging(settings.ConsoleToStandardError)
            .AddBackofficeValidation()
            .AddBackofficeStorage()
            .AddBackofficeIntake()
            .AddBackofficeReferenceData();
        return builder;
    }
}

/// <summary>What a verb passes to the host: configuration overrides from its options, and how to log.</summary>
public sealed record HostSettings(
    IReadOnlyDictionary<string, string?> Overrides,
    string? ConfigFile = null,
    DateOnly? ProcessingDate = null,
    bool ConsoleToStandardError = false);
