using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Backoffice.Data;

internal static class DbErrors
{
    // SQLite: SQLITE_CONSTRAINT (19) with extended SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555).
    // SQL Server: 2601 (duplicate key in unique index), 2627 (unique/primary key constraint).
    public static bool IsUniqueViolation(DbException exception) => exception switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}
