using System.Globalization;
using System.Text;
using Backoffice.TestSupport.Generators;
using BenchmarkDotNet.Reports;

namespace Backoffice.Benchmarks;

/// <summary>One BenchmarkDotNet result, reduced to what the table needs. Input is the 323 size as text, or the 301 input's key.</summary>
public sealed record Measured(string Input, string Method, string Description, double? MedianNanoseconds, double? StdDevNanoseconds, long? AllocatedBytesPerOperation)
{
    public static IEnumerable<Measured> From(Summary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        foreach (var report in summary.Reports)
        {
            var benchmark = report.BenchmarkCase;
            var input = benchmark.Parameters.Items.Any(p => p.Name == "Prestaties")
                ? Wmo323Key(Convert.ToInt32(benchmark.Parameters["Prestaties"], CultureInfo.InvariantCulture))
                : Convert.ToString(benchmark.Parameters["Input"], CultureInfo.InvariantCulture)!;
            yield return new Measured(
                input,
                benchmark.Descriptor.WorkloadMethod.Name,
                benchmark.Descriptor.WorkloadMethodDisplayInfo.Trim('\''),
                report.ResultStatistics?.Median,
                report.ResultStatistics?.StandardDeviation,
                report.GcStats.GetBytesAllocatedPerOperation(benchmark));
        }
    }

    public static string Wmo323Key(int prestaties) => prestaties.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The compact markdown: inputs, throughput with ratios, the targets, peak memory per pass and size, and the one-shot CLI.</summary>
public static class Report
{
    /// <summary>Issue 6: level 1 + level 2 at most this many times the XSD-only read.</summary>
    public const double CheckVsXsdTarget = 2.0;

    /// <summary>Issue 6: time per prestatie at 20k at most this many times that at 1k.</summary>
    public const double ScalingTarget = 1.3;

    /// <summary>Issue 6: peak memory for a 25 MB 323 under 300 MB.</summary>
    public const long PeakTargetBytes = 300_000_000;

    private static readonly string[] Order = ["BareRead", "XsdRead", "Validator", "Intake", "Check", "Read", "Rules"];
    private static readonly Dictionary<string, string> PeakModeOf = new(StringComparer.Ordinal)
    {
        ["bare"] = "a. XmlReader (bare)",
        ["xsd"] = "b. XmlReader + XSD",
        ["validator"] = "c. MessageValidator",
        ["intake"] = "d. Intake (store + process)",
        ["check"] = "e. Level 1 + level 2 (MessageCheck)",
    };

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Mb(long bytes) => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture);

