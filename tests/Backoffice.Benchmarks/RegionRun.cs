using System.Diagnostics;
using System.Globalization;
using System.Xml.Schema;
using Backoffice.Core.Register;
using Backoffice.Core.Retours;
using Backoffice.Core.Rules;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.Core.Validation;
using Backoffice.Data.Register;
using Backoffice.Service.Processing;
using Backoffice.TestSupport.Generators;
using Microsoft.Extensions.DependencyInjection;

namespace Backoffice.Benchmarks;

/// <summary>Memory at one point of a phase: after <see cref="Processed"/> messages, with the peaks sampled during the chunk before it.</summary>
/// <param name="LiveHeapBytes">GC.GetTotalMemory(forceFullCollection: true) right after the chunk: what stays alive.</param>
public sealed record MemorySample(int Processed, double ChunkSeconds, long WorkingSetBytes, long PeakWorkingSetBytes, long GcHeapBytes, long PeakGcHeapBytes, long LiveHeapBytes);

/// <summary>One phase of the region run (the 301 load, or the day), processed in chunks through the real host.</summary>
public sealed record RegionPhase(
    string Name,
    int Messages,
    long Bytes,
    double Seconds,
    IReadOnlyList<double> ValidatingReadSeconds,
    IReadOnlyDictionary<string, int> Outcomes,
    IReadOnlyDictionary<string, int> RejectingRules,
    int Answers,
    IReadOnlyList<MemorySample> Samples)
{
    public double ValidatingRead => ValidatingReadSeconds.Order().ElementAt(ValidatingReadSeconds.Count / 2);

    public double MessagesPerSecond => Messages / Seconds;

    public double Ratio => Seconds / ValidatingRead;

    public int Accepted => Outcomes.GetValueOrDefault(InputOutcomes.Accepted);
}

/// <summary>Where the day's time goes, measured on the same messages before the day is processed (see <see cref="RegionRun"/>).</summary>
/// <param name="CheckLevel12Seconds">Level 1 + 2 (MessageCheck without the register) from memory.</param>
/// <param name="ViewLoadSeconds">RegisterStore.LoadViewAsync for each message's key alone.</param>
/// <param name="CheckLevel14Seconds">Levels 1 to 4 with the register view loaded (MessageCheck as processing runs it), nothing committed.</param>
public sealed record RegionBreakdown(double CheckLevel12Seconds, double ViewLoadSeconds, double CheckLevel14Seconds);

public sealed record RegionResult(
    RegionTrafficOptions Options,
    int Allocations,
    IReadOnlyDictionary<MessageType, int> Mix,
    double ImportSeconds,
    RegionPhase Load,
    RegionPhase Day,
    RegionBreakdown Breakdown,
    int PreflightMessages);

/// <summary>
/// Issue 7's region benchmark: a region's reference data imported, its 301s loaded through the real
/// host (files in an inbox, <c>InboxBatch</c>, as <see cref="IntakeRig"/>), then a day of mixed
/// 305/307/315/317 through the same host on the pinned processing date; in the same run the bare
/// validating read (baseline b, <see cref="XmlPasses.ValidatingRead"/>) of exactly the same bytes
/// from memory. Each phase runs in chunks (the files of a chunk are written to the inbox untimed, the
/// batch over them is timed), so memory is sampled after every chunk and its peaks during it.
/// <para>
/// Before measuring, a small region (50 clients, a day of 40) goes through a separate host and must
/// be accepted whole; after each phase the outcomes are counted, and more than
/// <see cref="AllowedRejections"/> rejections fail the run with the rules that rejected them: a
/// benchmark of rejections is not the workload.
/// </para>
/// </summary>
public static class RegionRun
{
    public const int AllowedRejections = 5;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task<RegionResult> RunAsync(TextWriter log, RegionTrafficOptions options, int chunks, int readRuns, string work, string schemasDirectory)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(options);
        var date = RegionTrafficGenerator.ProcessingDate;
        var schemas = SchemaCatalogue.Load(schemasDirectory);

        var preflight = new RegionTrafficOptions { Clients = 50, DayMessages = 40, Providers = Math.Min(7, options.Providers), Municipalities = options.Municipalities };
        var preflightCount = await PreflightAsync(log, preflight, Path.Combine(work, "region-preflight"), schemasDirectory);

        using var rig = new IntakeRig(Path.Combine(work, "region"), schemasDirectory, date);
        var clock = Stopwatch.StartNew();
        await ImportAsync(rig, Path.Combine(rig.Root, "reference"), options);
        var importSeconds = clock.Elapsed.TotalSeconds;
        log.WriteLine(string.Create(Inv, $"  Imported {options.Municipalities} municipalities, {options.Providers} providers and {RegionTrafficGenerator.AllocationCount(options):N0} indications in {importSeconds:0.00} s"));

        var load = RegionTrafficGenerator.Load(options).ToList();
        var loadPhase = await PhaseAsync(log, rig, "load (WMO301)", load, chunks, readRuns, schemas.SchemaSet);
        load.Clear();
        load.TrimExcess();
        rig.ClearProcessed();

