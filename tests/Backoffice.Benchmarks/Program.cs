using System.Globalization;
using Backoffice.Benchmarks;
using Backoffice.TestSupport;
using Backoffice.TestSupport.Generators;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

// Usage (Release only; BenchmarkDotNet refuses non-optimised code):
//   dotnet run -c Release --project tests/Backoffice.Benchmarks -- [--sizes 1000,10000,20000]
//       [--clients 1000,10000] [--products 1000,10000] [--work DIR] [--schemas DIR] [--quick]
//       [--no-bdn] [--no-peak] [--no-oneshot] [--oneshot-files 5] [--oneshot-prestaties 20000] [--runs 3]
//       [--no-region | --region-only] [--region-clients 20000] [--region-day 2000] [--region-providers 50]
//       [--region-municipalities 4] [--region-chunks 4]
//       [--no-declarations | --declarations-only] [--declaration-sizes 50000,200000] [--declaration-file-size 250]
//   child mode (started by the run itself): --peak bare|xsd|validator|intake|check FILE [--schemas DIR]
var options = Arguments.Parse(args);
if (options.PeakMode is { } peakMode)
{
    return await PeakProbe.RunChildAsync(peakMode, options.PeakFile!, options.Schemas);
}

var log = Console.Out;
if (options.DeclarationsOnly)
{
    log.WriteLine("A month of declarations only (issue 8):");
    var declarationTable = Report.DeclarationMarkdown(await RunDeclarationsAsync(options, log));
    log.WriteLine();
    log.WriteLine(declarationTable);
    var declarationFile = Path.Combine(Path.GetFullPath(options.Work), "results.md");
    File.WriteAllText(declarationFile, declarationTable);
    log.WriteLine($"(also written to {declarationFile})");
    return 0;
}

if (options.RegionOnly)
{
    log.WriteLine("Region traffic only (issue 7):");
    var regionOnly = await RunRegionAsync(options, log);
    var regionTable = Report.RegionMarkdown(regionOnly);
    log.WriteLine();
    log.WriteLine(regionTable);
    var regionFile = Path.Combine(Path.GetFullPath(options.Work), "results.md");
    File.WriteAllText(regionFile, regionTable);
    log.WriteLine($"(also written to {regionFile})");
    return 0;
}

BenchmarkData.Configure(options.Sizes, options.Clients, options.Products, options.Work, options.Schemas);
log.WriteLine($"Schemas: {BenchmarkData.SchemasDirectory}");
log.WriteLine("Generating WMO323 and WMO301 inputs (deterministic) and checking them against the schemas and the level-2 rules:");
BenchmarkData.Prepare(log);
if (options.RunPeak)
{
    BenchmarkData.PrepareLargest(log);
}

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
    Type[] classes = BenchmarkData.Sizes.Count > 0 ? [typeof(ReadBenchmarks), typeof(IntakeBenchmarks)] : [];
    if (BenchmarkData.Wmo301Inputs.Count > 0)
    {
        classes = [.. classes, typeof(Wmo301Benchmarks)];
    }

    var summaries = BenchmarkRunner.Run(classes, config);
    throughput.AddRange(summaries.SelectMany(Measured.From));
}

var peaks = new List<PeakResult>();
if (options.RunPeak)
{
    log.WriteLine();
    log.WriteLine("Peak working set, one fresh child process per pass and file:");
    var probes = BenchmarkData.Files.OrderBy(f => f.Prestaties).Select(f => f.Path).Append(BenchmarkData.Largest!.Path)
        .SelectMany(path => PeakProbe.Modes.Select(mode => (Mode: mode, Path: path)))
        .Concat(BenchmarkData.Wmo301Inputs.Where(i => i.Path is not null).OrderBy(i => i.Count)
            .SelectMany(i => PeakProbe.Wmo301Modes.Select(mode => (Mode: mode, Path: i.Path!))));
    foreach (var (mode, path) in probes)
    {
        var result = await PeakProbe.MeasureAsync(mode, path, BenchmarkData.SchemasDirectory);
        peaks.Add(result);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {mode,-9} {result.File,-22}: peak {Report.Mb(result.PeakWorkingSetBytes),7} MB, after warm-up {Report.Mb(result.PeakWorkingSetBeforeBytes),7} MB, growth {Report.Mb(result.PeakGrowthBytes),6} MB, allocated {Report.Mb(result.AllocatedBytes),8} MB, GCs {result.Gen0}/{result.Gen1}/{result.Gen2}, {result.Seconds:0.000} s"));
    }
}

IReadOnlyList<OneShotRow> oneShot = [];
if (options.RunOneShot)
{
    log.WriteLine();
    log.WriteLine("One-shot backoffice validate against the same work in-process:");
    oneShot = await OneShot.RunAsync(log, options.OneShotFiles, options.OneShotPrestaties, options.Runs);
}

var table = Report.Markdown(BenchmarkData.Files, BenchmarkData.Largest, BenchmarkData.Wmo301Inputs, throughput, peaks, oneShot);
if (options.RunRegion)
{
    log.WriteLine();
    log.WriteLine("Region traffic (issue 7):");
    table += Report.RegionMarkdown(await RunRegionAsync(options, log));
}

