using Backoffice.TestSupport;
using BenchmarkDotNet.Attributes;

namespace Backoffice.Benchmarks;

/// <summary>
/// d. Intake throughput: one inbox file through the real service path (store bytes, claim, validate
/// from the stored blob, record the outcome, move the file). A separate class because it needs an
/// [IterationSetup] to put distinct bytes in the inbox before each invocation, which makes
/// BenchmarkDotNet use one invocation per iteration; that is right for an operation of tens to
/// hundreds of milliseconds, but would spoil the pilot-sized iterations of the read benchmarks.
/// The database is per file size and grows by one message per iteration, as in production.
/// </summary>
[MemoryDiagnoser]
public class IntakeBenchmarks : IDisposable
{
    private IntakeRig? _rig;
    private IntakeRig.DistinctDeliveries? _deliveries;

    public static IEnumerable<int> Sizes => BenchmarkData.Sizes;

    [ParamsSource(nameof(Sizes))]
    public int Prestaties { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var file = BenchmarkData.File(Prestaties);
        _deliveries = new IntakeRig.DistinctDeliveries(File.ReadAllBytes(file.Path));
        _rig = new IntakeRig(
            Path.Combine(BenchmarkData.WorkDirectory, FormattableString.Invariant($"intake-{Prestaties}-{Environment.ProcessId}")),
            BenchmarkData.SchemasDirectory);
        // The generated 323s come from a provider of the demo region to one of its municipalities.
        _rig.ImportReferenceAsync(RepoPaths.DemoReference).GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void Deliver()
    {
        _rig!.ClearProcessed();
        _rig.Deliver("WMO323-bench.xml", _deliveries!.Next());
    }

    [Benchmark(Description = "d. Intake (store + process)")]
    public Task<long> Intake() => _rig!.RunOneAsync();

    [GlobalCleanup]
    public void Cleanup()
    {
        _rig?.Dispose();
        _rig = null;
    }

    public void Dispose()
    {
        Cleanup();
        GC.SuppressFinalize(this);
    }
}