        var day = RegionTrafficGenerator.Day(options).ToList();
        var breakdown = await BreakdownAsync(rig, day, schemas, date);
        log.WriteLine(string.Create(Inv,
            $"  Day breakdown before processing: level 1+2 {breakdown.CheckLevel12Seconds:0.000} s, register views alone {breakdown.ViewLoadSeconds:0.000} s, level 1-4 with views {breakdown.CheckLevel14Seconds:0.000} s"));
        var dayPhase = await PhaseAsync(log, rig, "day (WMO305/307/315/317)", day, chunks, readRuns, schemas.SchemaSet);

        return new RegionResult(options, RegionTrafficGenerator.AllocationCount(options), RegionTrafficGenerator.DayMix(options), importSeconds, loadPhase, dayPhase, breakdown, preflightCount);
    }

    private static async Task ImportAsync(IntakeRig rig, string folder, RegionTrafficOptions options)
    {
        RegionTrafficGenerator.WriteReferenceData(folder, options);
        await rig.ImportReferenceAsync(folder);
    }

    /// <summary>A small region end to end on its own host: every message must be accepted, or nothing is measured.</summary>
    private static async Task<int> PreflightAsync(TextWriter log, RegionTrafficOptions options, string root, string schemasDirectory)
    {
        using var rig = new IntakeRig(root, schemasDirectory, RegionTrafficGenerator.ProcessingDate);
        await ImportAsync(rig, Path.Combine(rig.Root, "reference"), options);
        var count = 0;
        foreach (var phase in new[] { RegionTrafficGenerator.Load(options).ToList(), RegionTrafficGenerator.Day(options).ToList() })
        {
            foreach (var message in phase)
            {
                rig.Deliver(message.Name, message.Content);
            }

            var results = await rig.RunBatchAsync();
            Require(results, phase.Count, 0, "preflight");
            count += results.Count;
        }

        log.WriteLine(string.Create(Inv, $"  Preflight: a region of {options.Clients} clients and a day of {options.DayMessages}, {count} messages, all accepted at levels 1 to 4"));
        return count;
    }

    private static async Task<RegionPhase> PhaseAsync(TextWriter log, IntakeRig rig, string name, List<RegionMessage> messages, int chunks, int readRuns, XmlSchemaSet schemas)
    {
        var bytes = messages.Sum(m => (long)m.Content.Length);
        var reads = new List<double>();
        ValidatingRead(messages.Take(200), schemas); // warm-up
        for (var i = 0; i < readRuns; i++)
        {
            reads.Add(ValidatingRead(messages, schemas));
        }

        var answersBefore = Count(rig.Outbox);
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var rules = new Dictionary<string, int>(StringComparer.Ordinal);
        var samples = new List<MemorySample>();
        var size = (messages.Count + chunks - 1) / Math.Max(1, chunks);
        var seconds = 0.0;
        var done = 0;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        foreach (var chunk in messages.Chunk(Math.Max(1, size)))
        {
            foreach (var message in chunk)
            {
                rig.Deliver(message.Name, message.Content);
            }

            using var sampler = new MemorySampler();
            var clock = Stopwatch.StartNew();
            var results = await rig.RunBatchAsync();
            var chunkSeconds = clock.Elapsed.TotalSeconds;
            var (peakWs, peakGc) = sampler.Stop();
            seconds += chunkSeconds;
            var rejectedBefore = done - outcomes.GetValueOrDefault(InputOutcomes.Accepted);
            done += results.Count;
            Require(results, chunk.Length, AllowedRejections - rejectedBefore, name);
            foreach (var r in results)
            {
                outcomes[r.Outcome] = outcomes.GetValueOrDefault(r.Outcome) + 1;
                foreach (var rule in r.Findings.Select(f => f.Rule ?? "(none)").Distinct(StringComparer.Ordinal))
                {
                    rules[rule] = rules.GetValueOrDefault(rule) + 1;
                }
            }

            var sample = new MemorySample(done, chunkSeconds, Environment.WorkingSet, peakWs, GC.GetTotalMemory(false), peakGc, GC.GetTotalMemory(forceFullCollection: true));
            samples.Add(sample);
            rig.ClearProcessed();
            log.WriteLine(string.Create(Inv,
                $"  {name}: {done,6:N0} processed, chunk {chunkSeconds:0.00} s ({chunk.Length / chunkSeconds:N0} msg/s); WS {Report.Mb(sample.WorkingSetBytes)} MB (peak {Report.Mb(peakWs)}), GC heap {Report.Mb(sample.GcHeapBytes)} MB (peak {Report.Mb(peakGc)}), live after GC {Report.Mb(sample.LiveHeapBytes)} MB"));
        }

        for (var i = 0; i < readRuns; i++)
        {
            reads.Add(ValidatingRead(messages, schemas));
        }

        var phase = new RegionPhase(name, messages.Count, bytes, seconds, reads, outcomes, rules, Count(rig.Outbox) - answersBefore, samples);
        log.WriteLine(string.Create(Inv,
            $"  {name}: {phase.Messages:N0} messages in {phase.Seconds:0.00} s = {phase.MessagesPerSecond:N0} msg/s; validating read {phase.ValidatingRead:0.000} s = {phase.Messages / phase.ValidatingRead:N0} msg/s; ratio {phase.Ratio:0.0} x; accepted {phase.Accepted:N0}; {phase.Answers:N0} answers in the outbox"));
        return phase;
    }

    /// <summary>Throws unless <paramref name="expected"/> results came back and at most <paramref name="allowed"/> were not accepted; names the rules.</summary>
    private static void Require(IReadOnlyList<InputResult> results, int expected, int allowed, string what)
    {
        var notAccepted = results.Where(r => r.Outcome != InputOutcomes.Accepted).ToList();
        if (results.Count == expected && notAccepted.Count <= allowed)
        {
            return;
        }

        var rules = notAccepted.SelectMany(r => r.Findings.Select(f => $"{f.Level}/{f.Rule}")).GroupBy(r => r, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).Select(g => $"{g.Key} x{g.Count()}");
        var first = notAccepted.Take(3).Select(r => $"{r.Input}: {r.Outcome} {r.Reason}");
        throw new InvalidOperationException(
            $"{what}: {results.Count} results for {expected} messages, {notAccepted.Count} not accepted (at most {allowed} allowed); rules: {string.Join(", ", rules)}; first: {string.Join(" | ", first)}. A benchmark of rejections is not the workload.");
    }

    private static double ValidatingRead(IEnumerable<RegionMessage> messages, XmlSchemaSet schemas)
    {
        var clock = Stopwatch.StartNew();
        foreach (var message in messages)
        {
            using var input = new MemoryStream(message.Content, writable: false);
            XmlPasses.ValidatingRead(input, schemas);
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The day's messages through the parts of processing, read-only, on the register as the load
    /// left it (so the 307s, whose starts the day makes, are judged without them: the same work,
    /// another verdict). The rest of the full path's time is the intake store, the claim, the commit
    /// of verdict, register changes and answer, and the file moves and outbox writes.
    /// </summary>
    private static async Task<RegionBreakdown> BreakdownAsync(IntakeRig rig, List<RegionMessage> day, SchemaCatalogue schemas, DateOnly date)
    {
        var level12 = new MessageCheck(new MessageValidator(schemas), RuleSet.Level2);
        var full = rig.Services.GetRequiredService<MessageCheck>();
        var register = rig.Services.GetRequiredService<RegisterStore>();
        var keys = day.Select(m => RegisterKey.For(CheckPasses.Read(m.Content))).ToList();

        // Warm-up, then each part once over the whole day.
        await level12.CheckAsync(_ => Task.FromResult<Stream>(new MemoryStream(day[0].Content, writable: false)), MessageScope.Inbound, null, CancellationToken.None);
        await register.LoadViewAsync(keys[0], -1, date, CancellationToken.None);

        var clock = Stopwatch.StartNew();
        foreach (var message in day)
        {
            await level12.CheckAsync(_ => Task.FromResult<Stream>(new MemoryStream(message.Content, writable: false)), MessageScope.Inbound, null, CancellationToken.None);
        }

        var check12 = clock.Elapsed.TotalSeconds;
        clock.Restart();
        foreach (var key in keys)
        {
            await register.LoadViewAsync(key, -1, date, CancellationToken.None);
        }

        var views = clock.Elapsed.TotalSeconds;
        clock.Restart();
        for (var i = 0; i < day.Count; i++)
        {
            var content = day[i].Content;
            await full.CheckAsync(
                _ => Task.FromResult<Stream>(new MemoryStream(content, writable: false)),
                MessageScope.Inbound,
                MessageCheck.IdentityFor(1_000_000 + i, date),
                CancellationToken.None,
                (key, c) => register.LoadViewAsync(key, -1, date, c));
        }

        return new RegionBreakdown(check12, views, clock.Elapsed.TotalSeconds);
    }

    private static int Count(string folder) => Directory.Exists(folder) ? Directory.EnumerateFiles(folder).Count() : 0;

    /// <summary>Samples the working set and the GC heap every 5 ms on its own thread and keeps the peaks.</summary>
    internal sealed class MemorySampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private long _peakWorkingSet;
        private long _peakGcHeap;

        public MemorySampler()
        {
            _thread = new Thread(Loop) { IsBackground = true, Name = "region-memory-sampler" };
            _thread.Start();
        }

        public (long WorkingSet, long GcHeap) Stop()
        {
            _stop = true;
            _thread.Join();
            return (Interlocked.Read(ref _peakWorkingSet), Interlocked.Read(ref _peakGcHeap));
        }

        public void Dispose()
        {
            if (!_stop)
            {
                Stop();
            }
        }

        private void Loop()
        {
            while (!_stop)
            {
                Max(ref _peakWorkingSet, Environment.WorkingSet);
                Max(ref _peakGcHeap, GC.GetTotalMemory(false));
                Thread.Sleep(5);
            }
        }

        private static void Max(ref long peak, long value)
        {
            long seen;
            while (value > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, value, seen) != seen)
            {
            }
        }
    }
}
