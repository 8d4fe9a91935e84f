using System.Data.Common;

namespace Backoffice.Data;

/// <summary>Opens connections to the configured database, ready for use (SQLite pragmas applied).</summary>
public interface IDbConnectionFactory
{
    DatabaseProvider Provider { get; }

    DbConnection Open();

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
