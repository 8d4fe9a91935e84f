using System.Globalization;
using Backoffice.Core.Messages;
using Backoffice.Core.Retours;
using Backoffice.Core.Rules;
using Backoffice.Core.Schemas;
using Backoffice.Core.Validation;
using Backoffice.TestSupport.Generators;

namespace Backoffice.Benchmarks;

/// <summary>One generated WMO323 benchmark input: where it is and what it holds.</summary>
public sealed record BenchmarkFile(int Prestaties, string Path, long Bytes, long Lines, int Clienten);

/// <summary>
/// One WMO301 benchmark input. A 301 holds exactly one Client (WMO301.xsd), so "N clients" is a
/// batch of N messages (<see cref="Batch"/>), each one client with 4 to 10 products; the stress case
/// is one message whose client has N ToegewezenProducten (the overlap rule TR302 compares them pairwise).
/// </summary>
/// <param name="Key">The BenchmarkDotNet parameter value, e.g. <c>clients-1000</c> or <c>products-10000</c>.</param>
/// <param name="Contents">The message bytes, in memory (a batch is many small files).</param>
/// <param name="Path">On disk for the one-message inputs (the peak probes read it); null for a batch.</param>
public sealed record Wmo301Input(string Key, bool Batch, int Count, int Messages, int Producten, long Bytes, long Lines, IReadOnlyList<byte[]> Contents, string? Path)
{
    public string Label => Batch
        ? string.Create(CultureInfo.InvariantCulture, $"{Count:N0} clients ({Messages:N0} messages)")
        : string.Create(CultureInfo.InvariantCulture, $"1 client, {Count:N0} products");
}

/// <summary>
/// Run-wide state shared with the benchmark classes. The benchmarks run in-process (see Program), so
/// these statics set by Program are what BenchmarkDotNet's GlobalSetup methods see.
/// </summary>
public static class BenchmarkData
{
    /// <summary>The largest message the service takes (OP179, 25 MiB): the peak-memory target's "25 MB 323" is made just under it.</summary>
    public const long LargestMessageBytes = MessageValidator.DefaultMaxMessageBytes;

    private static readonly Dictionary<int, BenchmarkFile> FilesBySize = [];
    private static readonly Dictionary<string, Wmo301Input> Wmo301ByKey = new(StringComparer.Ordinal);
    private static SchemaCatalogue? _catalogue;

    public static IReadOnlyList<int> Sizes { get; private set; } = [1_000, 10_000, 20_000];

    public static IReadOnlyList<int> Clients { get; private set; } = [1_000, 10_000];

    public static IReadOnlyList<int> Products { get; private set; } = [1_000, 10_000];

    public static string WorkDirectory { get; private set; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "backoffice-bench");

    public static string SchemasDirectory { get; private set; } = string.Empty;

    public static SchemaCatalogue Catalogue => _catalogue ??= SchemaCatalogue.Load(SchemasDirectory);

    public static IReadOnlyCollection<BenchmarkFile> Files => FilesBySize.Values;

    /// <summary>The 323 just under 25 MiB, for the peak-memory probes only; null until <see cref="PrepareLargest"/>.</summary>
    public static BenchmarkFile? Largest { get; private set; }

    public static IReadOnlyCollection<Wmo301Input> Wmo301Inputs => Wmo301ByKey.Values;

    /// <summary>The BenchmarkDotNet parameter values of the 301 inputs: batches first, then the one-client ones.</summary>
    public static IEnumerable<string> Wmo301Keys => Clients.Select(BatchKey).Concat(Products.Select(OneClientKey));

    public static BenchmarkFile File(int prestaties) => FilesBySize[prestaties];

    public static Wmo301Input Wmo301(string key) => Wmo301ByKey[key];

    /// <summary>The level 1 + level 2 check exactly as the service and <c>backoffice validate</c> build it.</summary>
    public static MessageCheck NewCheck() => new(new MessageValidator(Catalogue), RuleSet.Level2);

    public static void Configure(IReadOnlyList<int> sizes, IReadOnlyList<int> clients, IReadOnlyList<int> products, string workDirectory, string schemasDirectory)
    {
        Sizes = sizes;
        Clients = clients;
        Products = products;
        WorkDirectory = System.IO.Path.GetFullPath(workDirectory);
        SchemasDirectory = System.IO.Path.GetFullPath(schemasDirectory);
        _catalogue = null;
    }

    public static string BatchKey(int clients) => string.Create(CultureInfo.InvariantCulture, $"clients-{clients}");

    public static string OneClientKey(int products) => string.Create(CultureInfo.InvariantCulture, $"products-{products}");

