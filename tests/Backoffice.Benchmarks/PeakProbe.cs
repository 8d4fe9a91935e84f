using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Backoffice.TestSupport;
using Backoffice.Core.Retours;
using Backoffice.Core.Rules;
using Backoffice.Core.Schemas;
using Backoffice.Core.Validation;
using Backoffice.TestSupport.Generators;

namespace Backoffice.Benchmarks;

/// <summary>What one child process measured for one pass over one file.</summary>
public sealed record PeakResult(
    string Mode,
    string File,
    long FileBytes,
    long PeakWorkingSetBeforeBytes,
    long PeakWorkingSetBytes,
    long AllocatedBytes,
    int Gen0,
    int Gen1,
    int Gen2,
    double Seconds,
    long? PeakAnonymousBytes = null,
    long? PeakFileBackedBytes = null,
    long? PeakGcCommittedBytes = null,
    string? MemoryAfter = null)
{
    /// <summary>How much the file itself raised the peak, over the same process after a warm-up on a tiny message.</summary>
    public long PeakGrowthBytes => PeakWorkingSetBytes - PeakWorkingSetBeforeBytes;
}

/// <summary>
/// Peak working set, measured so that it means something: every (mode, file) runs in a fresh child
/// process of this executable (<c>--peak MODE FILE</c>), which sets up what the mode needs, warms up
/// on a 10-prestatie message (JIT, schema set, host, database), records Process.PeakWorkingSet64,
/// then makes one streaming pass over the file from disk and records the peak again. A peak that does
/// not depend on the file size (1k vs 20k) shows the pass streams.
/// </summary>
public static class PeakProbe
{
    public static readonly string[] Modes = ["bare", "xsd", "validator", "intake", "check"];

