using System.Text;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.Core.Validation;
using Backoffice.Data.Answers;
using Backoffice.Data.Processing;
using Backoffice.Data.Staff;
using Backoffice.Service.Intake;
using Backoffice.Service.Processing;
using Backoffice.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Processing;

/// <summary>
/// The answer path end to end on a real SQLite file: level 2 in processing, exactly one
/// header-only 0001 answer per provider message that fails it, written to the outbox from the
/// committed row; nothing for the rest; staff tasks for what no retour can carry.
/// </summary>
public sealed class AnswerPathTests
{
    private static readonly DateOnly ProcessingDate = new(2026, 11, 27); // a Friday

    [SetUp]
    public void RequireSamples() => RepoPaths.RequireReference();

    private static byte[] BrokenBsn(string sample) =>
        Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), sample)).Replace(">999900006<", ">999900007<", StringComparison.Ordinal));

    private static async Task<IReadOnlyList<InputResult>> RunAsync(ServiceHarness service) =>
        (await service.Get<InboxBatch>().RunAsync(TimeSpan.Zero, CancellationToken.None)).Results;

    private static string Outbox(ServiceHarness service) => Path.Combine(service.DataDirectory, "outbox");

    [Test]
    public async Task Each_broken_provider_message_gets_one_header_only_0001_answer_and_the_accepted_ones_theirs()
    {
        using var service = new ServiceHarness(processingDate: ProcessingDate);
        foreach (var sample in new[] { "WMO305.xml", "WMO307.xml", "WMO315.xml", "WMO323.xml" })
        {
            service.Drop("broken-" + sample, BrokenBsn(sample));
        }

        service.DropSample("WMO323.xml");
        service.Drop("WMO315.xml", Samples.AcceptedRequest(1));

        var results = await RunAsync(service);

        var broken = results.Where(r => r.Input.StartsWith("broken-", StringComparison.Ordinal)).ToList();
        Assert.That(broken.Select(r => r.Outcome), Is.All.EqualTo(Outcomes.Rejected));
        Assert.That(broken.SelectMany(r => r.Findings).Select(f => (f.Level, f.Rule, f.Retourcode)), Is.All.EqualTo((2, "CS002", "0001")));
        // An accepted 315 is answered with a 316 that holds only the header and no retourcodes; the
        // reference 323 is checked against a register without its allocations and gets its 325.
        var request = results.Single(r => r.Input == "WMO315.xml");
        Assert.That((request.Outcome, Path.GetFileName(request.RetourFile)?[..6]), Is.EqualTo((Outcomes.Accepted, "WMO316")));
        var declaration = results.Single(r => r.Input == "WMO323.xml");
        Assert.That((declaration.Outcome, Path.GetFileName(declaration.RetourFile)?[..6]), Is.EqualTo((Outcomes.Accepted, "WMO325")));

        var files = Directory.EnumerateFiles(Outbox(service)).Order(StringComparer.Ordinal).ToList();
        Assert.That(files.Select(Path.GetFileName), Is.EquivalentTo(broken.Append(request).Append(declaration).Select(r => Path.GetFileName(r.RetourFile))));
        var schemas = SchemaCatalogue.Load(RepoPaths.IwmoSchemas);
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            Assert.That(new MessageValidator(schemas).Validate(stream, MessageScope.AnyDirection).Findings, Is.Empty, file);
            var xml = File.ReadAllText(file);
            var isBroken = broken.Any(r => r.RetourFile == file);
            Assert.That(xml.Contains("RetourCode>0001<", StringComparison.Ordinal), Is.EqualTo(isBroken), file);
            Assert.That(xml, Does.Contain("2026-11-27"), "dated on the processing date");
            if (file != declaration.RetourFile)
            {
                Assert.That(xml, Does.Not.Contain("Client>"), "header only");
            }
        }

        Assert.That(files.Select(f => Path.GetFileName(f)![..6]), Is.EquivalentTo(new[] { "WMO306", "WMO308", "WMO316", "WMO316", "WMO325", "WMO325" }));
    }

    [Test]
    public async Task A_rescan_or_a_redelivery_never_makes_a_second_answer()
    {
        using var service = new ServiceHarness(leaveFiles: true, processingDate: ProcessingDate);
        service.Drop("broken.xml", BrokenBsn("WMO305.xml"));

        var first = (await RunAsync(service)).Single();
        var again = (await RunAsync(service)).Single();
        service.Drop("broken-again.xml", BrokenBsn("WMO305.xml"));
        var redelivered = (await RunAsync(service)).Single(r => r.Input == "broken-again.xml");

        Assert.That(first.RetourFile, Is.Not.Null);
        Assert.That(again.Outcome, Is.EqualTo(InputOutcomes.Unchanged));
        Assert.That(redelivered.Outcome, Is.EqualTo(InputOutcomes.Duplicate));
        Assert.That(redelivered.RetourFile, Is.EqualTo(first.RetourFile), "the duplicate points at the one answer");
        Assert.That(Directory.EnumerateFiles(Outbox(service)), Has.Exactly(1).Items);
    }

    [Test]
    public async Task An_answer_committed_but_not_written_is_written_by_the_next_run_once()
    {
        using var service = new ServiceHarness(processingDate: ProcessingDate);
        // The answer cannot be written: a folder stands where its file should go (message 1's 308).
        var inTheWay = Directory.CreateDirectory(Path.Combine(Outbox(service), "WMO308-R00000000001.xml")).FullName;
        service.Drop("broken.xml", BrokenBsn("WMO307.xml"));

        var result = (await RunAsync(service)).Single();

        Assert.That(result.Outcome, Is.EqualTo(Outcomes.Rejected), "the verdict and the answer are committed");
        Assert.That(result.RetourFile, Is.Null, "not written yet");
        var answers = service.Get<AnswerStore>();
        Assert.That(await answers.ListUnwrittenAsync(CancellationToken.None), Has.Count.EqualTo(1));

        Directory.Delete(inTheWay);
        await RunAsync(service);

        Assert.That(await answers.ListUnwrittenAsync(CancellationToken.None), Is.Empty);
        var stored = await answers.GetAsync(result.MessageId!.Value, CancellationToken.None);
        Assert.That(File.ReadAllBytes(Path.Combine(Outbox(service), stored!.FileName)), Is.EqualTo(stored.Content), "written from the committed row");
        Assert.That(Directory.EnumerateFileSystemEntries(Outbox(service)), Has.Exactly(1).Items, "no temporary left, no second file");
    }

    [Test]
    public async Task Our_own_301_that_fails_level_2_is_refused_not_answered_and_listed_for_staff()
    {
        using var service = new ServiceHarness(processingDate: ProcessingDate);
        service.Drop("own.xml", BrokenBsn("WMO301.xml"));

        var result = (await RunAsync(service)).Single();

        Assert.That(result.Outcome, Is.EqualTo(Outcomes.Rejected));
        Assert.That(result.RetourFile, Is.Null);
        Assert.That(Directory.Exists(Outbox(service)) ? Directory.EnumerateFiles(Outbox(service)) : [], Is.Empty);
        var task = (await service.Get<StaffTaskStore>().ListOpenAsync(CancellationToken.None)).Single();
        Assert.That(task.Kind, Is.EqualTo(StaffTaskKinds.RefusedOwnMessage));
        Assert.That(task.MessageId, Is.EqualTo(result.MessageId));
        Assert.That(task.Detail, Does.Contain("CS002").And.Not.Contain("999900007"));
    }

    [Test]
    public async Task A_level_1_rejection_keeps_its_transport_code_and_asks_staff_to_tell_the_sender_within_3_working_days()
    {
        using var service = new ServiceHarness(processingDate: ProcessingDate);
        service.Drop("not-xml.xml", Encoding.UTF8.GetBytes("this is not xml"));

        var result = (await RunAsync(service)).Single();

        Assert.That(result.Outcome, Is.EqualTo(Outcomes.Unreadable));
        await using var connection = new SqliteConnection($"Data Source={service.Database}");
        Assert.That(await connection.ExecuteScalarAsync<string>("SELECT transport_error FROM message"), Is.EqualTo("IB001"));
        var task = (await service.Get<StaffTaskStore>().ListOpenAsync(CancellationToken.None)).Single();
        Assert.That(task.Kind, Is.EqualTo(StaffTaskKinds.TellSender));
        Assert.That(task.DueOn, Is.EqualTo(new DateOnly(2026, 12, 2)), "Friday + 3 working days = Wednesday (OP090)");
        Assert.That(task.Subject, Does.Contain("IB001"));
    }

    [Test]
    public async Task A_declaration_that_passes_level_2_is_checked_against_the_register_and_answered_with_its_325()
    {
        using var service = new ServiceHarness(processingDate: ProcessingDate);
        // The reference sample's allocations are not in the demo register: every line is rejected (TR338).
        service.DropSample("WMO323.xml");

        var result = (await RunAsync(service)).Single();

        var stored = await service.Get<MessageSummaries>().GetAsync(result.MessageId!.Value, CancellationToken.None);
        Assert.That((stored!.Outcome, stored.CheckedLevel, stored.AnswerFile?[..6]), Is.EqualTo((Outcomes.Accepted, (int?)4, "WMO325")));
        Assert.That(stored.OutcomeReason, Does.Contain("prestaties approved").And.Contain("9338"));
        await using var connection = new SqliteConnection($"Data Source={service.Database}");
        Assert.That(await connection.ExecuteScalarAsync<string>("SELECT answer_due_on FROM message"), Is.EqualTo("2026-12-11"), "10 working days (OP090x4)");
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM prestatie_verdict WHERE approved = 0 AND retourcodes LIKE '%9338%'"), Is.GreaterThan(0));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM payment_ledger"), Is.Zero);
    }
}
