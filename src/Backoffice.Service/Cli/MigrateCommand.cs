using System.CommandLine;
using Backoffice.Data;
using Backoffice.Data.Migrations;
using Backoffice.Service.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Cli;

/// <summary>
/// <c>backoffice migrate</c>: brings the database to the current schema and stops. For SQL Server
/// set-ups where the service login may not change the schema (deploy/sqlserver, GrantMigrator=no)
/// and Database:MigrateOnStart is false.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var actor = CommonOptions.Actor();
        var why = CommonOptions.Why();
        var command = new Command("migrate", "Apply the forward-only database migrations and exit.") { data, config, actor, why };
        command.SetAction(parse =>
        {
            if (CommonOptions.Person(parse, actor, why, "migrate", stderr) is not { } by)
            {
                return ExitCodes.Usage;
            }

            try
            {
                using var host = BackofficeHost.CreateBuilder(new HostSettings(
                    CommonOptions.Overrides(("Data:Directory", parse.GetValue(data))),
                    parse.GetValue(config),
                    ConsoleToStandardError: true)).Build();
                var result = DatabaseMigrator.Migrate(host.Services.GetRequiredService<DatabaseSettings>(), by);
                stdout.WriteLine(result.ScriptsApplied.Count == 0
                    ? $"{result.Provider} database is current."
                    : $"{result.Provider} database migrated: {string.Join(", ", result.ScriptsApplied)}.");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is DatabaseMigrationException or OptionsValidationException)
            {
                stderr.WriteLine($"backoffice migrate: {ex.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
