using System.Globalization;

namespace Backoffice.Data;

/// <summary>How a calendar day (<c>yyyy-MM-dd</c>) and a month (<c>yyyy-MM</c>, the ledger's) are stored: text, on SQLite and SQL Server alike.</summary>
public static class StoredDates
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDay(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The month holding <paramref name="day"/>.</summary>
    public static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The first day of a stored month.</summary>
    public static DateOnly ParseMonth(string text) => DateOnly.ParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
