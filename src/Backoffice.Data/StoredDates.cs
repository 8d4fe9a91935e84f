using System.Globalization;

namespace Backoffice.Data;

/// <summary>How a calendar day is stored in the register and reference tables: <c>yyyy-MM-dd</c> text, on SQLite and SQL Server alike.</summary>
public static class StoredDates
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
