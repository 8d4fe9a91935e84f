using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml.Schema;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Register;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.Data;
using Backoffice.Data.Register;
using Backoffice.TestSupport;
using Backoffice.TestSupport.Generators;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Benchmarks;

/// <summary>One size of the declarations month: what was processed, how fast, against the validating read of the same bytes.</summary>
public sealed record DeclarationSize(
    int Prestaties,
    int Files,
    long Bytes,
    double Seconds,
    double ValidatingReadSeconds,
    int Approved,
    int Answers,
    long PeakWorkingSetBytes,
    long LiveHeapBytes)
{
    public double PrestatiesPerSecond => Prestaties / Seconds;

    public double Ratio => Seconds / ValidatingReadSeconds;

    public double MicrosecondsPerPrestatie => Seconds * 1e6 / Prestaties;
}

/// <summary>
/// A month of declarations (issue 8) through the real host: <see cref="Wmo323Generator"/> files of
/// <c>perFile</c> prestaties each from one demo provider to one demo municipality, against
/// allocations already in SQLite (one per prestatie, written straight into the register, untimed),
/// a catalogue and contract for the generator's products (imported through the real importer). The
/// inbox batch over all files is timed: XSD, level 2, every level-3/4 rule, persistence of every
/// verdict and ledger row, the 325s written. Every line must be approved, or nothing is reported.
/// The baseline is the XSD-validating read of the same bytes from memory in the same run.
/// </summary>
public static class DeclarationRun
{
    public const string Provider = "65656055";
    public const string Municipality = "0384";

    /// <summary>The month declared and the day it is processed (after the generator's Dagtekening, last day + 6).</summary>
    public static readonly DateOnly Month = new(2026, 3, 1);

    public static readonly DateOnly ProcessingDate = new(2026, 4, 8);

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<IReadOnlyList<DeclarationSize>> RunAsync(TextWriter log, IReadOnlyList<int> sizes, int perFile, int readRuns, string work, string schemasDirectory)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(sizes);
        var schemas = SchemaCatalogue.Load(schemasDirectory);
        var results = new List<DeclarationSize>();

        // Warm-up on its own host, not reported: the first size would otherwise carry the JIT of the whole path.
        await OneSizeAsync(TextWriter.Null, 4 * perFile, perFile, 25, Path.Combine(work, "declarations-warmup"), schemasDirectory, schemas.SchemaSet);
        foreach (var size in sizes)
        {
            results.Add(await OneSizeAsync(log, size, perFile, readRuns, Path.Combine(work, string.Create(Inv, $"declarations-{size}")), schemasDirectory, schemas.SchemaSet));
        }