if (options.RunDeclarations)
{
    log.WriteLine();
    log.WriteLine("A month of declarations (issue 8):");
    table += Report.DeclarationMarkdown(await RunDeclarationsAsync(options, log));
}

log.WriteLine();
log.WriteLine(table);
var resultsFile = Path.Combine(BenchmarkData.WorkDirectory, "results.md");
File.WriteAllText(resultsFile, table);
log.WriteLine($"(also written to {resultsFile})");
return throughput.Any(m => m.MedianNanoseconds is null) ? 1 : 0;

static Task<IReadOnlyList<DeclarationSize>> RunDeclarationsAsync(Arguments options, TextWriter log) => DeclarationRun.RunAsync(
    log, options.DeclarationSizes, options.DeclarationFileSize, options.Runs, Path.GetFullPath(options.Work), Path.GetFullPath(options.Schemas));

static Task<RegionResult> RunRegionAsync(Arguments options, TextWriter log) => RegionRun.RunAsync(
    log,
    new RegionTrafficOptions
    {
        Clients = options.RegionClients,
        DayMessages = options.RegionDay,
        Providers = options.RegionProviders,
        Municipalities = options.RegionMunicipalities,
    },
    options.RegionChunks,
    options.Runs,
    Path.GetFullPath(options.Work),
    Path.GetFullPath(options.Schemas));

/// <summary>Command line of the benchmark executable.</summary>
internal sealed record Arguments(
    IReadOnlyList<int> Sizes,
    IReadOnlyList<int> Clients,
    IReadOnlyList<int> Products,
    string Work,
    string Schemas,
    bool Quick,
    bool RunBenchmarks,
    bool RunPeak,
    bool RunOneShot,
    int OneShotFiles,
    int OneShotPrestaties,
    int Runs,
    string? PeakMode,
    string? PeakFile)
{
    public bool RunRegion { get; init; } = true;

    public bool RegionOnly { get; init; }

    public int RegionClients { get; init; } = 20_000;

    public int RegionDay { get; init; } = 2_000;

    public int RegionProviders { get; init; } = 50;

    public int RegionMunicipalities { get; init; } = 4;

    public int RegionChunks { get; init; } = 4;

    public bool RunDeclarations { get; init; } = true;

    public bool DeclarationsOnly { get; init; }

    public IReadOnlyList<int> DeclarationSizes { get; init; } = [50_000, 200_000];

    public int DeclarationFileSize { get; init; } = 250;

    public static Arguments Parse(string[] args)
    {
        var result = new Arguments(
            [1_000, 10_000, 20_000],
            [1_000, 10_000],
            [1_000, 10_000],
            Path.Combine(Path.GetTempPath(), "backoffice-bench"),
            RepoPaths.IwmoSchemas,
            Quick: false,
            RunBenchmarks: true,
            RunPeak: true,
            RunOneShot: true,
            OneShotFiles: 5,
            OneShotPrestaties: 20_000,
            Runs: 3,
            PeakMode: null,
            PeakFile: null);
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            result = args[i] switch
            {
                "--sizes" => result with { Sizes = List(Value()) },
                "--clients" => result with { Clients = List(Value()) },
                "--products" => result with { Products = List(Value()) },
                "--work" => result with { Work = Value() },
                "--schemas" => result with { Schemas = Value() },
                "--quick" => result with { Quick = true },
                "--no-bdn" => result with { RunBenchmarks = false },
                "--no-peak" => result with { RunPeak = false },
                "--no-oneshot" => result with { RunOneShot = false },
                "--oneshot-files" => result with { OneShotFiles = Number(Value()) },
                "--oneshot-prestaties" => result with { OneShotPrestaties = Number(Value()) },
                "--runs" => result with { Runs = Number(Value()) },
                "--no-region" => result with { RunRegion = false },
                "--region-only" => result with { RegionOnly = true },
                "--region-clients" => result with { RegionClients = Number(Value()) },
                "--region-day" => result with { RegionDay = Number(Value()) },
                "--region-providers" => result with { RegionProviders = Number(Value()) },
                "--region-municipalities" => result with { RegionMunicipalities = Number(Value()) },
                "--region-chunks" => result with { RegionChunks = Number(Value()) },
                "--no-declarations" => result with { RunDeclarations = false },
                "--declarations-only" => result with { DeclarationsOnly = true },
                "--declaration-sizes" => result with { DeclarationSizes = List(Value()) },
                "--declaration-file-size" => result with { DeclarationFileSize = Number(Value()) },
                "--peak" => result with { PeakMode = Value(), PeakFile = Value() },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'. See the usage comment at the top of Program.cs."),
            };
        }

        return result;
    }

    /// <summary>A comma-separated list of counts; "none" (or an empty value) for none.</summary>
    private static int[] List(string value) =>
        value == "none" ? [] : [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Number)];

    private static int Number(string value) => int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}
