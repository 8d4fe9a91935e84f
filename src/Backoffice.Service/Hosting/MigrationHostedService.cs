using Backoffice.Data;
using Backoffice.Data.Migrations;
using Backoffice.Service.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Hosting;

/// <summary>Brings the database to the current schema before anything is scheduled (registered first).</summary>
public sealed class MigrationHostedService(DatabaseSettings database, IOptions<DatabaseOptions> options, BackofficePaths paths, ILogger<MigrationHostedService> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        paths.EnsureWorkFolders();
        if (!options.Value.MigrateOnStart)
        {
            return Task.CompletedTask;
        }

        var result = DatabaseMigrator.Migrate(database);
        logger.LogInformation("Database ({Provider}) is current; {Applied} migrations applied", database.Provider, result.ScriptsApplied.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
