namespace Backoffice.Data;

/// <summary>The databases the stores run on: SQLite embedded by default, SQL Server in production.</summary>
public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
