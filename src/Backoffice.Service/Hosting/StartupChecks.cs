using Backoffice.Core.Validation;
using Backoffice.Data;
using Backoffice.Data.Migrations;
using Backoffice.Service.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Hosting;

/// <summary>
/// Runs before anything is scheduled (registered first): work folders exist, the database is at
/// the current schema, and the schema set loads. A service that cannot validate or store must not
/// start and then fail on every scan; it stops at once with the reason (exit code 2).
/// </summary>
public sealed class StartupChecks(
    DatabaseSettings database,
    IOptions<DatabaseOptions> options,
    BackofficePaths paths,
    MessageValidator validator,
    Data.Audit.AuditActor actor,
    ILogger<StartupChecks> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        paths.EnsureWorkFolders();
        if (options.Value.MigrateOnStart)
        {
            var result = DatabaseMigrator.Migrate(database, actor);
            logger.LogInformation("Database ({Provider}) is current; {Applied} migrations applied", database.Provider, result.ScriptsApplied.Count);
        }

        logger.LogInformation("Validating against {SchemaCount} schemas in {SchemaDirectory}", validator.Catalogue.Files.Count, validator.Catalogue.Directory);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