    public static string Markdown(
        IEnumerable<BenchmarkFile> files,
        BenchmarkFile? largest,
        IEnumerable<Wmo301Input> wmo301,
        IReadOnlyList<Measured> measured,
        IReadOnlyList<PeakResult> peaks,
        IReadOnlyList<OneShotRow> oneShot)
    {
        var text = new StringBuilder();
        var bySize = files.OrderBy(f => f.Prestaties).ToList();
        var inputs301 = wmo301.OrderBy(i => i.Batch ? 0 : 1).ThenBy(i => i.Count).ToList();
        text.AppendLine("Inputs (generated, UTF-8 no BOM, CRLF, schema-valid and level-2-clean):").AppendLine();
        text.AppendLine("| WMO323 | Prestaties | Clients | Bytes | Lines |").AppendLine("|---|---:|---:|---:|---:|");
        foreach (var f in bySize)
        {
            text.AppendLine(Inv, $"| {Path.GetFileName(f.Path)} | {f.Prestaties:N0} | {f.Clienten:N0} | {f.Bytes:N0} | {f.Lines:N0} |");
        }

        if (largest is not null)
        {
            text.AppendLine(Inv, $"| {Path.GetFileName(largest.Path)} (peak memory only; 25 MiB = {BenchmarkData.LargestMessageBytes:N0}) | {largest.Prestaties:N0} | {largest.Clienten:N0} | {largest.Bytes:N0} | {largest.Lines:N0} |");
        }

        if (inputs301.Count > 0)
        {
            text.AppendLine().AppendLine("| WMO301 (one Client per message) | Messages | Products | Bytes | Lines |").AppendLine("|---|---:|---:|---:|---:|");
            foreach (var i in inputs301)
            {
                text.AppendLine(Inv, $"| {i.Label} | {i.Messages:N0} | {i.Producten:N0} | {i.Bytes:N0} | {i.Lines:N0} |");
            }
        }

        if (measured.Count > 0)
        {
            text.AppendLine().AppendLine("Throughput, WMO323 (median of BenchmarkDotNet iterations, from memory; MB = 10^6 bytes; ratio = time / baseline time, so 2.00 = half the speed):").AppendLine();
            text.AppendLine("| Prestaties | Pass | Median ms | MB/s | µs/prestatie | vs b (XSD read) | vs a (bare) | Allocated/op |");
            text.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|");
            foreach (var f in bySize)
            {
                var rows = Rows(measured, Measured.Wmo323Key(f.Prestaties));
                var b1 = rows.FirstOrDefault(m => m.Method == "BareRead")?.MedianNanoseconds;
                var b2 = rows.FirstOrDefault(m => m.Method == "XsdRead")?.MedianNanoseconds;
                foreach (var m in rows)
                {
                    if (m.MedianNanoseconds is not { } ns)
                    {
                        text.AppendLine(Inv, $"| {f.Prestaties:N0} | {m.Description} | failed | | | | | |");
                        continue;
                    }

                    text.AppendLine(Inv,
                        $"| {f.Prestaties:N0} | {m.Description} | {ns / 1e6:N1} | {f.Bytes * 1e3 / ns:N1} | {ns / 1e3 / f.Prestaties:N2} | {Ratio(ns, b2)} | {Ratio(ns, b1)} | {Allocated(m)} |");
                }
            }

            if (inputs301.Any(i => Rows(measured, i.Key).Count > 0))
            {
                text.AppendLine().AppendLine("Throughput, WMO301 (a batch operation is every message of it once, for each pass alike):").AppendLine();
                text.AppendLine("| Input | Pass | Median ms | MB/s | µs/message | µs/product | vs b (XSD read) | Allocated/op |");
                text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
                foreach (var i in inputs301)
                {
                    var rows = Rows(measured, i.Key);
                    var b2 = rows.FirstOrDefault(m => m.Method == "XsdRead")?.MedianNanoseconds;
                    foreach (var m in rows)
                    {
                        if (m.MedianNanoseconds is not { } ns)
                        {
                            text.AppendLine(Inv, $"| {i.Label} | {m.Description} | failed | | | | | |");
                            continue;
                        }

                        text.AppendLine(Inv,
                            $"| {i.Label} | {m.Description} | {ns / 1e6:N1} | {i.Bytes * 1e3 / ns:N1} | {ns / 1e3 / i.Messages:N1} | {ns / 1e3 / i.Producten:N2} | {Ratio(ns, b2)} | {Allocated(m)} |");
                    }
                }
            }
        }

        Targets(text, bySize, largest, inputs301, measured, peaks);

        if (peaks.Count > 0)
        {
            text.AppendLine().AppendLine("Memory, one fresh child process per pass and input, reading the file from disk (MB = 10^6 bytes). Peak WS = Process.PeakWorkingSet64; growth = peak after the file minus peak after a warm-up on a tiny message of the same type in the same process; anon and GC committed are the largest values sampled every 2 ms during the pass (Linux):").AppendLine();
            text.AppendLine("| Pass | Input | Bytes | Peak WS | Growth | Peak anon | Peak GC committed | Allocated | GCs 0/1/2 | Seconds |");
            text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var mode in PeakProbe.Modes)
            {
                foreach (var p in peaks.Where(r => r.Mode == mode).OrderBy(r => r.FileBytes))
                {
                    text.AppendLine(Inv,
                        $"| {PeakModeOf[mode]} | {p.File} | {p.FileBytes:N0} | {Mb(p.PeakWorkingSetBytes)} MB | {Mb(p.PeakGrowthBytes)} MB | {Optional(p.PeakAnonymousBytes)} | {Optional(p.PeakGcCommittedBytes)} | {Size(p.AllocatedBytes)} | {p.Gen0}/{p.Gen1}/{p.Gen2} | {p.Seconds:0.000} |");
                }
            }
        }