        return results;
    }

    private static async Task<DeclarationSize> OneSizeAsync(TextWriter log, int size, int perFile, int readRuns, string root, string schemasDirectory, XmlSchemaSet schemas)
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true); // a run that was stopped leaves its database
        }

        using var rig = new IntakeRig(root, schemasDirectory, ProcessingDate);
        var reference = Path.Combine(rig.Root, "reference");
        WriteReference(reference);
        await rig.ImportReferenceAsync(reference);

        var files = Files(size, perFile).ToList();
        await AllocateAsync(rig, files);
        foreach (var (name, content) in files)
        {
            rig.Deliver(name, content);
        }

        var bytes = files.Sum(f => (long)f.Content.Length);
        var reads = new List<double>();
        for (var i = 0; i < readRuns; i++)
        {
            reads.Add(ValidatingRead(files, schemas));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var sampler = new RegionRun.MemorySampler();
        var clock = Stopwatch.StartNew();
        var outcome = await rig.RunBatchAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        var (peakWorkingSet, _) = sampler.Stop();
        // The benchmark holds every file's bytes for the baseline read; what the service keeps is the rest.
        var live = GC.GetTotalMemory(forceFullCollection: true) - files.Sum(f => (long)f.Content.Length);

        for (var i = 0; i < readRuns; i++)
        {
            reads.Add(ValidatingRead(files, schemas));
        }

        var approved = await ApprovedAsync(rig);
        var answers = Directory.EnumerateFiles(rig.Outbox, "WMO325-*.xml").Count();
        var notAccepted = outcome.Where(r => r.Outcome != Outcomes.Accepted).ToList();
        if (notAccepted.Count > 0 || approved != size || answers != files.Count)
        {
            var first = notAccepted.Concat(outcome).First();
            throw new InvalidOperationException(string.Create(Inv,
                $"declarations {size}: {approved} of {size} prestaties approved, {answers} 325s for {files.Count} files, {notAccepted.Count} not accepted; first: {first.Input} {first.Outcome} {first.Reason}. A benchmark of rejections is not the workload."));
        }

        log.WriteLine(string.Create(Inv, $"  validating reads of {bytes:N0} bytes: {string.Join(", ", reads.Select(r => r.ToString("0.000", Inv)))} s"));
        reads.Sort();
        var result = new DeclarationSize(size, files.Count, bytes, seconds, reads[reads.Count / 2], approved, answers, peakWorkingSet, live);
        log.WriteLine(string.Create(Inv,
            $"  {size:N0} prestaties in {files.Count} files: {seconds:0.00} s, {result.PrestatiesPerSecond:N0} prestaties/s, {result.Ratio:0.0} x the validating read ({result.ValidatingReadSeconds:0.000} s), peak WS {peakWorkingSet / 1e6:0.0} MB, live heap after GC {live / 1e6:0.0} MB"));
        return result;
    }

    /// <summary>The generator's files: distinct identification, declaration number, references and allocation numbers per file.</summary>
    private static IEnumerable<(string Name, byte[] Content)> Files(int size, int perFile)
    {
        var count = (size + perFile - 1) / perFile;
        for (var i = 0; i < count; i++)
        {
            var options = new Wmo323GeneratorOptions
            {
                Prestaties = Math.Min(perFile, size - (i * perFile)),
                Afzender = Provider,
                Ontvanger = Municipality,
                Identificatie = string.Create(Inv, $"DEC{i:D9}"),
                DeclaratieNummer = string.Create(Inv, $"D{i:D9}"),
                Maand = Month,
                ReferentiePrefix = string.Create(Inv, $"R{i:D5}"),
                EersteToewijzingNummer = 1_000_000 + ((long)i * perFile),
            };
            using var output = new MemoryStream();
            Wmo323Generator.Write(output, options);
            yield return (string.Create(Inv, $"wmo323-{i:D5}.xml"), output.ToArray());
        }
    }

    /// <summary>One allocation per prestatie, exactly what it declares (specific, per month, enough volume, the line's period: the generator's lines may start or end mid-month, TR387/TR388), straight into the register in one transaction.</summary>
    private static async Task AllocateAsync(IntakeRig rig, IEnumerable<(string Name, byte[] Content)> files)
    {
        var changes = new List<RegisterChange>();
        foreach (var (_, content) in files)
        {
            var message = (Wmo323)CheckPasses.Read(content);
            foreach (var client in message.Declaratie.Clienten)
            {
                foreach (var p in client.Prestaties)
                {
                    var version = new ToegewezenProduct(
                        p.ToewijzingNummer, null, new Product(p.ProductCategorie, p.ProductCode), new DateOnly(2026, 1, 15), new TimeOnly(9, 0),
                        p.ProductPeriode.Begindatum, p.ProductPeriode.Einddatum, null, new Omvang(p.GeleverdVolume * 2, p.Eenheid, "4"), null, null);
                    changes.Add(new AllocationRecorded(Municipality, Provider, client.Bsn, version, IndicationBacking.Unbacked, null));
                }
            }
        }

        var connections = rig.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = connection.CreateCommand())
        {
            // The allocations' 301 is a stand-in message row: the register keys versions to the message that carried them.
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO message (id, sha256, size_bytes, received_at, source, original_name, status)
                VALUES (-1, '0000000000000000000000000000000000000000000000000000000000000000', 1, '2026-01-15 09:00:00', 'benchmark', 'allocations', 'processed');
                """;
            await command.ExecuteNonQueryAsync();
        }

        await rig.Services.GetRequiredService<RegisterStore>().ApplyAsync(transaction, -1, new DateOnly(2026, 1, 15), changes, TimeProvider.System.GetUtcNow(), CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static async Task<int> ApprovedAsync(IntakeRig rig)
    {
        var connections = rig.Services.GetRequiredService<IDbConnectionFactory>();
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM prestatie_verdict WHERE approved = 1";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), Inv);
    }

    /// <summary>The demo municipalities and providers, and a catalogue and contract for the generator's seven products at its tariffs.</summary>
    private static void WriteReference(string folder)
    {
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(RepoPaths.DemoReference, "municipalities.csv"), Path.Combine(folder, "municipalities.csv"), overwrite: true);
        File.Copy(Path.Combine(RepoPaths.DemoReference, "providers.csv"), Path.Combine(folder, "providers.csv"), overwrite: true);
        var products = new StringBuilder("product_categorie,product_code,description,eenheid,frequentie,financing,arrangement_code,begindatum,einddatum\n");
        var contracts = new StringBuilder("provider,product_categorie,product_code,begindatum,einddatum,tariff_cents,eenheid,partial_month_in_full\n");
        foreach (var (categorie, code, eenheid, tarief) in Wmo323Generator.ProductLines)
        {
            products.Append(Inv, $"{categorie},{code},Benchmark product {code},{eenheid},4,inspanningsgericht,,2020-01-01,\n");
            contracts.Append(Inv, $"{Provider},{categorie},{code},2020-01-01,,{tarief},{eenheid},\n");
        }

        File.WriteAllText(Path.Combine(folder, "products.csv"), products.ToString());
        File.WriteAllText(Path.Combine(folder, "contracts.csv"), contracts.ToString());
    }

    private static double ValidatingRead(IEnumerable<(string Name, byte[] Content)> files, XmlSchemaSet schemas)
    {
        var clock = Stopwatch.StartNew();
        foreach (var (_, content) in files)
        {
            using var input = new MemoryStream(content, writable: false);
            XmlPasses.ValidatingRead(input, schemas);
        }

        return clock.Elapsed.TotalSeconds;
    }
}
