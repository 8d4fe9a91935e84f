using System.Globalization;
using System.Reflection;
using Backoffice.Service.Intake;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;

namespace Backoffice.Service.Reports;

/// <summary>The file formats of <c>backoffice report</c>.</summary>
internal enum ReportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// What every report file has in common (README, "Payment report"): a table is a class whose
/// properties carry their column name (<see cref="ExcelColumnNameAttribute"/>) and, for XLSX, their
/// number format; CSV is UTF-8 without BOM, comma, a header row, <c>\n</c>, invariant culture, months
/// as yyyy-MM, days as yyyy-MM-dd, euros with two decimals and '.', other decimals (volumes, percentages) without trailing zeros,
/// and text that a spreadsheet would run as a formula made inert; XLSX is one workbook of typed cells
/// (MiniExcel). Rows are written as they are enumerated, so a report streamed from the database is
/// never held whole in memory, and every file is written under a hidden temporary name, flushed and
/// renamed into place (<see cref="SetAside.WriteAtomically(string, Action{Stream})"/>).
/// </summary>
internal static class ReportFiles
{
    public const string EuroFormat = "0.00";
    public const string ExcelEuroFormat = "#,##0.00";
    public const string ExcelMonthFormat = "yyyy-mm";
    public const string ExcelDayFormat = "yyyy-mm-dd";
    public const string ExcelPercentFormat = "0.00%";
    public const string ExcelMonthsFormat = "0.00";

    /// <summary>Where a second table of a CSV report goes beside <paramref name="path"/>: <c>payments.csv</c> and <c>providers</c> give <c>payments.providers.csv</c>.</summary>
    public static string Beside(string path, string table)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        var stem = path[..^extension.Length];
        return stem + "." + table + (extension.Length == 0 ? ".csv" : extension);
    }

    /// <summary>Cents as euros, exactly (a decimal keeps every cent).</summary>
    public static decimal Euros(long cents) => cents / 100m;

    /// <summary>Cents as the report's euro text: invariant, two decimals, '.' as the separator, no grouping.</summary>
    public static string EuroText(long cents) => Euros(cents).ToString(EuroFormat, CultureInfo.InvariantCulture);

    /// <summary>A month (or a day) as the cell value MiniExcel writes as a real date.</summary>
    public static DateTime Date(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    public static DateTime? Date(DateOnly? day) => day is { } d ? Date(d) : null;

    /// <summary>Writes <paramref name="rows"/> as one CSV file at <paramref name="path"/>, atomically, as they are enumerated.</summary>
    public static void WriteCsv<T>(string path, IEnumerable<T> rows) => SetAside.WriteAtomically(path, stream => Csv(stream, rows));

    /// <summary>
    /// Writes a report of several tables: XLSX as one workbook with a sheet per table, in order; CSV
    /// as one file per table beside <paramref name="path"/> (<see cref="Beside"/>), or at
    /// <paramref name="path"/> itself for the table named <paramref name="main"/>. Returns the files
    /// in the order they were put in place.
    /// </summary>
    public static IReadOnlyList<string> Write(ReportFormat format, string path, IReadOnlyList<ReportTable> tables, string? main = null)
    {
        ArgumentNullException.ThrowIfNull(tables);
        if (format == ReportFormat.Xlsx)
        {
            WriteXlsx(path, [.. tables.Select(t => (t.Name, t.Rows))]);
            return [path];
        }

        var written = new List<string>();
        foreach (var table in tables)
        {
            var file = table.Name == main ? path : Beside(path, table.Name);
            table.WriteCsv(file);
            written.Add(file);
        }

        return written;
    }

    /// <summary>Writes one workbook with a sheet per entry (name to its rows, in order) at <paramref name="path"/>, atomically.</summary>
    public static void WriteXlsx(string path, IReadOnlyList<(string Sheet, object Rows)> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        var workbook = new Dictionary<string, object>();
        foreach (var (sheet, rows) in sheets)
        {
            workbook[sheet] = rows;
        }

        SetAside.WriteAtomically(path, stream => stream.SaveAs(workbook, excelType: ExcelType.XLSX));
    }

    /// <summary>
    /// A table as CSV: the columns and their order are the XLSX sheet's (the properties and their
    /// <see cref="ExcelColumnNameAttribute"/>), a header row, comma, invariant culture.
    /// </summary>
    private static void Csv<T>(Stream stream, IEnumerable<T> rows)
    {
        var columns = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(c => (Property: c, Euros: c.GetCustomAttribute<ExcelFormatAttribute>()?.Format == ExcelEuroFormat, Day: c.GetCustomAttribute<ExcelFormatAttribute>()?.Format == ExcelDayFormat))
            .ToList();
        var options = CsvWriterOptions.Default with
        {
            Separator = ',',
            NewLine = "\n",
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var csv = CsvWriter.Create(stream, options, true);
        csv.WriteHeader([.. columns.Select(c => c.Property.GetCustomAttribute<ExcelColumnNameAttribute>()!.ExcelColumnName)]);
        foreach (var row in rows)
        {
            foreach (var (property, euros, day) in columns)
            {
                csv.WriteField(CsvText(property.GetValue(row), euros, day));
            }

            csv.EndRecord();
        }
    }

    private static string CsvText(object? value, bool euros, bool day) => value switch
    {
        DateTime date => date.ToString(day ? "yyyy-MM-dd" : "yyyy-MM", CultureInfo.InvariantCulture),
        decimal number => number.ToString(euros ? EuroFormat : "0.##", CultureInfo.InvariantCulture),
        double fraction => fraction.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        string text => Inert(text),
        _ => string.Empty,
    };

    // A name starting with = + - @ (or a tab or CR) would be a formula in a spreadsheet that opens
    // the file; a leading apostrophe keeps it text. Only text is escaped: a negative amount stays a number.
    private static string Inert(string text) =>
        text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
}

/// <summary>One table of a report: its sheet name, its rows (enumerated once, when written) and how its CSV is written.</summary>
internal sealed record ReportTable(string Name, object Rows, Action<string> WriteCsv)
{
    public static ReportTable Of<T>(string name, IEnumerable<T> rows) => new(name, rows, path => ReportFiles.WriteCsv(path, rows));
}
