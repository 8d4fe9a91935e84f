using System.Globalization;

namespace Backoffice.Data;

/// <summary>
/// Microsoft.Data.SqlClient does not work in invariant globalization mode (it maps collation LCIDs
/// to code pages through ICU; dotnet/SqlClient#220) and fails at the first Open with a bare
/// NotSupportedException. Checking when SQL Server is configured turns that into an actionable
/// start-up error.
/// </summary>
internal static class SqlServerRuntime
{
    public static void EnsureSupported()
    {
        if (IsInvariantGlobalization())
        {
            throw new NotSupportedException(
                "SQL Server needs ICU globalization, but this process runs in invariant globalization mode. " +
                "Set <InvariantGlobalization>false</InvariantGlobalization> in the executable's project " +
                "(and DOTNET_SYSTEM_GLOBALIZATION_INVARIANT unset), and install ICU (libicu) on the host.");
        }
    }

    private static bool IsInvariantGlobalization()
    {
        try
        {
            // In invariant mode only the invariant culture exists; asking for any other throws.
            _ = CultureInfo.GetCultureInfo("en-US", predefinedOnly: true);
            return false;
        }
        catch (CultureNotFoundException)
        {
            return true;
        }
    }
}
