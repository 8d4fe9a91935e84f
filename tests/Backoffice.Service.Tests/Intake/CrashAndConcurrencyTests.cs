using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Backoffice.Core.Retours;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.Core.Validation;
using Backoffice.Data;
using Backoffice.Data.Migrations;
using Backoffice.Data.Processing;
using Backoffice.Data.Staff;
using Backoffice.Service.Intake;
using Backoffice.TestSupport;
using Backoffice.TestSupport.Generators;
using Dapper;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Intake;

/// <summary>
/// The built CLI as separate processes on one data folder: killed at random moments (SIGKILL),
/// and several runs at once. Whatever happens, every input is stored once, gets one verdict, and
/// lies set aside exactly once in the folder its stored verdict names, with nothing left claimed;
/// each provider message refused at level 2 has exactly one answer, in the store and in the outbox,
/// and nothing else has one.
/// </summary>
public sealed class CrashAndConcurrencyTests
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(120);

    /// <summary>The retourcode of every level-2 answer: "Bericht is afgekeurd ivm fout in de xml-structuur/inhoud" (WJ001).</summary>
    private const string Level2AnswerCode = "0001";

    private static readonly string[] FinalOutcomes = [.. Outcomes.All, "duplicate"];

    /// <summary>Our own schemas, to check each answer that left against the schema of its type.</summary>
    private static readonly Lazy<MessageValidator> OwnSchemas = new(() => new MessageValidator(SchemaCatalogue.Load(RepoPaths.IwmoSchemas)));

    /// <summary>
    /// Kill a batch at random points (startup, migration, intake of a large file, validation, the
    /// set-aside) over and over, then let it finish: the end state is as if nothing had happened.
    /// With the inbox on another file system, setting aside is a copy to a hidden temporary, a
    /// rename and a delete instead of one rename, and the kills land in those steps too.
    /// </summary>
    [TestCase(false)]
    [TestCase(true)]
    public async Task Batch_killed_at_random_moments_ends_with_every_input_stored_judged_and_set_aside_once(bool inboxOnAnotherDevice)
    {
        RepoPaths.RequireReference();
        var seed = Seed();
        var random = new Random(seed);
        using var folder = new DataFolder(inboxParent: inboxOnAnotherDevice ? AnotherFileSystem() : null);
        var clock = Stopwatch.StartNew();
        var inputs = BuildInbox(folder.Inbox, random, new InboxMix(ValidCopiesPerType: 24, InvalidPerType: 10, Junk: 20, Truncated: 6, Duplicates: 11, Large: [2_000, 4_000, 6_000, 8_000], Level2CopiesPerVariant: 3));
        TestContext.Out.WriteLine($"seed {seed}: {inputs.Count} inputs ({inputs.Select(i => i.Sha256).Distinct(StringComparer.Ordinal).Count()} distinct), {inputs.Sum(i => i.Size) / 1024 / 1024.0:0.0} MB, built in {clock.Elapsed.TotalSeconds:0.0} s");

        // Kill times scale with how long a run takes here to start and migrate a new database, so
        // that the kills land in start-up and in the work on a slow machine and a fast one alike.
        var startup = await StartupTimeAsync();
        // Bounded in count: a run that ends by itself before its kill is a round too, and a few
        // of those are all there may be (a claim that is not taken over would otherwise be waited
        // out, run after run, until its lease ran out).
        const int MaxKills = 16;
        const int MaxRoundsBetweenKills = 4;
        var kills = 0;
        var rounds = new List<int>();
        var progress = new List<string>();
        var leftUnwritten = 0;
        var leftPartial = 0;
        clock.Restart();
        while (kills < MaxKills && rounds.Count < MaxRoundsBetweenKills && Directory.EnumerateFileSystemEntries(folder.Inbox).Any())
        {
            var before = Directory.EnumerateFileSystemEntries(folder.Inbox).Count();
            using var child = Child.Start(ProcessArguments(folder), CommonEnvironment());
            // The first kills land in start-up and the first migration, the others mostly in the work.
            var delay = startup * (kills < 2 ? 0.15 + (random.NextDouble() * 0.45) : 0.6 + (random.NextDouble() * 1.1));
            if (await child.TryWaitAsync(delay))
            {
                var (exit, _, err) = await child.ResultAsync();
                rounds.Add(exit);
                Assert.That(exit, Is.EqualTo(0).Or.EqualTo(1), $"a round that ended by itself exits 0 or 1: {err}");
                continue;
            }

            child.Kill();
            kills++;
            progress.Add($"{delay.TotalMilliseconds:0}ms:{before - Directory.EnumerateFileSystemEntries(folder.Inbox).Count()}");

            // What the kill left for the next run's recovery: answers committed but not written, a half-written answer.
            var (unwritten, partial) = AnswersLeftByKill(folder);
            leftUnwritten += unwritten > 0 ? 1 : 0;
            leftPartial += partial > 0 ? 1 : 0;
        }

        var killing = clock.Elapsed;
        clock.Restart();
        var finals = new List<int>();
        var lastOutput = string.Empty;
        for (var round = 0; round < 4; round++)
        {
            using var child = Child.Start(ProcessArguments(folder), CommonEnvironment());
            var (exit, output, err) = await child.ResultAsync(ChildTimeout);
            finals.Add(exit);
            lastOutput = output + err;
            Assert.That(exit, Is.EqualTo(0).Or.EqualTo(1), $"round {round + 1} after the kills: {err}");
            if (exit == 0)
            {
                break;
            }
        }

        var tally = await CheckAsync(folder, inputs);
        TestContext.Out.WriteLine($"start-up {startup.TotalMilliseconds:0} ms; {kills} kills in {killing.TotalSeconds:0.0} s (delay:files set aside) {string.Join(" ", progress)}; {rounds.Count} rounds ended by themselves before their kill (exit {string.Join(",", rounds)})");
        TestContext.Out.WriteLine($"{leftUnwritten} kills left committed answers unwritten, {leftPartial} left a partial answer file in the outbox");
        TestContext.Out.WriteLine($"then {finals.Count} rounds to finish in {clock.Elapsed.TotalSeconds:0.0} s (exit {string.Join(",", finals)})");
        TestContext.Out.WriteLine(tally.ToString());

        Assert.That(finals[^1], Is.EqualTo(0), $"the last round finishes everything: {lastOutput}");
        Assert.That(Directory.EnumerateFileSystemEntries(folder.Inbox), Is.Empty);
        Assert.That(kills, Is.GreaterThanOrEqualTo(6), "the batch was really interrupted, many times");
        Assert.That(tally.Problems, Is.Empty, string.Join(Environment.NewLine, tally.Problems.Take(40)));
    }

    /// <summary>
    /// A <c>process</c> run that waits for the batch lock, one that does not, and the service, all
    /// started at once on one new data folder; then more files arrive (renamed into the inbox, as a
    /// careful download does) in waves, each with another impatient <c>process</c>. Each input is
    /// handled by exactly one of them, and everything any of them reports is what the store and the
    /// folders say; a run that could not get the batch lock says so, exits 1 and reports nothing.
    /// </summary>
    [Test]
    public async Task Process_runs_and_the_service_at_once_handle_each_input_exactly_once_and_report_only_the_truth()
    {
        RepoPaths.RequireReference();
        var seed = Seed();
        var random = new Random(seed);
        using var folder = new DataFolder();
        var staging = Directory.CreateDirectory(Path.Combine(folder.Data, "..", "staging")).FullName;
        var inputs = BuildInbox(staging, random, new InboxMix(ValidCopiesPerType: 10, InvalidPerType: 5, Junk: 10, Truncated: 3, Duplicates: 8, Large: [3_000, 5_000], Level2CopiesPerVariant: 2));
        const int Waves = 3;
        var waves = inputs.GroupBy(_ => random.Next(0, Waves + 2) switch { 0 or 1 => 0, var n => n - 1 }).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        Deliver(staging, folder.Inbox, waves[0]);
        var clock = Stopwatch.StartNew();

        var impatient = CommonEnvironment(("Processing__BatchWaitSeconds", "0"));
        var runs = new List<(string Label, Child Child)>
        {
            ("waiting", Child.Start(ProcessArguments(folder, json: true), CommonEnvironment())),
            ("impatient-0", Child.Start(ProcessArguments(folder, json: true), impatient)),
        };
        using var service = Child.Start(
            ["run", "--data", folder.Data, "--schemas", RepoPaths.IwmoSchemas],
            CommonEnvironment(("Inbox__ScanIntervalSeconds", "1"), ("Log__Json", "true"), ("Log__MinimumLevel", "Information")));
        var outputs = new List<(string Label, int Exit, string Out, string Err)>();
        try
        {
            foreach (var wave in waves.Skip(1))
            {
                await Task.Delay(random.Next(700, 1_500));
                Deliver(staging, folder.Inbox, wave);
                runs.Add(($"impatient-{runs.Count - 1}", Child.Start(ProcessArguments(folder, json: true), impatient)));
            }

            foreach (var (label, child) in runs)
            {
                var (exit, output, err) = await child.ResultAsync(ChildTimeout);
                outputs.Add((label, exit, output, err));
            }
        }
        finally
        {
            foreach (var (_, child) in runs)
            {
                child.Dispose();
            }
        }

        for (var i = 0; i < 1_200 && Directory.EnumerateFileSystemEntries(folder.Inbox).Any() && !service.HasExited; i++)
        {
            await Task.Delay(100);
        }

        Assert.That(service.HasExited, Is.False, "the service runs until it is stopped");
        // Let a scan that is still finishing its pass (the store's leftovers) end before the stop.
        await Task.Delay(1_500);
        var stopped = await service.TerminateAsync(TimeSpan.FromSeconds(30));
        var (serviceExit, serviceOut, serviceErr) = await service.ResultAsync();
        var elapsed = clock.Elapsed;

        Assert.That(stopped, Is.True, "the service stops on SIGTERM within 30 s");
        Assert.That(serviceExit, Is.EqualTo(0), $"the service exits 0 when stopped: {serviceErr}");
        var problems = new List<string>();
        var byName = inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        var handled = new Dictionary<string, string>(StringComparer.Ordinal);
        var summary = new List<string>();
        var locked = 0;
        foreach (var (label, exit, output, err) in outputs)
        {
            Assert.That(exit, Is.EqualTo(0).Or.EqualTo(1), $"{label} process: {err}");
            var results = JsonDocument.Parse(output).RootElement.EnumerateArray().Select(Reported.From).ToList();
            summary.Add($"{label} exit {exit} reported {results.Count}");
            if (exit == 1 && results.Count == 0)
            {
                // The batch lock was not obtained: nothing done, nothing claimed, and it says so.
                Assert.That(err, Does.Contain("another run is processing this database"), label);
                locked++;
                continue;
            }

            if (exit != 0)
            {
                // One batch at a time: a run that got the batch lock finds nothing held by another.
                problems.Add($"{label} ran its batch but exits {exit}: {string.Join(", ", results.Where(r => !FinalOutcomes.Contains(r.Outcome)).Select(r => $"{r.Input} {r.Outcome}"))}");
            }

            foreach (var result in results)
            {
                if (!byName.TryGetValue(result.Input, out var input))
                {
                    problems.Add($"{label}: reported an input that was never in the inbox: {result}");
                    continue;
                }

                if (FinalOutcomes.Contains(result.Outcome) && !handled.TryAdd(input.Name, label))
                {
                    problems.Add($"{label}: {input.Name} was already reported handled by {handled[input.Name]}");
                }

                problems.AddRange(await CheckReportedAsync(folder, input, inputs, result, label));
            }
        }

        // The service's results go to its log only: its scans' summaries count what it handled.
        var scans = ServiceScans(serviceOut);
        var serviceHandled = scans.Sum(s => s.Inputs - s.Left);
        var tally = await CheckAsync(folder, inputs);
        TestContext.Out.WriteLine($"seed {seed}: {inputs.Count} inputs in waves of {string.Join("+", waves.Select(w => w.Count))}, done in {elapsed.TotalSeconds:0.0} s");
        TestContext.Out.WriteLine($"{string.Join("; ", summary)}; {locked} found the batch lock taken; service handled {serviceHandled} in {scans.Count} scans (exit {serviceExit})");
        TestContext.Out.WriteLine(tally.ToString());

        Assert.That(Directory.EnumerateFileSystemEntries(folder.Inbox), Is.Empty);
        Assert.That(problems, Is.Empty, string.Join(Environment.NewLine, problems.Take(40)));
        Assert.That(handled.Count + serviceHandled, Is.EqualTo(inputs.Count), "each input was handled by exactly one of the runs");
        Assert.That(tally.Problems, Is.Empty, string.Join(Environment.NewLine, tally.Problems.Take(40)));
    }

    /// <summary>
    /// The moment between a verdict's commit and its answer's file is a few milliseconds, and the
    /// random kills hardly ever land in it; so what a kill there leaves is made here, exactly, for
    /// three answers: not written at all, written but not marked written, and half written under
    /// its hidden temporary name. The next run writes each of them once, with the committed bytes,
    /// marks them written and leaves no temporary; the other answers are left as they were.
    /// </summary>
    [Test]
    public async Task Answers_a_killed_run_committed_but_did_not_write_are_written_once_by_the_next_run()
    {
        RepoPaths.RequireReference();
        var random = new Random(Seed());
        using var folder = new DataFolder();
        var inputs = BuildInbox(folder.Inbox, random, new InboxMix(ValidCopiesPerType: 0, InvalidPerType: 0, Junk: 0, Truncated: 0, Duplicates: 2, Large: [20], Level2CopiesPerVariant: 1));
        using (var first = Child.Start(ProcessArguments(folder), CommonEnvironment()))
        {
            var (exit, _, err) = await first.ResultAsync(ChildTimeout);
            Assert.That(exit, Is.EqualTo(0), err);
        }

        var before = await CheckAsync(folder, inputs);
        Assert.That(before.Problems, Is.Empty, string.Join(Environment.NewLine, before.Problems.Take(40)));
        List<(long MessageId, string FileName, byte[] Content)> rows;
        await using (var connection = folder.OpenDatabase())
        {
            rows = [.. await connection.QueryAsync<(long, string, byte[])>("SELECT message_id, file_name, content FROM message_answer ORDER BY message_id")];
            Assert.That(rows, Has.Count.GreaterThanOrEqualTo(4), "answers to leave unwritten, and one to leave alone");
            await connection.ExecuteAsync("UPDATE message_answer SET written_at = NULL WHERE message_id IN @ids", new { ids = rows.Take(3).Select(r => r.MessageId).ToList() });
        }

        var untouched = rows.Skip(3).ToDictionary(r => r.FileName, r => File.GetLastWriteTimeUtc(Path.Combine(folder.Outbox, r.FileName)), StringComparer.Ordinal);
        File.Delete(Path.Combine(folder.Outbox, rows[0].FileName));
        File.Delete(Path.Combine(folder.Outbox, rows[2].FileName));
        await File.WriteAllBytesAsync(Path.Combine(folder.Outbox, $".{rows[2].FileName}.partial"), rows[2].Content[..(rows[2].Content.Length / 2)]);

        using (var next = Child.Start(ProcessArguments(folder), CommonEnvironment()))
        {
            var (exit, _, err) = await next.ResultAsync(ChildTimeout);
            Assert.That(exit, Is.EqualTo(0), err);
        }

        var after = await CheckAsync(folder, inputs);
        TestContext.Out.WriteLine(after.ToString());
        Assert.That(after.Problems, Is.Empty, string.Join(Environment.NewLine, after.Problems.Take(40)));
        Assert.That(after.Answers.Files, Is.EqualTo(rows.Count));
        foreach (var (name, written) in untouched)
        {
            Assert.That(File.GetLastWriteTimeUtc(Path.Combine(folder.Outbox, name)), Is.EqualTo(written), $"{name} was written and marked before: not written again");
        }
    }

    /// <summary>A download that is complete when it appears: one rename per file, same device.</summary>
    private static void Deliver(string staging, string inbox, IEnumerable<Input> files)
    {
        foreach (var file in files)
        {
            File.Move(Path.Combine(staging, file.Name), Path.Combine(inbox, file.Name));
        }
    }

    /// <summary>Two first starts at the same moment on a new data folder: one migrates, the other finds it done.</summary>
    [Test]
    public async Task Two_process_runs_started_together_on_a_new_data_folder_migrate_it_once()
    {
        var scripts = DatabaseMigrator.ScriptNames(DatabaseProvider.Sqlite);
        for (var round = 0; round < 5; round++)
        {
            using var folder = new DataFolder(createData: round % 2 == 0);
            using var one = Child.Start(ProcessArguments(folder, json: true), CommonEnvironment());
            using var two = Child.Start(ProcessArguments(folder, json: true), CommonEnvironment());
            var first = await one.ResultAsync(ChildTimeout);
            var second = await two.ResultAsync(ChildTimeout);

            Assert.That(first.Exit, Is.EqualTo(0).Or.EqualTo(1), $"round {round + 1}, first: {first.Err}");
            Assert.That(second.Exit, Is.EqualTo(0).Or.EqualTo(1), $"round {round + 1}, second: {second.Err}");
            await using var connection = folder.OpenDatabase();
            var applied = (await connection.QueryAsync<string>($"SELECT ScriptName FROM {DatabaseMigrator.JournalTable}")).ToList();
            Assert.That(applied, Is.EquivalentTo(scripts), $"round {round + 1}: each migration once");
        }
    }

    /// <summary>
    /// After a kill: whether answers were committed but not written yet (the next run's flush writes
    /// them), and whether a half-written answer is in the outbox under its hidden temporary name.
    /// </summary>
    private static (long Unwritten, int Partial) AnswersLeftByKill(DataFolder folder)
    {
        var partial = Directory.Exists(folder.Outbox) ? Directory.EnumerateFiles(folder.Outbox, ".*.partial").Count() : 0;
        try
        {
            using var connection = folder.OpenDatabase();
            return (connection.ExecuteScalar<long>("SELECT COUNT(*) FROM message_answer WHERE written_at IS NULL"), partial);
        }
        catch (SqliteException)
        {
            return (0, partial); // Killed before the database or its answers table was made.
        }
    }

    /// <summary>How long one <c>process</c> on a new, empty data folder takes, start to exit (the faster of two).</summary>
    private static async Task<TimeSpan> StartupTimeAsync()
    {
        var fastest = TimeSpan.MaxValue;
        for (var i = 0; i < 2; i++)
        {
            using var empty = new DataFolder();
            var clock = Stopwatch.StartNew();
            using var child = Child.Start(ProcessArguments(empty), CommonEnvironment());
            var (exit, _, err) = await child.ResultAsync(ChildTimeout);
            Assert.That(exit, Is.EqualTo(0), err);
            fastest = clock.Elapsed < fastest ? clock.Elapsed : fastest;
        }

        return fastest;
    }

    private static int Seed() =>
        int.TryParse(Environment.GetEnvironmentVariable("CRASH_TEST_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : 20_260_515;

    private static List<string> ProcessArguments(DataFolder folder, bool json = false)
    {
        List<string> arguments = ["process", "--data", folder.Data, "--schemas", RepoPaths.IwmoSchemas];
        if (folder.SeparateInbox)
        {
            arguments.AddRange(["--inbox", folder.Inbox]);
        }

        if (json)
        {
            arguments.AddRange(["--format", "json"]);
        }

        return arguments;
    }

    /// <summary>A folder on another file system than the temporary folder (tmpfs), or the test is ignored.</summary>
    private static string AnotherFileSystem()
    {
        const string Shm = "/dev/shm";
        var temp = Path.GetTempPath();
        if (!Directory.Exists(Shm) || FileIdentity.DeviceOf(Shm) == FileIdentity.DeviceOf(temp))
        {
            Assert.Ignore($"No second file system ({Shm}) beside {temp}: the cross-device set-aside is not exercised here.");
        }

        return Shm;
    }

    private static Dictionary<string, string> CommonEnvironment(params (string Key, string Value)[] more)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BACKOFFICE_Inbox__SettleSeconds"] = "0",
            ["BACKOFFICE_Log__MinimumLevel"] = "Warning",
        };
        foreach (var (key, value) in more)
        {
            environment["BACKOFFICE_" + key] = value;
        }

        return environment;
    }

    /// <summary>One input file: its name in the inbox, its bytes' hash and what it must come to.</summary>
    private sealed record Input(string Name, string Sha256, long Size, Expectation Expected);

    private sealed record InboxMix(int ValidCopiesPerType, int InvalidPerType, int Junk, int Truncated, int Duplicates, int[] Large, int Level2CopiesPerVariant);

    /// <summary>
    /// What an input must come to, derived from how it was built: the verdict, the level it covers,
    /// the level-2 rules found in it, the answer it gets (its type) and the staff task it raises.
    /// </summary>
    private sealed record Expectation(string Outcome, int Level, IReadOnlySet<string> Level2, string? Answer, string? Task, string? TransportError)
    {
        /// <summary>The answer a provider message refused at level 2 gets: its retour, and the 325 to a declaration (iwmo-3.2.md §8.1).</summary>
        private static readonly Dictionary<string, string> AnswerTo = new(StringComparer.Ordinal)
        {
            ["WMO305"] = "WMO306",
            ["WMO307"] = "WMO308",
            ["WMO315"] = "WMO316",
            ["WMO317"] = "WMO318",
            ["WMO323"] = "WMO325",
        };

        /// <summary>Our own messages: refused at level 2, they are not sent and staff are told; nobody is answered.</summary>
        private static readonly HashSet<string> Own = new(StringComparer.Ordinal) { "WMO301", "WMO319" };

        /// <summary>
        /// A message that passes level 1 and is read: refused at level 2 if it breaks a level-2 rule.
        /// Otherwise its register checks decide; these runs hold no reference data, so a message the
        /// register checks names parties the backoffice does not know and is refused for staff, in
        /// whatever order the batch takes it (the register's own verdicts have their scenario tests).
        /// The 323 too, at level 2: its other cross-message checks come with the declarations.
        /// </summary>
        public static Expectation Checked(string type, IReadOnlySet<string> level2)
        {
            if (level2.Count == 0)
            {
                return new(Outcomes.Rejected, MessageCheck.IsRegisterChecked(MessageType.FromName(type)!) ? 4 : 2, level2, null, StaffTaskKinds.UnknownParty, null);
            }

            return AnswerTo.TryGetValue(type, out var answer)
                ? new(Outcomes.Rejected, 2, level2, answer, null, null)
                : Own.Contains(type)
                    ? new(Outcomes.Rejected, 2, level2, null, StaffTaskKinds.RefusedOwnMessage, null)
                    : throw new ArgumentException($"No expectation for a {type} that fails level 2.", nameof(type));
        }

        /// <summary>Refused at level 1: no retour can be built, so staff tell the sender with the transport error.</summary>
        public static Expectation Level1(string outcome, string transportError) =>
            new(outcome, 1, new HashSet<string>(StringComparer.Ordinal), null, StaffTaskKinds.TellSender, transportError);
    }

    /// <summary>
    /// The level-2 rules the reference samples break as they are: WMO317.xml's NieuwProduct starts on
    /// the message's own Dagtekening, and TR380 wants a later date (iwmo-3.2.md §8.11). The others pass.
    /// </summary>
    private static readonly Dictionary<string, string[]> SampleBreaks = new(StringComparer.Ordinal) { ["WMO317"] = ["TR380"] };

    private static HashSet<string> BreaksOfSample(string type) =>
        new(SampleBreaks.TryGetValue(type, out var rules) ? rules : [], StringComparer.Ordinal);

    /// <summary>
    /// A reference sample changed in one place on purpose, still XSD-valid: it breaks the level-2 rule
    /// <see cref="Breaks"/> on top of what the sample breaks, or mends the sample's own break
    /// <see cref="Mends"/>. <see cref="Find"/> must be in the sample (the first, or the last, occurrence).
    /// </summary>
    private sealed record Variant(string Type, string Label, string Find, string Replace, string? Breaks = null, string? Mends = null, bool Last = false)
    {
        public IReadOnlySet<string> Level2
        {
            get
            {
                var rules = BreaksOfSample(Type);
                if (Breaks is not null)
                {
                    rules.Add(Breaks);
                }

                if (Mends is not null && !rules.Remove(Mends))
                {
                    throw new InvalidOperationException($"{Type} does not break {Mends}; nothing to mend.");
                }

                return rules;
            }
        }

        public string Make(string text)
        {
            var at = Last ? text.LastIndexOf(Find, StringComparison.Ordinal) : text.IndexOf(Find, StringComparison.Ordinal);
            if (at < 0)
            {
                throw new InvalidOperationException($"{Type} ({Label}): the sample no longer holds {Find}.");
            }

            return string.Concat(text.AsSpan(0, at), Replace, text.AsSpan(at + Find.Length));
        }
    }

    /// <summary>Provider messages that each fail one level-2 rule (each gets one answer), a 317 that passes, and two own messages that fail.</summary>
    private static readonly Variant[] Level2Variants =
    [
        // CS002: 999900006 passes the 11-proef, 999900007 does not (the last digit has weight -1).
        new("WMO305", "l2-bsn", "<wmo305:Bsn>999900006</wmo305:Bsn>", "<wmo305:Bsn>999900007</wmo305:Bsn>", Breaks: "CS002"),
        // TR018: the first StopProduct (Begindatum 2025-04-03) now ends the day before it began.
        new("WMO307", "l2-stop-before-start", "<wmo307:Einddatum>2025-07-18</wmo307:Einddatum>", "<wmo307:Einddatum>2025-04-02</wmo307:Einddatum>", Breaks: "TR018"),
        // CS003: the first AangevraagdProduct (ToewijzingIngangsdatum 2023-06-01) now ends in May.
        new("WMO315", "l2-end-before-start", "<wmo315:ToewijzingEinddatum>2023-06-30</wmo315:ToewijzingEinddatum>", "<wmo315:ToewijzingEinddatum>2023-05-31</wmo315:ToewijzingEinddatum>", Breaks: "CS003"),
        // CS002 on a 317 that already breaks TR380: two rules, still one answer.
        new("WMO317", "l2-bsn", "<wmo317:Bsn>999900006</wmo317:Bsn>", "<wmo317:Bsn>999900007</wmo317:Bsn>", Breaks: "CS002"),
        // TR380 mended: the NieuwProduct (the last GewensteIngangsdatum) starts the day after the Dagtekening 2023-04-02.
        new("WMO317", "l2-mended", "<wmo317:GewensteIngangsdatum>2023-04-02</wmo317:GewensteIngangsdatum>", "<wmo317:GewensteIngangsdatum>2023-04-03</wmo317:GewensteIngangsdatum>", Mends: "TR380", Last: true),
        // TR358: the lines still sum to 58000 D.
        new("WMO323", "l2-total", "<iwmo:TotaalBedrag>58000</iwmo:TotaalBedrag>", "<iwmo:TotaalBedrag>58001</iwmo:TotaalBedrag>", Breaks: "TR358"),
        // Our own: a 301 whose client's Bsn fails the 11-proef, a 319 that refuses without a reason (CD085).
        new("WMO301", "l2-bsn", "<wmo301:Bsn>999900006</wmo301:Bsn>", "<wmo301:Bsn>999900007</wmo301:Bsn>", Breaks: "CS002"),
        new("WMO319", "l2-no-reason", "<wmo319:RedenAfwijzingVerzoek>7</wmo319:RedenAfwijzingVerzoek>", string.Empty, Breaks: "CD085"),
    ];

    /// <summary>
    /// The 7 reference samples, unique valid copies of each (another BerichtIdentificatie), XSD-invalid
    /// copies (an element removed or added), copies broken at level 2 on purpose (<see cref="Level2Variants"/>),
    /// not-XML and truncated files, an empty one, iJw messages, large generated declarations, and
    /// byte-identical copies under other names; in a shuffled order.
    /// </summary>
    private static List<Input> BuildInbox(string inbox, Random random, InboxMix mix)
    {
        var samples = Samples.Iwmo32().Select(path => (Type: Path.GetFileNameWithoutExtension(path), Text: File.ReadAllText(path))).ToList();
        var made = new List<(string Label, Action<string> Write, Expectation Expected)>();
        var serial = 0;
        string Unique(string text) =>
            IdentificatieElement().Replace(text, $"<iwmo:Identificatie>C{++serial:D11}</iwmo:Identificatie>", 1);
        void Add(string label, byte[] bytes, Expectation expected) => made.Add((label, path => Write(path, bytes), expected));
        var notValid = Expectation.Level1(Outcomes.Rejected, TransportErrors.NotValid);
        var unreadable = Expectation.Level1(Outcomes.Unreadable, TransportErrors.NotValid);

        foreach (var (type, text) in samples)
        {
            var prefix = type.ToLowerInvariant();
            var asIs = Expectation.Checked(type, BreaksOfSample(type));
            Add(type, Encoding.UTF8.GetBytes(text), asIs);
            for (var i = 0; i < mix.ValidCopiesPerType; i++)
            {
                Add($"{type}-copy{(i == 0 ? " é" : string.Empty)}", Encoding.UTF8.GetBytes(Unique(text)), asIs);
            }

            for (var i = 0; i < mix.InvalidPerType; i++)
            {
                var broken = i % 2 == 0
                    ? Unique(text).Replace($"</{prefix}:Header>", $"</{prefix}:Header>\r\n\t<{prefix}:Onbekend>x</{prefix}:Onbekend>", StringComparison.Ordinal)
                    : BerichtVersie(prefix).Replace(Unique(text), string.Empty, 1);
                Add($"{type}-invalid", Encoding.UTF8.GetBytes(broken), notValid);
            }
        }

        var sampleText = samples.ToDictionary(s => s.Type, s => s.Text, StringComparer.Ordinal);
        foreach (var variant in Level2Variants)
        {
            var expected = Expectation.Checked(variant.Type, variant.Level2);
            for (var i = 0; i < mix.Level2CopiesPerVariant; i++)
            {
                Add($"{variant.Type}-{variant.Label}", Encoding.UTF8.GetBytes(variant.Make(Unique(sampleText[variant.Type]))), expected);
            }
        }

        for (var i = 0; i < mix.Junk; i++)
        {
            var junk = i % 2 == 0 ? Encoding.UTF8.GetBytes($"%PDF-1.7 not xml {i}") : RandomBytes(random, 200 + (i * 37));
            Add("junk", junk, unreadable);
        }

        for (var i = 0; i < mix.Truncated; i++)
        {
            var text = Unique(samples[i % samples.Count].Text);
            Add("truncated", Encoding.UTF8.GetBytes(text[..(text.Length / 2)]), unreadable);
        }

        Add("empty", [], unreadable);
        foreach (var jw in new[] { "JW301.xml", "JW305.xml" })
        {
            Add("ijw", File.ReadAllBytes(Path.Combine(RepoPaths.ReferenceSamples("ijw-3.2"), jw)), Expectation.Level1(Outcomes.Unsupported, TransportErrors.NotSupported));
        }

        foreach (var prestaties in mix.Large)
        {
            // The generator builds declarations that pass level 2 (their findings are checked below).
            var options = new Wmo323GeneratorOptions { Prestaties = prestaties, Identificatie = $"BIG{prestaties:D9}" };
            made.Add(("large", path => Wmo323Generator.WriteFile(path, options), Expectation.Checked("WMO323", BreaksOfSample("WMO323"))));
        }

        // Shuffled, so that large files, duplicates and bad files are spread through the batch.
        var order = Enumerable.Range(0, made.Count).OrderBy(_ => random.Next()).ToList();
        var inputs = new List<Input>();
        for (var i = 0; i < made.Count; i++)
        {
            var (label, write, expected) = made[order[i]];
            inputs.Add(Written(inbox, $"{i:D3}-{label}.xml", write, expected));
        }

        // Byte-identical copies under other names (one of the large ones, and an answered one copied twice).
        var originals = inputs.Where(i => i.Size > 0).OrderBy(_ => random.Next()).Take(mix.Duplicates - 2).ToList();
        originals.Insert(0, inputs.First(i => i.Name.EndsWith("-large.xml", StringComparison.Ordinal)));
        originals.Insert(1, inputs.First(i => i.Expected.Answer is not null));
        originals.Add(originals[1]);
        foreach (var (original, n) in originals.Select((o, n) => (o, n)))
        {
            var name = $"{random.Next(0, 1_000):D3}-dup{n}-{Path.GetFileNameWithoutExtension(original.Name)}.xml";
            inputs.Add(Written(inbox, name, path => File.Copy(Path.Combine(inbox, original.Name), path), original.Expected));
        }

        return inputs;
    }

    private static Input Written(string inbox, string name, Action<string> write, Expectation expected)
    {
        var path = Path.Combine(inbox, name);
        write(path);
        var bytes = File.ReadAllBytes(path);
        return new Input(name, Sha256(bytes), bytes.Length, expected);
    }

    private static void Write(string path, byte[] bytes) => File.WriteAllBytes(path, bytes);

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static Regex BerichtVersie(string prefix) =>
        new($@"\s*<{prefix}:BerichtVersie>[^<]*</{prefix}:BerichtVersie>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    private static Regex IdentificatieElement() =>
        new("<iwmo:Identificatie>[^<]*</iwmo:Identificatie>", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(5));

    /// <summary>What the counts came to, and every way the end state is not what it must be.</summary>
    private sealed record Tally(int Inputs, int Messages, int Deliveries, int SetAside, int StuckClaims, int FalseOutcomes, AnswerTally Answers, List<string> Problems)
    {
        public override string ToString() =>
            $"inputs {Inputs}, messages {Messages}, deliveries {Deliveries}, set aside {SetAside}, stuck claims {StuckClaims}, false outcomes {FalseOutcomes}, problems {Problems.Count}{Environment.NewLine}{Answers}";
    }

    /// <summary>
    /// The answers and staff tasks: rows and outbox files against the messages that must have one.
    /// Duplicate: a second answer for one message (a second row, or an outbox file that is no row's);
    /// unwarranted: an answer for a message that must get none; lost: a message that must have an
    /// answer without a row, or a row whose file is missing, differs or was never marked written.
    /// </summary>
    private sealed record AnswerTally(int Expected, int Rows, int Files, int Duplicate, int Unwarranted, int Lost, int TellSender, int RefusedOwn)
    {
        public override string ToString() =>
            $"answers {Rows} rows, {Files} outbox files, {Expected} expected; duplicate answers {Duplicate}, unwarranted answers {Unwarranted}, lost answers {Lost}; tasks: tell-sender {TellSender}, refused-own-message {RefusedOwn}";
    }

    /// <summary>
    /// The end state against the inputs, read straight from the database file and the folders: one
    /// message per distinct content with exactly those bytes, one delivery per input file (the
    /// duplicates marked, nothing else), every message processed with its expected verdict, and each
    /// delivery's file, with its bytes, in the folder the verdict names, once, with a reason beside it
    /// in quarantine. No claims, no hidden temporaries, no orphaned reason files.
    /// </summary>
    private static async Task<Tally> CheckAsync(DataFolder folder, IReadOnlyList<Input> inputs)
    {
        var problems = new List<string>();
        await using var connection = folder.OpenDatabase();
        var messages = (await connection.QueryAsync<(long Id, string Sha256, string Status, string? Outcome, long? CheckedLevel, string? TransportError)>(
            "SELECT id, sha256, status, outcome, checked_level, transport_error FROM message ORDER BY id")).ToList();
        var level2Found = (await connection.QueryAsync<(long MessageId, string? Rule)>(
            "SELECT message_id, rule_code FROM message_finding WHERE level = 2")).ToLookup(f => f.MessageId, f => f.Rule ?? "(none)");
        var deliveries = (await connection.QueryAsync<(long Id, long MessageId, string OriginalName, long IsDuplicate)>(
            "SELECT id, message_id, original_name, is_duplicate FROM message_delivery ORDER BY id")).ToList();

        var bySha = inputs.GroupBy(i => i.Sha256, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var messageById = messages.ToDictionary(m => m.Id);
        if (messages.Count != bySha.Count)
        {
            problems.Add($"{messages.Count} messages stored for {bySha.Count} distinct inputs");
        }

        foreach (var group in messages.GroupBy(m => m.Sha256, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add($"content {group.Key} stored {group.Count()} times");
        }

        foreach (var missing in bySha.Keys.Except(messages.Select(m => m.Sha256), StringComparer.Ordinal))
        {
            problems.Add($"never stored: {string.Join(", ", bySha[missing].Select(i => i.Name))}");
        }

        var stuck = messages.Count(m => m.Status == MessageStatuses.Processing);
        var falseOutcomes = 0;
        foreach (var message in messages)
        {
            if (message.Status != MessageStatuses.Processed)
            {
                problems.Add($"message {message.Id} is left with status {message.Status}");
            }

            var content = await connection.ExecuteScalarAsync<byte[]>("SELECT content FROM message_content WHERE message_id = @id", new { id = message.Id });
            if (content is null || Sha256(content) != message.Sha256)
            {
                problems.Add($"message {message.Id}: the stored bytes are not the bytes its sha256 names");
            }

            if (!bySha.TryGetValue(message.Sha256, out var same))
            {
                problems.Add($"message {message.Id} holds bytes that were never an input");
                continue;
            }

            var expected = same[0].Expected;
            if (message.Outcome != expected.Outcome)
            {
                falseOutcomes++;
                problems.Add($"message {message.Id} ({same[0].Name}): outcome {message.Outcome ?? "none"}, expected {expected.Outcome}");
            }

            if (message.CheckedLevel != expected.Level || message.TransportError != expected.TransportError)
            {
                problems.Add($"message {message.Id} ({same[0].Name}): checked level {message.CheckedLevel?.ToString(CultureInfo.InvariantCulture) ?? "none"}, transport error {message.TransportError ?? "none"}; expected level {expected.Level}, {expected.TransportError ?? "none"}");
            }

            var rules = level2Found[message.Id].ToHashSet(StringComparer.Ordinal);
            if (!rules.SetEquals(expected.Level2))
            {
                problems.Add($"message {message.Id} ({same[0].Name}): level-2 findings [{string.Join(", ", rules.Order(StringComparer.Ordinal))}], built to break [{string.Join(", ", expected.Level2.Order(StringComparer.Ordinal))}]");
            }

            var its = deliveries.Where(d => d.MessageId == message.Id).ToList();
            if (its.Count(d => d.IsDuplicate == 1) != same.Count - 1 || its.Count(d => d.IsDuplicate == 0) != 1)
            {
                problems.Add($"message {message.Id}: {its.Count(d => d.IsDuplicate == 0)} first and {its.Count(d => d.IsDuplicate == 1)} duplicate deliveries for {same.Count} input files with its bytes");
            }
        }

        foreach (var input in inputs)
        {
            var rows = deliveries.Where(d => d.OriginalName == input.Name).ToList();
            if (rows.Count != 1 || !messageById.TryGetValue(rows[0].MessageId, out var message) || message.Sha256 != input.Sha256)
            {
                problems.Add($"{input.Name}: {rows.Count} deliveries, not one delivery of its bytes");
            }
        }

        // The folders: every entry is a delivery's file, a reason file beside one, or a hidden temporary.
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var reasons = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (where, path) in new[] { folder.Processed, folder.Quarantine }.SelectMany(f => Directory.EnumerateFileSystemEntries(f).Select(p => (f, p))))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.'))
            {
                if (name.EndsWith(".partial", StringComparison.Ordinal))
                {
                    problems.Add($"a hidden temporary is left: {name}");
                }
            }
            else if (name.EndsWith(SetAside.ReasonSuffix, StringComparison.Ordinal))
            {
                reasons.Add(path);
            }
            else if (!found.TryAdd(name, path))
            {
                problems.Add($"{name} lies in both processed/ and quarantine/");
            }
        }

        var expectedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var delivery in deliveries)
        {
            var name = SafeNames.SetAsideName(SafeNames.DeliveryPrefix(delivery.MessageId, delivery.Id), delivery.OriginalName);
            expectedNames.Add(name);
            if (!found.TryGetValue(name, out var path))
            {
                problems.Add($"delivery {delivery.Id} ({delivery.OriginalName}) is not set aside as {name}");
                continue;
            }

            var message = messageById[delivery.MessageId];
            var folderShouldBe = message.Outcome == Outcomes.Accepted ? folder.Processed : folder.Quarantine;
            if (Path.GetDirectoryName(path) != folderShouldBe)
            {
                falseOutcomes++;
                problems.Add($"{name} lies in {Path.GetFileName(Path.GetDirectoryName(path))}/ but its message's outcome is {message.Outcome}");
            }

            if (Sha256(await File.ReadAllBytesAsync(path)) != message.Sha256)
            {
                problems.Add($"{name} does not hold the bytes of message {message.Id}");
            }

            if (folderShouldBe == folder.Quarantine && !reasons.Contains(path + SetAside.ReasonSuffix))
            {
                problems.Add($"{name} is in quarantine without its reason file");
            }
        }

        foreach (var stray in found.Keys.Where(n => !expectedNames.Contains(n)))
        {
            problems.Add(ParseIds(stray) is null ? $"{stray}: no message and delivery id in its name" : $"{stray} is set aside but no delivery has that name");
        }

        foreach (var orphan in reasons.Where(r => !File.Exists(r[..^SetAside.ReasonSuffix.Length])))
        {
            problems.Add($"{Path.GetFileName(orphan)} has no file beside it");
        }

        if (found.Count != inputs.Count)
        {
            problems.Add($"{found.Count} files set aside for {inputs.Count} input files");
        }

        foreach (var left in Directory.EnumerateFileSystemEntries(folder.Inbox))
        {
            problems.Add($"left in the inbox: {Path.GetFileName(left)}");
        }

        var expectations = messages
            .Where(m => bySha.ContainsKey(m.Sha256))
            .ToDictionary(m => m.Id, m => (bySha[m.Sha256][0].Name, bySha[m.Sha256][0].Expected));
        var answers = await CheckAnswersAsync(connection, folder, expectations, problems);
        return new Tally(inputs.Count, messages.Count, deliveries.Count, found.Count, stuck, falseOutcomes, answers, problems);
    }

    /// <summary>
    /// Answers and staff tasks against what each message must have: one answer row per provider
    /// message refused at level 2 and none for any other; exactly the rows' files in the outbox, each
    /// with the row's bytes, marked written, valid against our schema of its type, with retourcode
    /// 0001, answering its own message, and an identification no other answer has; one tell-sender
    /// task per level-1 refusal, one refused-own-message per own message refused at level 2, nothing else.
    /// </summary>
    private static async Task<AnswerTally> CheckAnswersAsync(
        SqliteConnection connection, DataFolder folder, Dictionary<long, (string Name, Expectation Expected)> expectations, List<string> problems)
    {
        var rows = (await connection.QueryAsync<(long MessageId, string AnswerType, string Identificatie, string FileName, string Sha256, byte[] Content, string? WrittenAt)>(
            "SELECT message_id, answer_type, identificatie, file_name, sha256, content, written_at FROM message_answer ORDER BY message_id")).ToList();
        var heen = (await connection.QueryAsync<(long Id, string? Identificatie)>("SELECT id, identificatie FROM message")).ToDictionary(m => m.Id, m => m.Identificatie);
        var tasks = (await connection.QueryAsync<(string Key, string Kind, long? MessageId, string? DueOn)>(
            "SELECT task_key, kind, message_id, due_on FROM staff_task ORDER BY id")).ToList();
        var otherCodes = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM message_answer WHERE retourcode <> '0001'");
        if (otherCodes > 0)
        {
            problems.Add($"{otherCodes} answer rows carry another retourcode than 0001");
        }

        int duplicate = 0, unwarranted = 0, lost = 0;
        var rowsOf = rows.ToLookup(r => r.MessageId);
        foreach (var (id, (name, expected)) in expectations)
        {
            var its = rowsOf[id].ToList();
            if (its.Count > 1)
            {
                duplicate += its.Count - 1;
                problems.Add($"message {id} ({name}) has {its.Count} answers");
            }

            if (expected.Answer is null && its.Count > 0)
            {
                unwarranted += its.Count;
                problems.Add($"message {id} ({name}, {expected.Outcome} at level {expected.Level}) has an answer ({its[0].FileName}) it must not have");
            }
            else if (expected.Answer is not null && its.Count == 0)
            {
                lost++;
                problems.Add($"message {id} ({name}) was refused at level 2 but has no answer");
            }
            else if (expected.Answer is not null && its[0].AnswerType != expected.Answer)
            {
                problems.Add($"message {id} ({name}) is answered with a {its[0].AnswerType}, not a {expected.Answer}");
            }

            var taskKinds = tasks.Where(t => t.MessageId == id).Select(t => t.Kind).ToList();
            var shouldBe = expected.Task is null ? [] : new[] { expected.Task };
            if (!taskKinds.Order(StringComparer.Ordinal).SequenceEqual(shouldBe, StringComparer.Ordinal))
            {
                problems.Add($"message {id} ({name}): staff tasks [{string.Join(", ", taskKinds)}], expected [{string.Join(", ", shouldBe)}]");
            }
        }

        foreach (var task in tasks.Where(t => t.MessageId is not { } id || !expectations.ContainsKey(id)))
        {
            problems.Add($"staff task {task.Key} ({task.Kind}) is about no message of the inputs");
        }

        foreach (var task in tasks.Where(t => t.Kind == StaffTaskKinds.TellSender && t.DueOn is null))
        {
            problems.Add($"staff task {task.Key}: the sender is to be told, but by no date");
        }

        foreach (var orphan in rows.Where(r => !expectations.ContainsKey(r.MessageId)))
        {
            problems.Add($"answer {orphan.FileName} is for message {orphan.MessageId}, which holds no input");
        }

        // The outbox: the rows' files and nothing else; no hidden temporaries.
        var byFile = rows.ToDictionary(r => r.FileName, StringComparer.Ordinal);
        var files = 0;
        foreach (var path in Directory.Exists(folder.Outbox) ? Directory.EnumerateFileSystemEntries(folder.Outbox) : [])
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith('.'))
            {
                problems.Add(name.EndsWith(".partial", StringComparison.Ordinal) ? $"a partial answer is left in the outbox: {name}" : $"a hidden file is in the outbox: {name}");
            }
            else if (!byFile.ContainsKey(name))
            {
                duplicate++;
                problems.Add($"{name} is in the outbox but is no stored answer");
            }
            else
            {
                files++;
            }
        }

        var identifications = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var path = Path.Combine(folder.Outbox, row.FileName);
            if (row.Sha256 != Sha256(row.Content))
            {
                problems.Add($"answer {row.FileName}: the row's sha256 is not that of its content");
            }

            if (row.WrittenAt is null)
            {
                problems.Add($"answer {row.FileName} is not marked written");
            }

            if (!File.Exists(path))
            {
                lost++;
                problems.Add($"answer {row.FileName} (message {row.MessageId}) is not in the outbox");
                continue;
            }

            var bytes = await File.ReadAllBytesAsync(path);
            if (Sha256(bytes) != Sha256(row.Content))
            {
                lost++;
                problems.Add($"{row.FileName} in the outbox does not hold the stored answer's bytes");
                continue;
            }

            problems.AddRange(CheckAnswerFile(row.FileName, row.AnswerType, row.Identificatie, heen.GetValueOrDefault(row.MessageId), bytes, identifications));
        }

        return new AnswerTally(
            expectations.Values.Count(e => e.Expected.Answer is not null),
            rows.Count,
            files,
            duplicate,
            unwarranted,
            lost,
            tasks.Count(t => t.Kind == StaffTaskKinds.TellSender),
            tasks.Count(t => t.Kind == StaffTaskKinds.RefusedOwnMessage));
    }

    /// <summary>One answer as it left: valid against our schema of its type, retourcode 0001 only, about its own message, its identification unique.</summary>
    private static List<string> CheckAnswerFile(string fileName, string answerType, string identificatie, string? heenIdentificatie, byte[] bytes, Dictionary<string, string> identifications)
    {
        var problems = new List<string>();
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            var report = OwnSchemas.Value.Validate(stream, MessageScope.AnyDirection);
            if (!report.Valid || report.MessageType != answerType)
            {
                problems.Add($"{fileName}: {report.MessageType ?? "unclassified"} {report.Summary}, not a valid {answerType}");
                return problems;
            }
        }

        XElement header;
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            header = XDocument.Load(stream).Root!.Elements().First(e => e.Name.LocalName == "Header");
        }

        string? Text(params string[] steps) =>
            steps.Aggregate<string, XElement?>(header, (at, step) => at?.Elements().FirstOrDefault(e => e.Name.LocalName == step))?.Value;

        var codes = header.Descendants().Where(e => e.Name.LocalName == "RetourCode").Select(e => e.Value).ToList();
        if (codes is not [Level2AnswerCode])
        {
            problems.Add($"{fileName}: retourcodes [{string.Join(", ", codes)}] in its header, not only {Level2AnswerCode}");
        }

        // A retour names itself in IdentificatieRetour and its message in BerichtIdentificatie (copied);
        // the 325 names itself in BerichtIdentificatie and the declaration in DeclaratieIdentificatie.
        var (own, answered) = answerType == "WMO325"
            ? (Text("BerichtIdentificatie", "Identificatie"), Text("DeclaratieIdentificatie", "Identificatie"))
            : (Text("IdentificatieRetour"), Text("BerichtIdentificatie", "Identificatie"));
        if (own != identificatie)
        {
            problems.Add($"{fileName}: identifies itself as {own ?? "nothing"}, the row says {identificatie}");
        }
        else if (!identifications.TryAdd(own, fileName))
        {
            problems.Add($"{fileName}: its identification {own} is also that of {identifications[own]}");
        }

        if (answered is null || answered != heenIdentificatie)
        {
            problems.Add($"{fileName}: answers {answered ?? "nothing"}, but its message is {heenIdentificatie ?? "unidentified"}");
        }

        return problems;
    }

    /// <summary>One result a <c>process</c> run printed: it must be what the store and the folders say.</summary>
    private static async Task<List<string>> CheckReportedAsync(DataFolder folder, Input input, IReadOnlyList<Input> inputs, Reported result, string label)
    {
        var problems = new List<string>();
        var what = $"{label}: {input.Name} reported {result.Outcome}";
        if (!FinalOutcomes.Contains(result.Outcome))
        {
            problems.Add($"{what} ({result.Reason})");
            return problems;
        }

        await using var connection = folder.OpenDatabase();
        var stored = await connection.QuerySingleOrDefaultAsync<(string Sha256, string? Outcome)>(
            "SELECT sha256, outcome FROM message WHERE id = @id", new { id = result.MessageId ?? -1 });
        if (stored.Sha256 != input.Sha256)
        {
            problems.Add($"{what} as message {result.MessageId}, which does not hold its bytes");
            return problems;
        }

        if (result.Outcome == "duplicate")
        {
            if (inputs.Count(i => i.Sha256 == input.Sha256) < 2)
            {
                problems.Add($"{what}, but no other input has its bytes");
            }
        }
        else if (result.Outcome != stored.Outcome || result.Outcome != input.Expected.Outcome)
        {
            problems.Add($"{what}; stored {stored.Outcome}, expected {input.Expected.Outcome}");
        }

        // The answer file it names is the stored answer's, or none when the message has none.
        var answer = await connection.ExecuteScalarAsync<string?>("SELECT file_name FROM message_answer WHERE message_id = @id", new { id = result.MessageId });
        var answerPath = answer is null ? null : Path.Combine(folder.Outbox, answer);
        if (result.RetourFile != answerPath)
        {
            problems.Add($"{what} with answer {result.RetourFile ?? "none"}, but the stored answer is {answer ?? "none"}");
        }

        var folderShouldBe = stored.Outcome == Outcomes.Accepted ? folder.Processed : folder.Quarantine;
        if (result.MovedTo is not { } movedTo || !File.Exists(movedTo) || Path.GetDirectoryName(movedTo) != folderShouldBe)
        {
            problems.Add($"{what}, moved to {result.MovedTo ?? "nowhere"}, but the stored outcome {stored.Outcome} names {Path.GetFileName(folderShouldBe)}/");
        }
        else if (Sha256(await File.ReadAllBytesAsync(movedTo)) != input.Sha256)
        {
            problems.Add($"{what}: {movedTo} does not hold its bytes");
        }

        return problems;
    }

    private static (long MessageId, long DeliveryId)? ParseIds(string name) =>
        name.Length > 14 && name[6] == '-' && name[13] == '-'
            && long.TryParse(name.AsSpan(0, 6), NumberStyles.None, CultureInfo.InvariantCulture, out var message)
            && long.TryParse(name.AsSpan(7, 6), NumberStyles.None, CultureInfo.InvariantCulture, out var delivery)
            ? (message, delivery)
            : null;

    /// <summary>The service's scan summaries from its compact-JSON console log.</summary>
    private static List<(int Inputs, int Left)> ServiceScans(string log)
    {
        var scans = new List<(int, int)>();
        foreach (var line in log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith('{'))
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            if (root.TryGetProperty("@mt", out var template) && template.GetString()!.StartsWith("Inbox scan:", StringComparison.Ordinal))
            {
                scans.Add((root.GetProperty("Inputs").GetInt32(), root.GetProperty("Left").GetInt32()));
            }
        }

        return scans;
    }

    /// <summary>One entry of <c>process --format json</c>.</summary>
    private sealed record Reported(string Input, string Outcome, long? MessageId, string? MovedTo, string? RetourFile, string? Reason)
    {
        public static Reported From(JsonElement entry) => new(
            entry.GetProperty("input").GetString()!,
            entry.GetProperty("outcome").GetString()!,
            entry.GetProperty("messageId").ValueKind == JsonValueKind.Number ? entry.GetProperty("messageId").GetInt64() : null,
            entry.GetProperty("movedTo").GetString(),
            entry.GetProperty("retourFile").GetString(),
            entry.GetProperty("reason").GetString());
    }

    /// <summary>A throwaway data folder with its inbox, removed afterwards.</summary>
    private sealed class DataFolder : IDisposable
    {
        private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("backoffice-crash-");

        /// <param name="createData">False: the data folder does not exist yet (a first start).</param>
        /// <param name="inboxParent">Where to make the inbox instead of inside the data folder.</param>
        public DataFolder(bool createData = true, string? inboxParent = null)
        {
            Data = Path.Combine(root.FullName, "data");
            SeparateInbox = inboxParent is not null;
            Inbox = SeparateInbox
                ? Directory.CreateDirectory(Path.Combine(inboxParent!, $"backoffice-crash-{Guid.NewGuid():N}")).FullName
                : Path.Combine(Data, "inbox");
            if (createData)
            {
                Directory.CreateDirectory(Inbox);
            }
        }

        public string Data { get; }

        public string Inbox { get; }

        public bool SeparateInbox { get; }

        public string Processed => Path.Combine(Data, "processed");

        public string Quarantine => Path.Combine(Data, "quarantine");

        public string Outbox => Path.Combine(Data, "outbox");

        public SqliteConnection OpenDatabase()
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(Data, DatabaseSettings.SqliteFileName),
                Mode = SqliteOpenMode.ReadWrite,
                Pooling = false,
            }.ToString());
            connection.Open();
            return connection;
        }

        public void Dispose()
        {
            try
            {
                root.Delete(recursive: true);
                if (SeparateInbox)
                {
                    Directory.Delete(Inbox, recursive: true);
                }
            }
            catch (IOException)
            {
                // A child that outlived its test may still write a log; the OS cleans temp.
            }
        }
    }

    /// <summary>The built CLI as a child process, its output collected, bounded in time, killable.</summary>
    private sealed class Child : IDisposable
    {
        private readonly Process process;
        private readonly Task<string> stdout;
        private readonly Task<string> stderr;

        private Child(Process process)
        {
            this.process = process;
            stdout = process.StandardOutput.ReadToEndAsync();
            stderr = process.StandardError.ReadToEndAsync();
        }

        public bool HasExited => process.HasExited;

        public static Child Start(IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
        {
            var apphost = Path.Combine(AppContext.BaseDirectory, "backoffice");
            var start = File.Exists(apphost)
                ? new ProcessStartInfo(apphost)
                : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "backoffice.dll") } };
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.UseShellExecute = false;
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            // Only the settings the test gives: nothing from the environment the tests run in.
            foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("BACKOFFICE_", StringComparison.OrdinalIgnoreCase)).ToList())
            {
                start.Environment.Remove(key);
            }

            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }

            return new Child(Process.Start(start) ?? throw new InvalidOperationException("The CLI did not start."));
        }

        /// <summary>True when the process ended within <paramref name="wait"/>.</summary>
        public async Task<bool> TryWaitAsync(TimeSpan wait)
        {
            using var timeout = new CancellationTokenSource(wait);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        /// <summary>SIGKILL, and wait until it is gone (reaped), so its claims count as a dead owner's.</summary>
        public void Kill()
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        /// <summary>SIGTERM, as a service manager stops the service; false when it did not end in time (then killed).</summary>
        public async Task<bool> TerminateAsync(TimeSpan wait)
        {
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            if (await TryWaitAsync(wait))
            {
                return true;
            }

            Kill();
            return false;
        }

        /// <summary>Exit code and output; a child that outlives <paramref name="timeout"/> is killed and fails the test.</summary>
        public async Task<(int Exit, string Out, string Err)> ResultAsync(TimeSpan? timeout = null)
        {
            if (!await TryWaitAsync(timeout ?? ChildTimeout))
            {
                Kill();
                Assert.Fail($"backoffice {string.Join(' ', process.StartInfo.ArgumentList)} did not end within {(timeout ?? ChildTimeout).TotalSeconds:0} s: {await stderr}");
            }

            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout, await stderr);
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }

            process.Dispose();
        }
    }
}