        if (oneShot.Count > 0)
        {
            var reference = oneShot.FirstOrDefault(r => r.What.StartsWith("in-process MessageCheck", StringComparison.Ordinal))?.Median;
            text.AppendLine().AppendLine("One-shot `backoffice validate` (wall time from process start to exit, each run a fresh process) against the same work in this process; median and fastest of the runs:").AppendLine();
            text.AppendLine("| Run | Files | MB | Median s | Min s | MB/s (median) | vs in-process MessageCheck |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
            foreach (var r in oneShot)
            {
                if (r.Seconds.Count == 0)
                {
                    text.AppendLine(Inv, $"| {r.What} | {r.Files} | {Mb(r.Bytes)} | {r.Note} | | | |");
                    continue;
                }

                text.AppendLine(Inv,
                    $"| {r.What} | {r.Files} | {Mb(r.Bytes)} | {r.Median:0.000} | {r.Min:0.000} | {r.Bytes / 1e6 / r.Median:N1} | {Ratio(r.Median, reference)} |");
            }
        }

        return text.ToString();
    }

    /// <summary>The targets, each with the figure it is judged on and met / MISSED.</summary>
    private static void Targets(StringBuilder text, List<BenchmarkFile> bySize, BenchmarkFile? largest, List<Wmo301Input> inputs301, IReadOnlyList<Measured> measured, IReadOnlyList<PeakResult> peaks)
    {
        var lines = new List<string>();
        double? Median(string input, string method) => measured.FirstOrDefault(m => m.Input == input && m.Method == method)?.MedianNanoseconds;

        foreach (var f in bySize)
        {
            if (Median(Measured.Wmo323Key(f.Prestaties), "Check") is { } e && Median(Measured.Wmo323Key(f.Prestaties), "XsdRead") is { } b)
            {
                lines.Add(string.Create(Inv, $"| Level 1 + 2 ≤ {CheckVsXsdTarget:0.0} × XSD read | WMO323 {f.Prestaties:N0} | {e / b:0.00} × | {Verdict(e / b <= CheckVsXsdTarget)} |"));
            }
        }

        foreach (var i in inputs301)
        {
            if (Median(i.Key, "Check") is { } e && Median(i.Key, "XsdRead") is { } b)
            {
                lines.Add(string.Create(Inv, $"| Level 1 + 2 ≤ {CheckVsXsdTarget:0.0} × XSD read | WMO301 {i.Label} | {e / b:0.00} × | {Verdict(e / b <= CheckVsXsdTarget)} |"));
            }
        }

        var smallest = bySize.FirstOrDefault();
        foreach (var f in bySize.Skip(1))
        {
            if (smallest is not null
                && Median(Measured.Wmo323Key(smallest.Prestaties), "Check") is { } small
                && Median(Measured.Wmo323Key(f.Prestaties), "Check") is { } large)
            {
                var ratio = large / f.Prestaties / (small / smallest.Prestaties);
                lines.Add(string.Create(Inv, $"| Level 1 + 2 time per prestatie at {f.Prestaties:N0} ≤ {ScalingTarget:0.0} × at {smallest.Prestaties:N0} | WMO323 | {ratio:0.00} × ({large / 1e3 / f.Prestaties:0.00} vs {small / 1e3 / smallest.Prestaties:0.00} µs) | {Verdict(ratio <= ScalingTarget)} |"));
            }
        }

        var one301 = inputs301.Where(i => !i.Batch).ToList();
        foreach (var i in one301.Skip(1))
        {
            if (Median(one301[0].Key, "Check") is { } small && Median(i.Key, "Check") is { } large)
            {
                var ratio = large / i.Producten / (small / one301[0].Producten);
                lines.Add(string.Create(Inv, $"| (same, for products of one 301 client) at {i.Producten:N0} vs {one301[0].Producten:N0} | WMO301 | {ratio:0.00} × | {Verdict(ratio <= ScalingTarget)} |"));
            }
        }

        if (largest is not null && peaks.FirstOrDefault(p => p.Mode == "check" && p.File == Path.GetFileName(largest.Path)) is { } peak)
        {
            lines.Add(string.Create(Inv, $"| Peak memory of level 1 + 2 on a 25 MB 323 < {Mb(PeakTargetBytes)} MB | {largest.Bytes:N0} bytes, {largest.Prestaties:N0} prestaties | {Mb(peak.PeakWorkingSetBytes)} MB peak WS | {Verdict(peak.PeakWorkingSetBytes < PeakTargetBytes)} |"));
        }

        if (lines.Count == 0)
        {
            return;
        }

        text.AppendLine().AppendLine("Targets (issue 6):").AppendLine();
        text.AppendLine("| Target | Input | Measured | |").AppendLine("|---|---|---:|---|");
        foreach (var line in lines)
        {
            text.AppendLine(line);
        }
    }

