using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Backoffice.Benchmarks;

/// <summary>One BenchmarkDotNet result, reduced to what the table needs.</summary>
public sealed record Measured(int Prestaties, string Method, string Description, double? MedianNanoseconds, double? StdDevNanoseconds, long? AllocatedBytesPerOperation)
{
    public static IEnumerable<Measured> From(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        foreach (var report in summary.Reports)
        {
            var benchmark = report.BenchmarkCase;
            var size = Convert.ToInt32(benchmark.Parameters["Prestaties"], CultureInfo.InvariantCulture);
            yield return new Measured(
                size,
                benchmark.Descriptor.WorkloadMethod.Name,
                benchmark.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
                report.ResultStatistics?.Median,
                report.ResultStatistics?.StandardDeviation,
                report.GcStats.GetBytesAllocatedPerOperation(benchmark));
        }
    }
}

/// <summary>The compact markdown the brief asks for: throughput with ratios, then peak memory per pass and size.</summary>
public static class Report
{
    private static readonly string[] Order = ["BareRead", "XsdRead", "Validator", "Intake"];
    private static readonly Dictionary<string, string> PeakModeOf = new(StringComparer.Ordinal)
    {
        ["bare"] = "a. XmlReader (bare)",
        ["xsd"] = "b. XmlReader + XSD",
        ["validator"] = "c. MessageValidator",
        ["intake"] = "d. Intake (store + process)",
    };

    public static string Mb(long bytes) => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture);

    public static string Markdown(IEnumerable<BenchmarkFile> files, IReadOnlyList<Measured> measured, IReadOnlyList<PeakResult> peaks)
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        var byName = files.OrderBy(f => f.Prestaties).ToList();
        text.AppendLine("Inputs (generated WMO323, UTF-8 no BOM, CRLF, schema-valid):").AppendLine();
        text.AppendLine("| Prestaties | Clients | Bytes | Lines |").AppendLine("|---:|---:|---:|---:|");
        foreach (var f in byName)
        {
            text.AppendLine(inv, $"| {f.Prestaties:N0} | {f.Clienten:N0} | {f.Bytes:N0} | {f.Lines:N0} |");
        }

        if (measured.Count > 0)
        {
            text.AppendLine().AppendLine("Throughput (median of BenchmarkDotNet iterations; MB = 10^6 bytes; ratio = time / baseline time, so 2.00 = half the speed):").AppendLine();
            text.AppendLine("| Prestaties | Pass | Median ms | MB/s | lines/s | vs b (XSD read) | vs a (bare) | Allocated/op |");
            text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
            foreach (var f in byName)
            {
                var rows = measured.Where(m => m.Prestaties == f.Prestaties).OrderBy(m => Array.IndexOf(Order, m.Method)).ToList();
                var b1 = rows.FirstOrDefault(m => m.Method == "BareRead")?.MedianNanoseconds;
                var b2 = rows.FirstOrDefault(m => m.Method == "XsdRead")?.MedianNanoseconds;
                foreach (var m in rows)
                {
                    if (m.MedianNanoseconds is not { } ns)
                    {
                        text.AppendLine(inv, $"| {f.Prestaties:N0} | {m.Description} | failed | | | | | |");
                        continue;
                    }

                    var seconds = ns / 1e9;
                    text.AppendLine(inv,
                        $"| {f.Prestaties:N0} | {m.Description} | {ns / 1e6:N1} | {f.Bytes / 1e6 / seconds:N1} | {f.Lines / seconds:N0} | {Ratio(ns, b2)} | {Ratio(ns, b1)} | {(m.AllocatedBytesPerOperation is { } a ? Size(a) : "?")} |");
                }
            }
        }

        if (peaks.Count > 0)
        {
            text.AppendLine().AppendLine("Memory, one fresh child process per pass and size, reading the file from disk (MB = 10^6 bytes). Peak WS = Process.PeakWorkingSet64; growth = peak after the file minus peak after a 10-prestatie warm-up in the same process; anon and GC committed are the largest values sampled every 2 ms during the pass (Linux):").AppendLine();
            text.AppendLine("| Pass | Prestaties | Peak WS | Growth | Peak anon | Peak GC committed | Allocated | GCs 0/1/2 |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var mode in PeakProbe.Modes)
            {
                foreach (var f in byName)
                {
                    var p = peaks.FirstOrDefault(r => r.Mode == mode && r.File == Path.GetFileName(f.Path));
                    if (p is null)
                    {
                        continue;
                    }

                    text.AppendLine(inv,
                        $"| {PeakModeOf[mode]} | {f.Prestaties:N0} | {Mb(p.PeakWorkingSetBytes)} MB | {Mb(p.PeakGrowthBytes)} MB | {Optional(p.PeakAnonymousBytes)} | {Optional(p.PeakGcCommittedBytes)} | {Size(p.AllocatedBytes)} | {p.Gen0}/{p.Gen1}/{p.Gen2} |");
                }
            }
        }

        return text.ToString();
    }

    private static string Optional(long? bytes) => bytes is { } b ? Mb(b) + " MB" : "n/a";

    private static string Size(long bytes) => bytes < 1_000_000
        ? (bytes / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " kB"
        : Mb(bytes) + " MB";

    private static string Ratio(double value, double? baseline) =>
        baseline is { } b && b > 0 ? (value / b).ToString("0.00", CultureInfo.InvariantCulture) : "?";
}
