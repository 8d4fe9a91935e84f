using Backoffice.Core.Calendar;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Backoffice.Service.Hosting;

/// <summary>
/// Builds the one host every verb runs in, so `run`, `process` and `validate` read the same
/// configuration (appsettings.json, an optional --config file, BACKOFFICE_ environment variables,
/// then command-line overrides, later ones winning) and share the same registrations.
/// </summary>
public static class BackofficeHost
{
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
