using CsvHelper;

namespace Backoffice.Service.Tests.Reports;

/// <summary>A report's CSV file read back as a spreadsheet user would: its header and rows of text.</summary>
internal static class ReportCsv
{
    public static (string[] Header, List<string[]> Rows) Read(string path)
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',', HasHeader = true });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        }

        return ([.. reader.Headers], rows);
    }

    /// <summary>Each row as column name to text.</summary>
    public static List<Dictionary<string, string>> Records(string path)
    {
        var (header, rows) = Read(path);
        return [.. rows.Select(r => header.Select((h, i) => (h, r[i])).ToDictionary(p => p.h, p => p.Item2, StringComparer.Ordinal))];
    }
}
