using Microsoft.Data.Sqlite;

namespace Backoffice.Data;

/// <summary>
/// Which database to use and how to reach it. The connection string may hold a password, so
/// <see cref="ToString"/> leaves it out: a settings object that ends up in a log says nothing secret.
/// </summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The embedded default database file inside the data folder.</summary>
    public const string SqliteFileName = "backoffice.db";

    /// <summary>
    /// The default: <c>backoffice.db</c> in <paramref name="dataDirectory"/>, creating the folder,
    /// so that the service runs on a fresh machine with no database server.
    /// </summary>
    public static DatabaseSettings SqliteInDataFolder(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var folder = Directory.CreateDirectory(Path.GetFullPath(dataDirectory));
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder.FullName, SqliteFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
        };
        return new DatabaseSettings(DatabaseProvider.Sqlite, builder.ToString());
    }

    public override string ToString() => $"DatabaseSettings {{ Provider = {Provider} }}";
}
