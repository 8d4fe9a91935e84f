using System.Text;
using Backoffice.Core.Standard;
using Backoffice.Data.Intake;
using Backoffice.Data.Staff;
using Backoffice.Service.Cli;
using Backoffice.Service.Intake;
using Backoffice.Service.Processing;
using Backoffice.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Intake;

/// <summary>
/// The inbox as a hostile operator tries it (issue 5): each test reproduces one way intake used
/// to tell staff something untrue, put a file in the wrong folder, read what it must not, or stick.
/// </summary>
public sealed partial class HostileInboxTests
{
    private static async Task<IReadOnlyList<InputResult>> RunAsync(ServiceHarness service) =>
        (await service.Get<InboxBatch>().RunAsync(TimeSpan.Zero, CancellationToken.None)).Results;

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), name));

    /// <summary>A sample with a field changed so its bytes are unique, valid or not.</summary>
    private static byte[] Variant(string sample, int n, bool valid = true)
    {
        var xml = IdentificatieValue().Replace(Encoding.UTF8.GetString(Sample(sample)), $"<iwmo:Identificatie>V{n:D6}</iwmo:Identificatie>", 1);
        return Encoding.UTF8.GetBytes(valid ? xml : xml.Replace("<iwmo:Dagtekening>", "<iwmo:Dagtekening>X", StringComparison.Ordinal));
    }

    private static async Task<T> ScalarAsync<T>(ServiceHarness service, string sql, object? args = null)
    {
        await using var connection = new SqliteConnection($"Data Source={service.Database}");
        return await connection.ExecuteScalarAsync<T>(sql, args) ?? throw new InvalidOperationException(sql);
    }

    [SetUp]
    public void RequireSamples() => RepoPaths.RequireReference();

    // 1. A crash between the verdict and the move used to send a rejected message to processed/.
    [Test]
    public async Task Rejected_message_whose_move_was_interrupted_goes_to_quarantine_on_the_next_run()
    {
        using var service = new ServiceHarness();
        var path = service.Drop("broken.xml", Variant("WMO305.xml", 1, valid: false));
        long id;
        await using (var content = File.OpenRead(path))
        {
            // What the crashed run had done: stored the bytes for this file, recorded the verdict.
            var receipt = await service.Get<MessageIntakeStore>().ReceiveAsync(
                content, new IntakeSource(InboxBatch.Channel, "broken.xml", TimeProvider.System.GetUtcNow(), FileIdentity.Lstat(path)!.Value.Key), CancellationToken.None);
            id = receipt.MessageId;
        }

        var verdict = await service.Get<MessageProcessor>().ProcessAsync(id, CancellationToken.None);
        Assert.That(verdict.Outcome, Is.EqualTo(Outcomes.Rejected));

        var result = (await RunAsync(service)).Single();

        Assert.That(result.Outcome, Is.EqualTo(Outcomes.Rejected), "the stored verdict, not 'duplicate'");
        Assert.That(result.MovedTo, Does.StartWith(service.Quarantine));
        Assert.That(File.ReadAllText(result.MovedTo + SetAside.ReasonSuffix), Does.Contain("Quarantined").And.Contain("Outcome:    rejected"));
        Assert.That(Directory.EnumerateFileSystemEntries(service.Processed), Is.Empty);
        Assert.That(await ScalarAsync<long>(service, "SELECT COUNT(*) FROM message_delivery"), Is.EqualTo(1), "the same delivery, not a duplicate");
    }

    // 2. A claim whose owner is gone is taken over at once; a live owner's claim is left and said so.
    [Test]
    public async Task Claim_of_a_process_that_died_is_taken_over_at_the_next_scan()
    {
        using var service = new ServiceHarness();
        service.DropSample("WMO323.xml");
        var deadPid = DeadProcessId();
        await ClaimFirstMessageAsync(service, "WMO323.xml", $"{Environment.MachineName}/{deadPid}/deadbeef", TimeSpan.FromHours(1));

        var result = (await RunAsync(service)).Single();

        Assert.That(result.Outcome, Is.EqualTo(Outcomes.Accepted), "taken over without waiting for the lease");
        Assert.That(await ScalarAsync<long>(service, "SELECT COUNT(*) FROM message WHERE status <> 'processed'"), Is.Zero);
    }

    [Test]
    public async Task Claim_of_a_live_owner_is_left_to_it_and_the_run_says_it_is_not_done()
    {
        using var service = new ServiceHarness();
        service.DropSample("WMO323.xml");
        // Process 1 (init) is alive on every Linux machine; a live lease of another instance.
        await ClaimFirstMessageAsync(service, "WMO323.xml", $"{Environment.MachineName}/1/livelive", TimeSpan.FromHours(1));

        var run = await service.Get<InboxBatch>().RunAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.That(run.Results.Single().Outcome, Is.EqualTo(InputOutcomes.ClaimedElsewhere));
        Assert.That(run.LeftWork, Is.True, "process exits 1: not everything was finished");
        Assert.That(File.Exists(Path.Combine(service.Inbox, "WMO323.xml")), Is.True);
    }

    [Test]
    public async Task Claim_whose_lease_ran_out_is_taken_over_even_from_another_machine()
    {
        using var service = new ServiceHarness();
        service.DropSample("WMO323.xml");
        await ClaimFirstMessageAsync(service, "WMO323.xml", "other-host/4242/cafecafe", TimeSpan.FromSeconds(-1));

        var result = (await RunAsync(service)).Single();

        Assert.That(result.Outcome, Is.EqualTo(Outcomes.Accepted));
    }

    // 3. Rescans of an unchanged file are the same delivery: no duplicate row per scan.
    [Test]
    public async Task Rescanning_a_read_only_inbox_adds_no_delivery_rows_and_no_notes()
    {
        using var service = new ServiceHarness(leaveFiles: true);
        for (var i = 0; i < 5; i++)
        {
            service.Drop($"m{i}.xml", Variant("WMO305.xml", i, valid: i % 2 == 0));
        }

        await RunAsync(service);
        var second = await RunAsync(service);
        var third = await RunAsync(service);

        Assert.That(second.Concat(third).Select(r => r.Outcome), Is.All.EqualTo(InputOutcomes.Unchanged));
        Assert.That(await ScalarAsync<long>(service, "SELECT COUNT(*) FROM message_delivery"), Is.EqualTo(5));
        Assert.That(await ScalarAsync<long>(service, "SELECT COUNT(*) FROM message_delivery WHERE is_duplicate = 1"), Is.Zero);
        Assert.That(Directory.EnumerateFiles(service.Processed).Count() + Directory.EnumerateFiles(service.Quarantine, "*.xml").Count(), Is.EqualTo(5));
    }

    // 4. Two batches at once: the second does nothing and says so, instead of reporting false outcomes.
    [Test]
    public async Task A_second_batch_on_the_same_database_does_not_run_while_the_first_holds_it()
    {
        using var service = new ServiceHarness();
        service.Drop("WMO315.xml", Samples.AcceptedRequest(1));
        var settings = service.Get<Backoffice.Data.DatabaseSettings>();

        using (Backoffice.Data.DatabaseLock.TryAcquire(settings, Backoffice.Data.DatabaseLock.Batch, TimeSpan.Zero))
        {
            var blocked = await service.Get<InboxBatch>().RunAsync(TimeSpan.Zero, CancellationToken.None);
            Assert.That(blocked.Ran, Is.False);
            Assert.That(blocked.Results, Is.Empty, "nothing reported, nothing touched");
            Assert.That(blocked.LeftWork, Is.True);
            Assert.That(File.Exists(Path.Combine(service.Inbox, "WMO315.xml")), Is.True);
        }

        var after = await service.Get<InboxBatch>().RunAsync(TimeSpan.Zero, CancellationToken.None);
        Assert.That(after.Results.Single().Outcome, Is.EqualTo(Outcomes.Accepted));
    }

    // 6. A re-delivered rejected message follows its verdict; the same name twice never overwrites.
    [Test]
    public async Task Redelivered_rejected_message_goes_to_quarantine_and_the_first_copy_is_kept()
    {
        using var service = new ServiceHarness();
        var bytes = Variant("WMO307.xml", 7, valid: false);
        service.Drop("again.xml", bytes);
        var first = (await RunAsync(service)).Single();
        service.Drop("again.xml", bytes);
        var second = (await RunAsync(service)).Single();

        Assert.That(first.Outcome, Is.EqualTo(Outcomes.Rejected));
        Assert.That(second.Outcome, Is.EqualTo(InputOutcomes.Duplicate));
        Assert.That(second.MovedTo, Does.StartWith(service.Quarantine), "a duplicate of a rejected message is rejected");
        Assert.That(second.MovedTo, Is.Not.EqualTo(first.MovedTo));
        Assert.That(File.ReadAllBytes(first.MovedTo!), Is.EqualTo(bytes), "the first copy is not overwritten");
        Assert.That(File.ReadAllText(second.MovedTo + SetAside.ReasonSuffix), Does.Contain("Duplicate delivery").And.Contain("rejected"));
        Assert.That(Directory.EnumerateFileSystemEntries(service.Processed), Is.Empty);
    }

    // 7. Links are not followed: nothing outside the inbox is ever read.
    [Test]
    public async Task Symbolic_link_to_a_file_outside_the_inbox_is_refused_unread_and_shown_to_staff()
    {
        using var service = new ServiceHarness();
        var secret = Path.Combine(service.DataDirectory, "secret.txt");
        File.WriteAllText(secret, "root:x:0:0:not for the store");
        File.CreateSymbolicLink(Path.Combine(service.Inbox, "p.xml"), secret);
        service.Drop("q.xml", Samples.AcceptedRequest(1));

        var results = await RunAsync(service);

        var refused = results.Single(r => r.Input == "p.xml");
        Assert.That(refused.Outcome, Is.EqualTo(InputOutcomes.Refused));
        Assert.That(refused.MessageId, Is.Null);
        Assert.That(refused.MovedTo, Does.StartWith(service.Quarantine), "kept where an operator sees it");
        Assert.That(new FileInfo(refused.MovedTo!).LinkTarget, Is.EqualTo(secret), "the link itself was moved, not its target copied");
        Assert.That(File.ReadAllText(refused.MovedTo + SetAside.ReasonSuffix), Does.Contain("symbolic link"));
        Assert.That(await ScalarAsync<long>(service, "SELECT COUNT(*) FROM message"), Is.EqualTo(1), "only q.xml is stored");
        Assert.That(await ScalarAsync<long>(service, "SELECT COUNT(*) FROM message_content WHERE instr(CAST(content AS TEXT), 'root:x:0:0') > 0"), Is.Zero);
        var tasks = await service.Get<StaffTaskStore>().ListOpenAsync(CancellationToken.None);
        Assert.That(tasks.Select(t => t.Kind), Is.EquivalentTo(new[] { StaffTaskKinds.RefusedEntry, StaffTaskKinds.AnswerRequest, StaffTaskKinds.AnswerRequest }), "the link, and the two VOT lines q.xml asks for");
        Assert.That(results.Single(r => r.Input == "q.xml").Outcome, Is.EqualTo(Outcomes.Accepted));
    }

    [Test]
    public async Task Named_pipe_in_the_inbox_is_refused_without_blocking_the_scan()
    {
        using var service = new ServiceHarness();
        var fifo = Path.Combine(service.Inbox, "pipe.xml");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            if (mkfifo.ExitCode != 0)
            {
                Assert.Ignore("mkfifo is not available here.");
            }
        }

        service.Drop("z.xml", Samples.AcceptedRequest(1));

        var results = await RunAsync(service).WaitAsync(TimeSpan.FromMinutes(1));

        Assert.That(results.Single(r => r.Input == "pipe.xml").Outcome, Is.EqualTo(InputOutcomes.Refused));
        Assert.That(results.Single(r => r.Input == "z.xml").Outcome, Is.EqualTo(Outcomes.Accepted));
    }

    // 8. Files still being written are not taken in.
    [Test]
    public async Task Temporary_names_and_recently_changed_files_are_left_until_complete()
    {
        using var service = new ServiceHarness(settings: new Dictionary<string, string?> { ["Inbox:SettleSeconds"] = "30" });
        service.DropSample("WMO301.xml", "download.xml.part");
        service.DropSample("WMO301.xml", ".upload.xml");
        service.Drop("fresh.xml", Samples.AcceptedRequest(1));
        var settled = service.Drop("settled.xml", Samples.AcceptedRequest(2));
        File.SetLastWriteTimeUtc(settled, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-5));

        var run = await service.Get<InboxBatch>().RunAsync(TimeSpan.Zero, CancellationToken.None);

        Assert.That(run.Results.Select(r => r.Input), Is.EquivalentTo(new[] { "fresh.xml", "settled.xml" }), "temporary names are not even listed");
        Assert.That(run.Results.Single(r => r.Input == "fresh.xml").Outcome, Is.EqualTo(InputOutcomes.Waiting));
        Assert.That(run.Results.Single(r => r.Input == "settled.xml").Outcome, Is.EqualTo(Outcomes.Accepted));
        Assert.That(run.LeftWork, Is.True);
        Assert.That(await ScalarAsync<long>(service, "SELECT COUNT(*) FROM message"), Is.EqualTo(1));
    }

    [Test]
    public async Task File_written_line_by_line_during_scans_is_stored_once_and_whole()
    {
        using var service = new ServiceHarness(settings: new Dictionary<string, string?> { ["Inbox:SettleSeconds"] = "1" });
        var lines = Encoding.UTF8.GetString(Samples.AcceptedRequest(1)).ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        var path = Path.Combine(service.Inbox, "slow.xml");
        var writer = Task.Run(async () =>
        {
            await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
            foreach (var line in lines)
            {
                stream.Write(Encoding.UTF8.GetBytes(line + "\n"));
                stream.Flush();
                await Task.Delay(25);
            }
        });

        var outcomes = new List<string>();
        while (!writer.IsCompleted || File.Exists(path))
        {
            outcomes.AddRange((await RunAsync(service)).Select(r => r.Outcome));
            await Task.Delay(100);
            Assert.That(outcomes, Has.Count.LessThan(500), "bounded");
        }

        var whole = File.ReadAllBytes(Directory.EnumerateFiles(service.Processed).Single());
        Assert.That(whole, Has.Length.EqualTo(lines.Sum(l => Encoding.UTF8.GetByteCount(l) + 1)));
        Assert.That(outcomes.Where(o => o != InputOutcomes.Waiting), Is.EqualTo(new[] { Outcomes.Accepted }));
        Assert.That(await ScalarAsync<long>(service, "SELECT COUNT(*) FROM message"), Is.EqualTo(1), "no partial message stored");
    }

    // 9. Names are bounded and tame wherever we write or print them.
    [Test]
    public async Task Name_of_251_characters_is_set_aside_under_a_bounded_name()
    {
        using var service = new ServiceHarness();
        var name = new string('n', 247) + ".xml";
        service.Drop(name, Samples.AcceptedRequest(1));

        var result = (await RunAsync(service)).Single();

        Assert.That(result.Outcome, Is.EqualTo(Outcomes.Accepted));
        Assert.That(Encoding.UTF8.GetByteCount(Path.GetFileName(result.MovedTo!)), Is.LessThanOrEqualTo(SafeNames.MaxSetAsideBytes));
        Assert.That(result.MovedTo, Does.EndWith(".xml"));
        Assert.That(Directory.EnumerateFiles(service.Inbox), Is.Empty);
    }

    [Test]
    public async Task Newline_in_a_name_forges_no_line_in_the_reason_file_or_the_output()
    {
        using var service = new ServiceHarness();
        Settle(service.Drop("evil\nWhy:        all fine.xml", Variant("WMO305.xml", 9, valid: false)));
        var stdout = new StringWriter();

        var exit = await BackofficeCli.RunAsync(["process", "--data", service.DataDirectory, "--schemas", RepoPaths.IwmoSchemas], stdout, TextWriter.Null);
        var output = stdout.ToString();

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok));
        Assert.That(output.Split('\n').Where(l => l.StartsWith("Why:", StringComparison.Ordinal)), Is.Empty);
        var reason = File.ReadAllText(Directory.EnumerateFiles(service.Quarantine, "*" + SetAside.ReasonSuffix).Single());
        Assert.That(reason.Split('\n').Count(l => l.StartsWith("Why:", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(reason, Does.Contain("evil?Why:"));
        Assert.That(Directory.EnumerateFiles(service.Quarantine).Select(Path.GetFileName), Has.None.Contains("\n"));
    }

    // 10. A full disk never hides the results.
    [Test]
    public async Task On_a_full_data_disk_the_results_are_still_printed_and_nothing_is_lost()
    {
        using var disk = TmpfsMount.Create(8 * 1024 * 1024);
        var data = Path.Combine(disk.Path, "data");
        var inbox = Directory.CreateTempSubdirectory("backoffice-inbox-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(inbox, "m.xml"), Samples.AcceptedRequest(1));
            Settle(Path.Combine(inbox, "m.xml"));
            Assert.That(await BackofficeCli.RunAsync(["import", "all", RepoPaths.DemoReference, "--data", data], TextWriter.Null, TextWriter.Null), Is.EqualTo(ExitCodes.Ok));
            var filler = disk.Fill();

            var stdout = new StringWriter();
            var stderr = new StringWriter();
            // Both runs share this test's process id, so a claim the full disk kept the first run from
            // giving up is taken over when its (short) lease runs out; a real second `process` is a
            // new process and takes it over at once.
            var config = Path.Combine(Directory.CreateTempSubdirectory("backoffice-config-").FullName, "lease.json");
            File.WriteAllText(config, """{ "Processing": { "LeaseSeconds": 2 } }""");
            var exit = await BackofficeCli.RunAsync(["process", "--data", data, "--inbox", inbox, "--schemas", RepoPaths.IwmoSchemas, "--config", config], stdout, stderr);

            Assert.That(exit, Is.EqualTo(ExitCodes.Findings), stderr.ToString());
            // Where the disk runs out depends on how much room the write-ahead log kept: the bytes
            // cannot be stored, or they are stored and the verdict cannot be; either way said so.
            Assert.That(stdout.ToString(), Does.Match("m.xml: failed.* - (Could not be stored; the file stays in the inbox|Processing failed .*; the message is kept and retried on the next scan)"));
            Assert.That(File.Exists(Path.Combine(inbox, "m.xml")), Is.True, "the file stays for the next run");

            File.Delete(filler);
            stdout = new StringWriter();
            var stderr2 = new StringWriter();
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            exit = await BackofficeCli.RunAsync(["process", "--data", data, "--inbox", inbox, "--schemas", RepoPaths.IwmoSchemas, "--config", config], stdout, stderr2);
            Assert.That(exit, Is.EqualTo(ExitCodes.Ok), stdout + "\n" + stderr2);
            Assert.That(stdout.ToString(), Does.Contain("m.xml: WMO315 accepted"));
        }
        finally
        {
            Directory.Delete(inbox, recursive: true);
        }
    }

    // 11. A move to another, full device leaves no partial file in a set-aside folder.
    [Test]
    public void Copy_to_a_full_other_device_leaves_no_partial_file_and_keeps_the_source()
    {
        using var disk = TmpfsMount.Create(2 * 1024 * 1024);
        var source = Path.Combine(Directory.CreateTempSubdirectory("backoffice-src-").FullName, "big.xml");
        var bytes = new byte[6 * 1024 * 1024];
        new Random(11).NextBytes(bytes);
        File.WriteAllBytes(source, bytes);
        var status = FileIdentity.Lstat(source)!.Value;

        Assert.That(FileIdentity.SameDevice(status, disk.Path), Is.False, "a real cross-device move");
        Assert.Throws<IOException>(() => SetAside.Put(source, status, disk.Path, "000001-000001-big.xml", "note", copy: false));

        Assert.That(Directory.EnumerateFiles(disk.Path).Where(f => !f.EndsWith(SetAside.ReasonSuffix, StringComparison.Ordinal)), Is.Empty, "no partial file, not even a hidden one");
        Assert.That(File.ReadAllBytes(source), Is.EqualTo(bytes), "the source is untouched");

        disk.Resize(16 * 1024 * 1024);
        var placed = SetAside.Put(source, status, disk.Path, "000001-000001-big.xml", "note", copy: false);
        Assert.That(File.ReadAllBytes(placed.Path), Is.EqualTo(bytes));
        Assert.That(File.Exists(source), Is.False);
        Directory.Delete(Path.GetDirectoryName(source)!);
    }

    // 12. Content never leaks into findings, reason files or output.
    [Test]
    public async Task Well_formedness_errors_do_not_quote_the_content()
    {
        using var service = new ServiceHarness();
        var xml = Encoding.UTF8.GetString(Sample("WMO301.xml")).Replace("Wit</iwmo:Achternaam>", "Wit</iwmo:Achternaam Jansen>", StringComparison.Ordinal);
        service.Drop("leak.xml", Encoding.UTF8.GetBytes(xml));

        var result = (await RunAsync(service)).Single();

        Assert.That(result.Outcome, Is.EqualTo(Outcomes.Unreadable));
        var everything = string.Concat(result.Findings.Select(f => f.Message + f.Path)) + result.Reason
            + File.ReadAllText(result.MovedTo + SetAside.ReasonSuffix) + service.ReadLogs();
        Assert.That(everything, Does.Not.Contain("Jansen").And.Not.Contain("Wit<"));
        Assert.That(result.Findings.Single().Message, Does.Contain("not well-formed"));
    }

    // 13. A file that cannot be read is set aside after the configured attempts, not retried for ever.
    [Test]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Unreadable_file_is_set_aside_and_listed_for_staff_after_the_configured_attempts()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Assert.Ignore("Runs the service as the unprivileged user 'nobody' via setpriv, which needs root.");
        }

        // Root reads any file, so the service runs as 'nobody' (as a service user would) on a data
        // folder it may write, with one file it may not read.
        var root = Directory.CreateTempSubdirectory("backoffice-perm-");
        try
        {
            var data = Path.Combine(root.FullName, "data");
            var inbox = Directory.CreateDirectory(Path.Combine(data, "inbox")).FullName;
            var locked = Path.Combine(inbox, "locked.xml");
            File.WriteAllBytes(locked, Sample("WMO305.xml"));
            File.SetUnixFileMode(locked, UnixFileMode.None);
            Settle(locked);
            foreach (var dir in new[] { root.FullName, data, inbox })
            {
                File.SetUnixFileMode(dir, (UnixFileMode)0x1FF);
            }

            var outcomes = new List<string>();
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                var (exit, output, _) = await RunAsNobodyAsync(["process", "--data", data, "--schemas", RepoPaths.IwmoSchemas, "--format", "json"], ("BACKOFFICE_Inbox__MaxReadAttempts", "3"));
                outcomes.Add(System.Text.Json.JsonDocument.Parse(output).RootElement[0].GetProperty("outcome").GetString()!);
                Assert.That(exit, Is.EqualTo(attempt < 3 ? ExitCodes.Findings : ExitCodes.Ok), output);
            }

            Assert.That(outcomes, Is.EqualTo(new[] { InputOutcomes.Failed, InputOutcomes.Failed, InputOutcomes.GivenUp }));
            Assert.That(File.Exists(locked), Is.False);
            var setAside = Directory.EnumerateFiles(Path.Combine(data, "quarantine"), "unread-*.xml").Single();
            Assert.That(File.ReadAllText(setAside + SetAside.ReasonSuffix), Does.Contain("could not be read").And.Contain("Attempts:   3"));
            var (_, queue, _) = await RunAsNobodyAsync(["queue", "--data", data]);
            Assert.That(queue, Does.Contain("[unreadable-file]").And.Contain("locked.xml"));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    // 14. Stopping the service stops between messages, not after the whole backlog.
    [Test]
    public async Task Stopping_run_ends_between_messages_and_leaves_the_rest_in_the_inbox()
    {
        using var service = new ServiceHarness();
        for (var i = 0; i < 150; i++)
        {
            Settle(service.Drop($"m{i:D3}.xml", Samples.AcceptedRequest(i)));
        }

        using var stop = new CancellationTokenSource();
        var running = BackofficeCli.RunAsync(["run", "--data", service.DataDirectory, "--schemas", RepoPaths.IwmoSchemas], TextWriter.Null, TextWriter.Null, stop.Token);
        for (var i = 0; i < 600 && !Directory.EnumerateFiles(service.Processed).Any(); i++)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        Assert.That(await running.WaitAsync(TimeSpan.FromMinutes(1)), Is.EqualTo(ExitCodes.Ok));

        var done = Directory.EnumerateFiles(service.Processed).Count();
        Assert.That(done, Is.GreaterThan(0));
        Assert.That(Directory.EnumerateFiles(service.Inbox).Count(), Is.EqualTo(150 - done), "the rest waits for the next start");
        Assert.That(await ScalarAsync<long>(service, "SELECT COUNT(*) FROM message WHERE status <> 'processed'"), Is.Zero, "the message in hand was finished");
        Assert.That(await ScalarAsync<long>(service, "SELECT COUNT(*) FROM message"), Is.EqualTo(done));
    }

    [System.Text.RegularExpressions.GeneratedRegex("<iwmo:Identificatie>[^<]*</iwmo:Identificatie>")]
    private static partial System.Text.RegularExpressions.Regex IdentificatieValue();

    private static async Task ClaimFirstMessageAsync(ServiceHarness service, string name, string owner, TimeSpan lease)
    {
        var path = Path.Combine(service.Inbox, name);
        await using (var content = File.OpenRead(path))
        {
            await service.Get<MessageIntakeStore>().ReceiveAsync(
                content, new IntakeSource(InboxBatch.Channel, name, TimeProvider.System.GetUtcNow(), FileIdentity.Lstat(path)!.Value.Key), CancellationToken.None);
        }

        var now = TimeProvider.System.GetUtcNow();
        await using var connection = new SqliteConnection($"Data Source={service.Database}");
        await connection.ExecuteAsync(
            "UPDATE message SET status = 'processing', claimed_by = @owner, claimed_at = @now, lease_until = @until",
            new { owner, now = now.UtcDateTime, until = (now + lease).UtcDateTime });
    }

    private static int DeadProcessId()
    {
        using var process = System.Diagnostics.Process.Start("true")!;
        process.WaitForExit();
        return process.Id;
    }

    /// <summary>A file dropped by a test is complete: dated back past the CLI's default settle period.</summary>
    private static void Settle(string path) => File.SetLastWriteTimeUtc(path, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1));

    private static async Task<(int Exit, string Output, string Error)> RunAsNobodyAsync(string[] args, params (string Name, string Value)[] environment)
    {
        var start = new System.Diagnostics.ProcessStartInfo("setpriv") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--reuid=65534", "--regid=65534", "--clear-groups", "--", Path.Combine(AppContext.BaseDirectory, "backoffice") }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["BACKOFFICE_Log__MinimumLevel"] = "Warning";
        start.Environment["HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await output, await error);
    }
}
