using System.Globalization;

namespace Backoffice.Data;

/// <summary>Reads a stored UTC timestamp: SQL Server returns DateTime, SQLite the text Microsoft.Data.Sqlite wrote.</summary>
internal static class Timestamps
{
    public static DateTimeOffset? Utc(object? value) => value switch
    {
        null or DBNull => null,
        DateTime dateTime => new DateTimeOffset(DateTime.SpecifyKind(dateTime, DateTimeKind.Utc)),
        string text => new DateTimeOffset(DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc)),
        _ => throw new InvalidCastException($"Unexpected timestamp type {value.GetType().Name}."),
    };
}
