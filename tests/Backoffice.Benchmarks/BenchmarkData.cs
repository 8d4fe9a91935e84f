using Backoffice.Core.Schemas;
using Backoffice.TestSupport.Generators;

namespace Backoffice.Benchmarks;

/// <summary>One generated benchmark input: where it is and what it holds.</summary>
public sealed record BenchmarkFile(int Prestaties, string Path, long Bytes, long Lines, int Clienten);

/// <summary>
/// Run-wide state shared with the benchmark classes. The benchmarks run in-process (see Program), so
/// these statics set by Program are what BenchmarkDotNet's GlobalSetup methods see.
/// </summary>
public static class BenchmarkData
{
    private static readonly Dictionary<int, BenchmarkFile> FilesBySize = [];
    private static SchemaCatalogue? _catalogue;

    public static IReadOnlyList<int> Sizes { get; private set; } = [1_000, 10_000, 20_000];

    public static string WorkDirectory { get; private set; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "backoffice-bench");

    public static string SchemasDirectory { get; private set; } = string.Empty;

    public static SchemaCatalogue Catalogue => _catalogue ??= SchemaCatalogue.Load(SchemasDirectory);

    public static IReadOnlyCollection<BenchmarkFile> Files => FilesBySize.Values;

    public static BenchmarkFile File(int prestaties) => FilesBySize[prestaties];

    public static void Configure(IReadOnlyList<int> sizes, string workDirectory, string schemasDirectory)
    {
        Sizes = sizes;
        WorkDirectory = System.IO.Path.GetFullPath(workDirectory);
        SchemasDirectory = System.IO.Path.GetFullPath(schemasDirectory);
        _catalogue = null;
    }

    /// <summary>Options for the benchmark files: the fixed-width placeholder Identificatie lets the intake patch in distinct ids.</summary>
    public static Wmo323GeneratorOptions Options(int prestaties) => new()
    {
        Prestaties = prestaties,
        Identificatie = IntakeRig.DistinctDeliveries.Placeholder,
        DeclaratieNummer = "BENCH" + prestaties.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Generates every size (deterministic, so the same bytes every run) and proves each valid before anything is measured.</summary>
    public static void Prepare(TextWriter log)
    {
        Directory.CreateDirectory(WorkDirectory);
        FilesBySize.Clear();
        foreach (var size in Sizes)
        {
            var path = System.IO.Path.Combine(WorkDirectory, FormattableString.Invariant($"WMO323-{size}.xml"));
            var summary = Wmo323Generator.WriteFile(path, Options(size));
            using (var stream = System.IO.File.OpenRead(path))
            {
                var findings = Catalogue.Validate(stream);
                if (findings.Count > 0)
                {
                    throw new InvalidOperationException($"Generated {path} is not schema-valid: {findings[0].Message}");
                }
            }

            FilesBySize[size] = new BenchmarkFile(size, path, summary.Bytes, summary.Lines, summary.Clienten);
            log.WriteLine(FormattableString.Invariant(
                $"  {path}: {summary.Prestaties:N0} prestaties, {summary.Clienten:N0} clients, {summary.Bytes:N0} bytes ({(double)summary.Bytes / summary.Prestaties:N0} bytes/prestatie), {summary.Lines:N0} lines; schema-valid"));
        }
    }
}