    /// <summary>Issue 7: the day's batch end to end within this many times the validating read of the same bytes.</summary>
    public const double RegionDayVsXsdTarget = 3.0;

    /// <summary>
    /// "Memory independent of the number of messages", judged on what stays alive: the live heap after
    /// a full GC at the last sample may exceed the first by at most this much per 1,000 messages.
    /// </summary>
    public const long RegionLiveGrowthPerThousandBytes = 1_000_000;

    /// <summary>The region section (issue 7): throughput of the load and of the day, the ratio to the validating read, memory along the day.</summary>
    public static string RegionMarkdown(RegionResult region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var text = new StringBuilder();
        var o = region.Options;
        var mix = string.Join(", ", region.Mix.OrderBy(m => m.Key.Name, StringComparer.Ordinal).Select(m => string.Create(Inv, $"{m.Value:N0} {m.Key.Name}")));
        text.AppendLine().AppendLine("Region traffic (issue 7), through the real host (files in the inbox, InboxBatch, SQLite), processing date pinned to " + RegionTrafficGenerator.ProcessingDate.ToString("yyyy-MM-dd", Inv) + ":").AppendLine();
        text.AppendLine(Inv, $"Region: {o.Municipalities} municipalities, {o.Providers} providers, {o.Clients:N0} clients with {region.Allocations:N0} allocations (1 to 3 each) and as many indications (import {region.ImportSeconds:0.00} s); the day: {mix}. Preflight: {region.PreflightMessages} messages of a small region, all accepted. Time = the inbox batches only (files written to the inbox before each chunk, untimed); validating read = b. XmlReader + XSD over the same bytes from memory, median of {region.Day.ValidatingReadSeconds.Count} passes in this run.");
        text.AppendLine().AppendLine("| Phase | Messages | Bytes | Accepted | Not accepted | Answers in outbox | Wall s | Messages/s | Validating read s | Read messages/s | vs validating read |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in new[] { region.Load, region.Day })
        {
            text.AppendLine(Inv,
                $"| {p.Name} | {p.Messages:N0} | {p.Bytes:N0} | {p.Accepted:N0} | {p.Messages - p.Accepted:N0}{Rules(p)} | {p.Answers:N0} | {p.Seconds:0.00} | {p.MessagesPerSecond:N0} | {p.ValidatingRead:0.000} | {p.Messages / p.ValidatingRead:N0} | {p.Ratio:0.0} × |");
        }

        text.AppendLine().AppendLine(Inv, $"Memory along each phase (MB = 10^6 bytes): after each chunk the working set and GC heap, their peaks sampled every 5 ms during the chunk, and the live heap after a full GC. During the load the benchmark itself holds the load's {Mb(region.Load.Bytes)} MB of bytes for the baseline read (dropped before the day):").AppendLine();
        text.AppendLine("| Phase | After messages | Chunk s | Chunk msg/s | WS | Peak WS in chunk | GC heap | Peak GC heap in chunk | Live after GC |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var p in new[] { region.Load, region.Day })
        {
            var previous = 0;
            foreach (var m in p.Samples)
            {
                text.AppendLine(Inv,
                    $"| {p.Name} | {m.Processed:N0} | {m.ChunkSeconds:0.00} | {(m.Processed - previous) / m.ChunkSeconds:N0} | {Mb(m.WorkingSetBytes)} | {Mb(m.PeakWorkingSetBytes)} | {Mb(m.GcHeapBytes)} | {Mb(m.PeakGcHeapBytes)} | {Mb(m.LiveHeapBytes)} |");
                previous = m.Processed;
            }
        }

        var b = region.Breakdown;
        var day = region.Day;
        var rest = day.Seconds - b.CheckLevel14Seconds;
        text.AppendLine().AppendLine(Inv, $"Where the day's time goes (each part timed alone over the same {day.Messages:N0} messages before the day ran, read-only; the rest is the full path minus levels 1 to 4):").AppendLine();
        text.AppendLine("| Part | Seconds | Share of the day | vs validating read |").AppendLine("|---|---:|---:|---:|");
        text.AppendLine(Inv, $"| b. XmlReader + XSD (baseline) | {day.ValidatingRead:0.000} | {Share(day.ValidatingRead, day.Seconds)} | 1.0 × |");
        text.AppendLine(Inv, $"| Level 1 + 2 (MessageCheck, no register) | {b.CheckLevel12Seconds:0.000} | {Share(b.CheckLevel12Seconds, day.Seconds)} | {b.CheckLevel12Seconds / day.ValidatingRead:0.0} × |");
        text.AppendLine(Inv, $"| Register views alone (RegisterStore.LoadViewAsync) | {b.ViewLoadSeconds:0.000} | {Share(b.ViewLoadSeconds, day.Seconds)} | {b.ViewLoadSeconds / day.ValidatingRead:0.0} × |");
        text.AppendLine(Inv, $"| Levels 1 to 4 with the views (no commit) | {b.CheckLevel14Seconds:0.000} | {Share(b.CheckLevel14Seconds, day.Seconds)} | {b.CheckLevel14Seconds / day.ValidatingRead:0.0} × |");
        text.AppendLine(Inv, $"| Rest: intake store, claim, commit of verdict + register + answer, file moves, outbox | {rest:0.000} | {Share(rest, day.Seconds)} | {rest / day.ValidatingRead:0.0} × |");
        text.AppendLine(Inv, $"| Whole day, end to end | {day.Seconds:0.000} | 100% | {day.Ratio:0.0} × |");

        var first = day.Samples.Count > 0 ? day.Samples[0] : null;
        var last = day.Samples.Count > 0 ? day.Samples[^1] : null;
        text.AppendLine().AppendLine("Targets (issue 7):").AppendLine();
        text.AppendLine("| Target | Input | Measured | |").AppendLine("|---|---|---:|---|");
        text.AppendLine(Inv, $"| Day batch ≤ {RegionDayVsXsdTarget:0} × validating read of the same bytes | {day.Messages:N0} messages of the day | {day.Ratio:0.0} × ({day.Seconds:0.00} s vs {day.ValidatingRead:0.000} s) | {Verdict(day.Ratio <= RegionDayVsXsdTarget)} |");
        if (first is not null && last is not null && last.Processed > first.Processed)
        {
            var growth = last.LiveHeapBytes - first.LiveHeapBytes;
            var perThousand = growth * 1000.0 / (last.Processed - first.Processed);
            text.AppendLine(Inv,
                $"| Memory independent of the number of messages (live heap after GC grows ≤ {Mb(RegionLiveGrowthPerThousandBytes)} MB per 1,000) | day, after {first.Processed:N0} vs {last.Processed:N0} | {Mb(growth)} MB ({perThousand / 1e6:0.00} MB per 1,000); peak WS {Mb(day.Samples.Max(s => s.PeakWorkingSetBytes))} MB | {Verdict(perThousand <= RegionLiveGrowthPerThousandBytes)} |");
        }

        return text.ToString();
    }

    private static string Rules(RegionPhase phase) => phase.RejectingRules.Count == 0
        ? string.Empty
        : " (" + string.Join(", ", phase.RejectingRules.OrderByDescending(r => r.Value).Select(r => string.Create(Inv, $"{r.Key} ×{r.Value}"))) + ")";

    private static string Share(double part, double whole) => whole > 0 ? (part / whole).ToString("0%", Inv) : "?";

    private static List<Measured> Rows(IReadOnlyList<Measured> measured, string input) =>
        [.. measured.Where(m => m.Input == input).OrderBy(m => Array.IndexOf(Order, m.Method))];

    /// <summary>The declarations month (issue 8): each size, the ratio to the validating read, and the targets.</summary>
    public static string DeclarationMarkdown(IReadOnlyList<DeclarationSize> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        var b = new StringBuilder();
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"A month of declarations (issue 8), through the real host (files in the inbox, InboxBatch, SQLite), from provider {DeclarationRun.Provider} to municipality {DeclarationRun.Municipality}, against one allocation per prestatie already in the register; every line approved. Time = the inbox batch (XSD, level 2, every level-3/4 rule, verdicts, ledger, 325s written); validating read = XmlReader + XSD over the same bytes from memory, median of the passes before and after in this run.");
        b.AppendLine();
        b.AppendLine("| Prestaties | Files | MB | Wall s | Prestaties/s | µs per prestatie | Validating read s | vs validating read | Peak WS MB | Live heap after GC MB (without the inputs the benchmark holds) |");
        b.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var s in sizes)
        {
            b.AppendLine(CultureInfo.InvariantCulture,
                $"| {s.Prestaties:N0} | {s.Files:N0} | {s.Bytes / 1e6:0.0} | {s.Seconds:0.00} | {s.PrestatiesPerSecond:N0} | {s.MicrosecondsPerPrestatie:0.0} | {s.ValidatingReadSeconds:0.000} | {s.Ratio:0.0} × | {s.PeakWorkingSetBytes / 1e6:0.0} | {s.LiveHeapBytes / 1e6:0.0} |");
        }

        if (sizes.Count >= 2)
        {
            var (small, large) = (sizes[0], sizes[^1]);
            var worst = sizes.Max(s => s.Ratio);
            var growth = large.MicrosecondsPerPrestatie / small.MicrosecondsPerPrestatie;
            var national = 1_200_000 / large.PrestatiesPerSecond;
            b.AppendLine();
            b.AppendLine("Targets (issue 8):");
            b.AppendLine();
            b.AppendLine("| Target | Measured | |");
            b.AppendLine("|---|---:|---|");
            b.AppendLine(CultureInfo.InvariantCulture, $"| Whole pipeline ≤ 3 × the validating read | worst {worst:0.0} × | {Verdict(worst <= 3)} |");
            b.AppendLine(CultureInfo.InvariantCulture, $"| Time per prestatie at {large.Prestaties:N0} ≤ 1.3 × that at {small.Prestaties:N0} | {growth:0.00} × | {Verdict(growth <= 1.3)} |");
            b.AppendLine(CultureInfo.InvariantCulture, $"| Memory independent of the number of files (live heap after GC) | {small.LiveHeapBytes / 1e6:0.0} MB at {small.Files} files, {large.LiveHeapBytes / 1e6:0.0} MB at {large.Files} | {Verdict(large.LiveHeapBytes <= small.LiveHeapBytes + (small.LiveHeapBytes / 2) + 5_000_000)} |");
            b.AppendLine();
            b.AppendLine(CultureInfo.InvariantCulture, $"A national month (about 1.2 million prestaties) at the rate of the {large.Prestaties:N0} run: about {national / 60:0} minutes on this machine.");
        }

        return b.ToString();
    }

    private static string Verdict(bool met) => met ? "met" : "**MISSED**";

    private static string Allocated(Measured m) => m.AllocatedBytesPerOperation is { } a ? Size(a) : "?";

    private static string Optional(long? bytes) => bytes is { } b ? Mb(b) + " MB" : "n/a";

    private static string Size(long bytes) => bytes < 1_000_000
        ? (bytes / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) + " kB"
        : Mb(bytes) + " MB";

    private static string Ratio(double value, double? baseline) =>
        baseline is { } b && b > 0 ? (value / b).ToString("0.00", CultureInfo.InvariantCulture) : "?";
}
