using Backoffice.Data;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Configuration;

/// <summary>
/// The folders and database the service works with, derived once from the options so every verb
/// and job agrees on them. Defaults all live under the data folder.
/// </summary>
public sealed class BackofficePaths
{
    public BackofficePaths(IOptions<DataOptions> data, IOptions<InboxOptions> inbox, IOptions<SchemasOptions> schemas, IOptions<LogOptions> log)
    {
        DataDirectory = Path.GetFullPath(data.Value.Directory);
        Inbox = Resolve(inbox.Value.Directory, "inbox");
        Outbox = Resolve(inbox.Value.Outbox, "outbox");
        Processed = Path.Combine(DataDirectory, "processed");
        Quarantine = Path.Combine(DataDirectory, "quarantine");
        Logs = Resolve(log.Value.Directory, "logs");
        Schemas = string.IsNullOrWhiteSpace(schemas.Value.Directory)
            ? DefaultSchemas
            : Path.GetFullPath(schemas.Value.Directory);
    }

    /// <summary>The iWmo 3.2 set built into this project, copied next to the executable.</summary>
    public static string DefaultSchemas => Path.Combine(AppContext.BaseDirectory, "schemas", "iwmo-3.2");

    public string DataDirectory { get; }

    public string Inbox { get; }

    public string Outbox { get; }

    public string Processed { get; }

    public string Quarantine { get; }

    public string Logs { get; }

    public string Schemas { get; }

    public void EnsureWorkFolders()
    {
        foreach (var folder in new[] { DataDirectory, Inbox, Outbox, Processed, Quarantine })
        {
            Directory.CreateDirectory(folder);
        }
    }

    public static DatabaseSettings Database(DatabaseOptions options, string dataDirectory) =>
        string.IsNullOrWhiteSpace(options.ConnectionString)
            ? options.Provider == DatabaseProvider.Sqlite
                ? DatabaseSettings.SqliteInDataFolder(dataDirectory)
                : throw new OptionsValidationException(DatabaseOptions.Section, typeof(DatabaseOptions), ["Database:ConnectionString is required for SqlServer."])
            : new DatabaseSettings(options.Provider, options.ConnectionString);

    private string Resolve(string? configured, string defaultName) =>
        string.IsNullOrWhiteSpace(configured) ? Path.Combine(DataDirectory, defaultName) : Path.GetFullPath(configured);
}
