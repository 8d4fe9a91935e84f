using System.Globalization;
using System.Reflection;
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
/// How every report is written (README, "Payment report"): a table is a class whose properties,
/// named by <see cref="ExcelColumnNameAttribute"/>, are its columns in order, the same for CSV and
/// XLSX. CSV: UTF-8 without BOM, comma, header row, <c>\n</c>, invariant culture; months
/// <c>yyyy-MM</c>, euros (decimal) with two decimals and '.', counts and cents as integers,
/// fractions (double) as plain decimals; text that a spreadsheet would run as a formula gets a
/// leading apostrophe. XLSX: one workbook, a sheet per table, typed cells with the formats below.
/// </summary>
internal static class ReportFiles
{
    public const string ExcelEuroFormat = "#,##0.00";
    public const string ExcelMonthFormat = "yyyy-mm";
    public const string ExcelPercentFormat = "0.00%";
    public const string ExcelMonthsFormat = "0.00";

    private const string EuroFormat = "0.00";

    /// <summary>
    /// A file beside <paramref name="path"/> for another table of the same report: <paramref name="name"/>
    /// before the extension (<c>payments.csv</c> and <c>providers</c> give <c>payments.providers.csv</c>;
    /// no extension gives <c>.csv</c>).
    /// </summary>
    public static string BesideCsv(string path, string name)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        var stem = path[..^extension.Length];
        return stem + "." + name + (extension.Length == 0 ? ".csv" : extension);
    }

    /// <summary>Cents as euros, exactly (a decimal keeps every cent).</summary>
    public static decimal Euros(long cents) => cents / 100m;

    /// <summary>Cents as the report's euro text: invariant, two decimals, '.' as the separator, no grouping.</summary>
    public static string EuroText(long cents) => Euros(cents).ToString(EuroFormat, CultureInfo.InvariantCulture);

    /// <summary>A month (its first day) as the date a month cell holds.</summary>
    public static DateTime Month(DateOnly month) => month.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

    /// <summary>A table as CSV: the columns and their order are the XLSX sheet's, with a header row.</summary>
    public static byte[] Csv<T>(IEnumerable<T> rows)
    {
        var columns = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance);
        var options = CsvWriterOptions.Default with
        {
            Separator = ',',
            NewLine = "\n",
            FormatProvider = CultureInfo.InvariantCulture,
        };
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, options, true))
        {
            csv.WriteHeader([.. columns.Select(c => c.GetCustomAttribute<ExcelColumnNameAttribute>()!.ExcelColumnName)]);
            foreach (var row in rows)
            {
                foreach (var column in columns)
                {
                    csv.WriteField(CsvText(column.GetValue(row)));
                }

                csv.EndRecord();
            }
        }

        return buffer.ToArray();
    }

    /// <summary>One workbook with a sheet per table, in the order given.</summary>
    public static byte[] Xlsx(IReadOnlyDictionary<string, object> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);

        // MiniExcel writes several sheets only from an IDictionary<string, object>.
        var ordered = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var (name, rows) in sheets)
        {
            ordered.Add(name, rows);
        }

        using var buffer = new MemoryStream();
        buffer.SaveAs(ordered, excelType: ExcelType.XLSX);
        return buffer.ToArray();
    }

    private static string CsvText(object? value) => value switch
    {
        DateTime month => month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        decimal euros => euros.ToString(EuroFormat, CultureInfo.InvariantCulture),
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