    /// <summary>Options for the benchmark files: the fixed-width placeholder Identificatie lets the intake patch in distinct ids.</summary>
    public static Wmo323GeneratorOptions Options(int prestaties) => new()
    {
        Prestaties = prestaties,
        Identificatie = IntakeRig.DistinctDeliveries.Placeholder,
        DeclaratieNummer = "BENCH" + prestaties.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>
    /// Generates every input (deterministic, so the same bytes every run) and proves each one
    /// schema-valid and level-2-clean before anything is measured: a benchmark of a message with
    /// findings would measure the wrong thing.
    /// </summary>
    public static void Prepare(TextWriter log)
    {
        Directory.CreateDirectory(WorkDirectory);
        FilesBySize.Clear();
        Wmo301ByKey.Clear();
        foreach (var size in Sizes)
        {
            var file = Write323(size, FormattableString.Invariant($"WMO323-{size}.xml"));
            FilesBySize[size] = file;
            log.WriteLine(Describe(file));
        }

        foreach (var clients in Clients)
        {
            var contents = Wmo301Generator.Batch(clients).Select(Wmo301Generator.ToBytes).ToList();
            foreach (var content in contents)
            {
                RequireClean(content, "a generated WMO301 of the batch");
            }

            var input = new Wmo301Input(
                BatchKey(clients),
                Batch: true,
                clients,
                contents.Count,
                Wmo301Generator.Batch(clients).Sum(o => o.Producten),
                contents.Sum(c => (long)c.Length),
                contents.Sum(c => (long)c.AsSpan().Count((byte)'\n') + 1),
                contents,
                Path: null);
            Wmo301ByKey[input.Key] = input;
            log.WriteLine(FormattableString.Invariant(
                $"  WMO301 batch: {input.Messages:N0} messages of one client, {input.Producten:N0} products in all, {input.Bytes:N0} bytes ({input.Bytes / input.Messages:N0} bytes/message); schema-valid, level-2-clean"));
        }

        foreach (var products in Products)
        {
            var path = System.IO.Path.Combine(WorkDirectory, FormattableString.Invariant($"WMO301-{products}.xml"));
            var summary = Wmo301Generator.WriteFile(path, new Wmo301GeneratorOptions { Producten = products });
            var content = System.IO.File.ReadAllBytes(path);
            RequireClean(content, path);
            var input = new Wmo301Input(OneClientKey(products), Batch: false, products, 1, products, summary.Bytes, summary.Lines, [content], path);
            Wmo301ByKey[input.Key] = input;
            log.WriteLine(FormattableString.Invariant(
                $"  {path}: 1 client, {products:N0} products, {summary.Bytes:N0} bytes, {summary.Lines:N0} lines; schema-valid, level-2-clean"));
        }
    }

    /// <summary>The 323 with the most prestaties that stays within 25 MiB (OP179), for the peak-memory target.</summary>
    public static BenchmarkFile PrepareLargest(TextWriter log)
    {
        const string name = "WMO323-largest.xml";
        var prestaties = 28_000;
        var file = Write323(prestaties, name, check: false);
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var perLine = (double)file.Bytes / file.Prestaties;
            var room = LargestMessageBytes - file.Bytes;
            if (room >= 0 && room < 2 * perLine)
            {
                break;
            }

            prestaties = (int)(file.Prestaties + Math.Floor(room / perLine) - (room < 0 ? 1 : 0));
            file = Write323(prestaties, name, check: false);
        }

        if (file.Bytes > LargestMessageBytes)
        {
            throw new InvalidOperationException($"Could not size a 323 under {LargestMessageBytes:N0} bytes.");
        }

        RequireClean(System.IO.File.ReadAllBytes(file.Path), file.Path);
        Largest = file;
        log.WriteLine(Describe(file) + FormattableString.Invariant($", level-2-clean; {LargestMessageBytes - file.Bytes:N0} bytes under the 25 MiB limit"));
        return file;
    }

    private static BenchmarkFile Write323(int prestaties, string name, bool check = true)
    {
        var path = System.IO.Path.Combine(WorkDirectory, name);
        var summary = Wmo323Generator.WriteFile(path, Options(prestaties));
        if (check)
        {
            RequireClean(System.IO.File.ReadAllBytes(path), path);
        }

        return new BenchmarkFile(prestaties, path, summary.Bytes, summary.Lines, summary.Clienten);
    }

    private static string Describe(BenchmarkFile file) => FormattableString.Invariant(
        $"  {file.Path}: {file.Prestaties:N0} prestaties, {file.Clienten:N0} clients, {file.Bytes:N0} bytes ({(double)file.Bytes / file.Prestaties:N0} bytes/prestatie), {file.Lines:N0} lines; schema-valid, level-2-clean");

    private static void RequireClean(byte[] content, string what)
    {
        using (var stream = new MemoryStream(content, writable: false))
        {
            var findings = Catalogue.Validate(stream);
            if (findings.Count > 0)
            {
                throw new InvalidOperationException($"{what} is not schema-valid: {findings[0].Message}");
            }
        }

        var read = IwmoReader.Read(content);
        if (read.Message is not { } message)
        {
            throw new InvalidOperationException($"{what} cannot be read: {read.Failure}");
        }

        var level2 = RuleSet.Level2.Check(message);
        if (level2.Count > 0)
        {
            throw new InvalidOperationException($"{what} has {level2.Count} level-2 findings; first: {level2[0].Rule} at {level2[0].Path}: {level2[0].Message}");
        }
    }
}