    /// <summary>The passes probed on the WMO301 inputs: the baseline and level 1 + level 2.</summary>
    public static readonly string[] Wmo301Modes = ["xsd", "check"];

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    /// <summary>Child side: measure and print one JSON line on stdout.</summary>
    public static async Task<int> RunChildAsync(string mode, string file, string schemasDirectory)
    {
        var scratch = Directory.CreateTempSubdirectory("backoffice-peak-").FullName;
        try
        {
            // The warm-up message is a tiny one of the same type as the file.
            var warmFile = Path.Combine(scratch, "warm.xml");
            if (IsWmo301(file))
            {
                Wmo301Generator.WriteFile(warmFile, new Wmo301GeneratorOptions { Producten = 10, Identificatie = "WARMUP000001" });
            }
            else
            {
                Wmo323Generator.WriteFile(warmFile, new Wmo323GeneratorOptions { Prestaties = 10, Identificatie = "WARMUP000001" });
            }

            Func<string, Task> pass;
            IntakeRig? rig = null;
            switch (mode)
            {
                case "bare":
                    pass = path => Stream(path, s => XmlPasses.BareRead(s));
                    break;
                case "xsd":
                    var schemas = SchemaCatalogue.Load(schemasDirectory).SchemaSet;
                    pass = path => Stream(path, s => XmlPasses.ValidatingRead(s, schemas));
                    break;
                case "validator":
                    var validator = new MessageValidator(SchemaCatalogue.Load(schemasDirectory));
                    pass = path => Stream(path, s => validator.Validate(s).Verdict == Verdict.Valid ? 1 : throw new InvalidOperationException("not valid"));
                    break;
                case "check":
                    var check = new MessageCheck(new MessageValidator(SchemaCatalogue.Load(schemasDirectory)), RuleSet.Level2);
                    pass = path => CheckPasses.CheckFileAsync(check, path);
                    break;
                case "intake":
                    rig = new IntakeRig(Path.Combine(scratch, "rig"), schemasDirectory);
                    await rig.ImportReferenceAsync(RepoPaths.DemoReference);
                    // The file is copied into the inbox before the measurement starts (File.Copy goes
                    // through the kernel, not this process's memory); the pass is one inbox batch.
                    pass = async _ => await rig.RunOneAsync();
                    break;
                default:
                    await Console.Error.WriteLineAsync($"Unknown mode '{mode}'; expected one of {string.Join(", ", Modes)}.");
                    return 2;
            }

            using (rig)
            {
                if (rig is not null)
                {
                    File.Copy(warmFile, Path.Combine(rig.Inbox, "warm.xml"));
                }

                await pass(warmFile);
                if (rig is not null)
                {
                    rig.ClearProcessed();
                    File.Copy(file, Path.Combine(rig.Inbox, Path.GetFileName(file)));
                }

                GC.Collect();
                GC.WaitForPendingFinalizers();
                var before = Peak();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var (g0, g1, g2) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                using var sampler = new ResidentSampler();
                var clock = Stopwatch.StartNew();
                await pass(file);
                clock.Stop();
                sampler.Stop();
                var result = new PeakResult(
                    mode,
                    Path.GetFileName(file),
                    new FileInfo(file).Length,
                    before,
                    Peak(),
                    GC.GetTotalAllocatedBytes(precise: true) - allocated,
                    GC.CollectionCount(0) - g0,
                    GC.CollectionCount(1) - g1,
                    GC.CollectionCount(2) - g2,
                    clock.Elapsed.TotalSeconds,
                    sampler.MaxAnonymous,
                    sampler.MaxFileBacked,
                    sampler.MaxGcCommitted,
                    LinuxMemory());
                Console.Out.WriteLine(JsonSerializer.Serialize(result, Json));
            }

            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(scratch, recursive: true);
            }
            catch (IOException)
            {
                // Temp leftovers are harmless.
            }
        }
    }

    /// <summary>Parent side: one fresh child process per (mode, file).</summary>
    public static async Task<PeakResult> MeasureAsync(string mode, string file, string schemasDirectory)
    {
        var start = new ProcessStartInfo
        {
            FileName = Environment.ProcessPath ?? throw new InvalidOperationException("No process path to start a child from."),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (string.Equals(Path.GetFileNameWithoutExtension(start.FileName), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            // Started as `dotnet Backoffice.Benchmarks.dll`: the child needs the dll too.
            start.ArgumentList.Add(typeof(PeakProbe).Assembly.Location);
        }

        foreach (var arg in new[] { "--peak", mode, file, "--schemas", schemasDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("Child process did not start.");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        var output = await stdout;
        var errors = await stderr;
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        if (child.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Peak child for {mode} {file} exited {child.ExitCode}: {errors}"));
        }

        return JsonSerializer.Deserialize<PeakResult>(line, Json) ?? throw new InvalidOperationException("Peak child printed no result.");
    }

    /// <summary>
    /// On Linux, where the resident memory is at the end of the pass: anonymous (heaps, native
    /// allocations), file-backed (mapped files: runtime images, SQLite's -shm) and shared. Peak
    /// working set is VmHWM, which the kernel keeps only as a total.
    /// </summary>
    private static string? LinuxMemory()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var wanted = new[] { "VmHWM", "VmRSS", "RssAnon", "RssFile", "RssShmem" };
        var parts = File.ReadLines(status)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && wanted.Contains(p[0]))
            .Select(p => p[0] + " " + p[1].Trim());
        return string.Join(", ", parts) + string.Create(CultureInfo.InvariantCulture, $", GC heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1000} kB, GC committed {GC.GetGCMemoryInfo().TotalCommittedBytes / 1000} kB");
    }

    /// <summary>
    /// The kernel keeps the peak only as a total (VmHWM). To say what the peak is made of, this
    /// samples /proc/self/status (Linux) every 2 ms during the pass: the largest anonymous resident
    /// memory (managed heap + native allocations such as SQLite's page cache), file-backed resident
    /// memory, and GC committed bytes. Sampling can miss a spike shorter than 2 ms; the totals above
    /// cannot.
    /// </summary>
    private sealed class ResidentSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;

        public ResidentSampler()
        {
            _thread = new Thread(Run) { IsBackground = true, Name = "rss-sampler" };
            if (File.Exists("/proc/self/status"))
            {
                _thread.Start();
            }
        }

        public long? MaxAnonymous { get; private set; }

        public long? MaxFileBacked { get; private set; }

        public long? MaxGcCommitted { get; private set; }

        public void Stop()
        {
            _stop = true;
            if (_thread.IsAlive)
            {
                _thread.Join();
            }
        }

        public void Dispose() => Stop();

        private void Run()
        {
            while (!_stop)
            {
                foreach (var line in File.ReadLines("/proc/self/status"))
                {
                    if (line.StartsWith("RssAnon:", StringComparison.Ordinal))
                    {
                        MaxAnonymous = Math.Max(MaxAnonymous ?? 0, Kilobytes(line));
                    }
                    else if (line.StartsWith("RssFile:", StringComparison.Ordinal))
                    {
                        MaxFileBacked = Math.Max(MaxFileBacked ?? 0, Kilobytes(line));
                    }
                }

                MaxGcCommitted = Math.Max(MaxGcCommitted ?? 0, GC.GetGCMemoryInfo().TotalCommittedBytes);
                Thread.Sleep(2);
            }
        }

        private static long Kilobytes(string line) =>
            long.Parse(line.AsSpan(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture) * 1024;
    }

    private static bool IsWmo301(string path)
    {
        var head = new byte[1024];
        int read;
        using (var input = File.OpenRead(path))
        {
            read = input.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        return head.AsSpan(0, read).IndexOf("/wmo301/schema"u8) >= 0;
    }

    private static long Peak()
    {
        using var self = Process.GetCurrentProcess();
        return self.PeakWorkingSet64;
    }

    private static Task Stream(string path, Func<Stream, long> read)
    {
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, FileOptions.SequentialScan);
        read(input);
        return Task.CompletedTask;
    }
}
