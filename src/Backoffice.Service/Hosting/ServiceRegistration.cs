using Backoffice.Core.Calendar;
using Backoffice.Core.Retours;
using Backoffice.Core.Register;
using Backoffice.Core.Rules;
using Backoffice.Core.Schemas;
using Backoffice.Core.Validation;
using Backoffice.Data;
using Backoffice.Data.Answers;
using Backoffice.Data.Audit;
using Backoffice.Data.Declarations;
using Backoffice.Data.Intake;
using Backoffice.Data.Payments;
using Backoffice.Data.Processing;
using Backoffice.Data.Reconciliation;
using Backoffice.Data.Reference;
using Backoffice.Data.Register;
using Backoffice.Data.Staff;
using Backoffice.Service.Configuration;
using Backoffice.Service.Intake;
using Backoffice.Service.Outbox;
using Backoffice.Service.Processing;
using Backoffice.Service.Reference;
using Backoffice.Service.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Backoffice.Service.Hosting;

/// <summary>One registration method per concern (style habit 1).</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddBackofficeOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataOptions>().Bind(configuration.GetSection(DataOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DatabaseOptions>().Bind(configuration.GetSection(DatabaseOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SchemasOptions>().Bind(configuration.GetSection(SchemasOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InboxOptions>().Bind(configuration.GetSection(InboxOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ProcessingOptions>().Bind(configuration.GetSection(ProcessingOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CalendarOptions>().Bind(configuration.GetSection(CalendarOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RegisterOptions>().Bind(configuration.GetSection(RegisterOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<DeclarationOptions>().Bind(configuration.GetSection(DeclarationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LogOptions>().Bind(configuration.GetSection(LogOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BackofficePaths>();
        return services;
    }

    public static IServiceCollection AddBackofficeValidation(this IServiceCollection services) =>
        services
            .AddSingleton(sp => SchemaCatalogue.Load(sp.GetRequiredService<BackofficePaths>().Schemas))
            .AddSingleton(sp => new MessageValidator(
                sp.GetRequiredService<SchemaCatalogue>(),
                sp.GetRequiredService<IOptions<SchemasOptions>>().Value.MaxMessageBytes))
            .AddSingleton(_ => RuleSet.Level2)
            .AddSingleton(_ => RegisterRuleSet.Standard)
            .AddSingleton(_ => RegisterRecorderSet.Standard)
            .AddSingleton<MessageCheck>()
            .AddSingleton(sp => WorkingDays.FromFile(sp.GetRequiredService<IOptions<CalendarOptions>>().Value.ClosingDaysFile));

    public static IServiceCollection AddBackofficeStorage(this IServiceCollection services) =>
        services
            .AddSingleton(sp => BackofficePaths.Database(
                sp.GetRequiredService<IOptions<DatabaseOptions>>().Value,
                sp.GetRequiredService<BackofficePaths>().DataDirectory))
            .AddSingleton<IDbConnectionFactory>(sp => new DbConnectionFactory(sp.GetRequiredService<DatabaseSettings>()))
            // The audit trail's actor for what the service itself does, read now: the host is built
            // inside the verb's invocation, which is what RunningCommand knows.
            .AddSingleton(RunningCommand.System)
            .AddSingleton<MessageIntakeStore>()
            .AddSingleton<MessageClaims>()
            .AddSingleton<MessageContent>()
            .AddSingleton<MessageVerdicts>()
            .AddSingleton<MessageSummaries>()
            .AddSingleton(sp => sp.GetRequiredService<IOptions<DeclarationOptions>>().Value.ToRuleBook())
            .AddSingleton<DeclarationStore>()
            .AddSingleton<RegisterStore>()
            .AddSingleton<MessageUnitOfWork>()
            .AddSingleton<AnswerStore>()
            .AddSingleton<StaffTaskStore>()
            .AddSingleton<ReferenceStore>()
            .AddSingleton<PaymentReportStore>()
            .AddSingleton<Data.Scenarios.ScenarioLedgerStore>()
            .AddSingleton<ReconciliationStore>()
            .AddSingleton<MessageStoryStore>()
            .AddSingleton<StoreDurability>();

    public static IServiceCollection AddBackofficeIntake(this IServiceCollection services) =>
        services
            .AddSingleton(sp => TransientFaults.Create(sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TransientFaults).FullName!)))
            .AddSingleton<InstanceIdentity>()
            .AddSingleton<OutboxWriter>()
            .AddSingleton<MessageProcessor>()
            .AddSingleton<InboxBatch>();

    /// <summary>The reference data imports (`backoffice import`); the store itself is registered with the others.</summary>
    public static IServiceCollection AddBackofficeReferenceData(this IServiceCollection services) =>
        services.AddSingleton<ReferenceImporter>();

    /// <summary>
    /// The hosted service: migrate first, then Quartz scans the inbox on an interval. One scan
    /// at a time in this process (DisallowConcurrentExecution); across instances the claims in
    /// the store keep a message to one processor.
    /// </summary>
    public static IServiceCollection AddBackofficeScheduling(this IServiceCollection services, InboxOptions inbox)
    {
        services.AddHostedService<StartupChecks>();
        services.AddQuartz(q =>
        {
            q.AddJob<InboxScanJob>(j => j.WithIdentity(InboxScanJob.Key));
            q.AddTrigger(t => t
                .ForJob(InboxScanJob.Key)
                .WithIdentity("inbox-scan-trigger")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(inbox.ScanIntervalSeconds)).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
