using System.Globalization;
using Backoffice.Benchmarks;
using Backoffice.TestSupport;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

// Usage (Release only; BenchmarkDotNet refuses non-optimised code):
//   dotnet run -c Release --project tests/Backoffice.Benchmarks -- [--sizes 1000,10000,20000]
//       [--work DIR] [--schemas DIR] [--quick] [--no-bdn] [--no-peak]
//   child mode (started by the run itself): --peak bare|xsd|validator|intake FILE [--schemas DIR]
var options = Arguments.Parse(args);
if (options.PeakMode is { } peakMode)
{
    return await PeakProbe.RunChildAsync(peakMode, options.PeakFile!, options.Schemas);
}

var log = Console.Out;
BenchmarkData.Configure(options.Sizes, options.Work, options.Schemas);
log.WriteLine($"Schemas: {BenchmarkData.SchemasDirectory}");
log.WriteLine("Generating WMO323 inputs (deterministic) and checking them against the schemas:");
BenchmarkData.Prepare(log);

var throughput = new List<Measured>();
if (options.RunBenchmarks)
{
    // In-process: no generated project to build per run (that build would also fall under the
    // repo's warnings-as-errors and analyzers), and the statics above are visible to the benchmarks.
    var job = Job.Default
        .WithToolchain(InProcessEmitToolchain.Instance)
        .WithLaunchCount(1)
        .WithWarmupCount(options.Quick ? 1 : 4)
        .WithIterationCount(options.Quick ? 2 : 15)
        .WithIterationTime(TimeInterval.FromMilliseconds(250))
        .WithEvaluateOverhead(false)
        .WithId(options.Quick ? "Quick" : "Short");
    var config = ManualConfig.Create(DefaultConfig.Instance)
        .AddJob(job)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .WithArtifactsPath(Path.Combine(BenchmarkData.WorkDirectory, "BenchmarkDotNet.Artifacts"));
    var summaries = BenchmarkRunner.Run([typeof(ReadBenchmarks), typeof(IntakeBenchmarks)], config);
    throughput.AddRange(summaries.SelectMany(Measured.From));
}

var peaks = new List<PeakResult>();
if (options.RunPeak)
{
    log.WriteLine();
    log.WriteLine("Peak working set, one fresh child process per pass and file:");
    foreach (var file in BenchmarkData.Files.OrderBy(f => f.Prestaties))
    {
        foreach (var mode in PeakProbe.Modes)
        {
            var result = await PeakProbe.MeasureAsync(mode, file.Path, BenchmarkData.SchemasDirectory);
            peaks.Add(result);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {mode,-9} {file.Prestaties,6:N0}: peak {Report.Mb(result.PeakWorkingSetBytes),7} MB, after warm-up {Report.Mb(result.PeakWorkingSetBeforeBytes),7} MB, growth {Report.Mb(result.PeakGrowthBytes),6} MB, allocated {Report.Mb(result.AllocatedBytes),8} MB, GCs {result.Gen0}/{result.Gen1}/{result.Gen2}"));
        }
    }
}

var table = Report.Markdown(BenchmarkData.Files, throughput, peaks);
log.WriteLine();
log.WriteLine(table);
var resultsFile = Path.Combine(BenchmarkData.WorkDirectory, "results.md");
File.WriteAllText(resultsFile, table);
log.WriteLine($"(also written to {resultsFile})");
return throughput.Any(m => m.MedianNanoseconds is null) ? 1 : 0;

/// <summary>Command line of the benchmark executable.</summary>
internal sealed record Arguments(
    IReadOnlyList<int> Sizes,
    string Work,
    string Schemas,
    bool Quick,
    bool RunBenchmarks,
    bool RunPeak,
    string? PeakMode,
    string? PeakFile)
{
    public static Arguments Parse(string[] args)
    {
        var result = new Arguments(
            [1_000, 10_000, 20_000],
            Path.Combine(Path.GetTempPath(), "backoffice-bench"),
            RepoPaths.IwmoSchemas,
            Quick: false,
            RunBenchmarks: true,
            RunPeak: true,
            PeakMode: null,
            PeakFile: null);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            result = args[i] switch
            {
                "--sizes" => result with
                {
                    Sizes = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture))],
                },
                "--work" => result with { Work = Value() },
                "--schemas" => result with { Schemas = Value() },
                "--quick" => result with { Quick = true },
                "--no-bdn" => result with { RunBenchmarks = false },
                "--no-peak" => result with { RunPeak = false },
                "--peak" => result with { PeakMode = Value(), PeakFile = Value() },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. See the usage comment at the top of Program.cs."),
            };
        }

        return result;
    }
}
