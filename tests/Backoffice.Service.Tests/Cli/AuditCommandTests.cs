using System.Security.Cryptography;
using System.Text.Json;
using Backoffice.Data.Audit;
using Backoffice.Service.Cli;
using Backoffice.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Cli;

/// <summary>
/// The audit trail through the real path, as staff and auditors use it: reference data imported by
/// a person with a reason, a provider's VOT processed by <c>process</c>, staff answering it with
/// <c>answer-request</c>, and <c>backoffice audit</c> telling each message's story from the store.
/// </summary>
public sealed class AuditCommandTests
{
    private const string Provider = "42420001";
    private const string Reference = "Q000001-1";

    private DirectoryInfo root = null!;

    private string Data => Path.Combine(root.FullName, "data");

    [SetUp]
    public async Task SetUp()
    {
        RepoPaths.RequireReference();
        root = Directory.CreateTempSubdirectory("backoffice-audit-");
        var import = await Run("import", "all", RepoPaths.DemoReference, "--data", Data, "--actor", "a.devries", "--why", "initial load of the demo region");
        Assert.That(import.Exit, Is.EqualTo(ExitCodes.Ok), import.Err);
        var inbox = Directory.CreateDirectory(Path.Combine(Data, "inbox")).FullName;
        var request = Path.Combine(inbox, "vot.xml");
        await File.WriteAllBytesAsync(request, Samples.AcceptedRequest(1));
        File.SetLastWriteTimeUtc(request, DateTime.UtcNow.AddMinutes(-5));
        var (exit, output, err) = await Run("process", "--data", Data, "--processing-date", "2026-11-30", "--format", "json", "--schemas", RepoPaths.IwmoSchemas);
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        Assert.That(JsonDocument.Parse(output).RootElement[0].GetProperty("outcome").GetString(), Is.EqualTo("accepted"));
    }

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        root?.Delete(true);
    }

    [Test]
    public async Task A_processed_message_has_its_events_written_by_the_service_in_order()
    {
        var vot = await ScalarAsync<long>("SELECT id FROM message WHERE message_type = 'WMO315'");

        var events = await EventsAsync(vot);

        // The VOT asks for two products: two request lines, each a task to answer it.
        Assert.That(events.Select(e => e.Action), Is.EqualTo(new[] { AuditActions.Received, AuditActions.Verdict, AuditActions.TaskOpened, AuditActions.TaskOpened, AuditActions.AnswerWritten }));
        Assert.That(events.Select(e => e.Actor), Has.All.EqualTo(AuditActor.SystemName));
        Assert.That(events.Select(e => e.Origin), Has.All.StartWith($"process on {Environment.MachineName}/"));
        var verdict = events[1];
        Assert.That(verdict.Subject, Does.StartWith("WMO315 "));
        Assert.That(verdict.Detail, Does.StartWith("accepted at level 4: ").And.Contain("Answer WMO316 R00000000001").And.Contain("Answer due on 2026-12-03.").And.Contain("Register: 2 requests opened."));
        Assert.That((verdict.RuleSet, verdict.SchemaSet), Is.EqualTo(("iwmo-3.2 national", "basis 1.0.0 bericht 1.0.0")));
        Assert.That(events.Skip(2).Take(2).Select(e => e.Subject), Is.EqualTo(new[] { $"request:{Provider}:{Reference}", $"request:{Provider}:Q000001-2" }));
        Assert.That(events[4].Subject, Is.EqualTo("WMO316-R00000000001.xml"));
        Assert.That(events.Select(e => e.Why), Has.All.Empty, "the service gives no reason; a person does");
    }

    [Test]
    public async Task Human_actions_say_who_and_why_and_the_story_of_the_319_staff_made_tells_their_decision()
    {
        var answer = await Run("answer-request", Provider, Reference, "--answer", "in-onderzoek", "--data", Data, "--schemas", RepoPaths.IwmoSchemas,
            "--processing-date", "2026-12-01", "--actor", "m.jansen", "--why", "waiting for the indication review");
        Assert.That(answer.Exit, Is.EqualTo(ExitCodes.Ok), answer.Err);
        var own319 = await ScalarAsync<long>("SELECT id FROM message WHERE message_type = 'WMO319'");

        var events = await EventsAsync(own319);
        Assert.That(events.Select(e => (e.Action, e.Actor)), Is.EqualTo(new[]
        {
            (AuditActions.RequestAnswered, "m.jansen"),
            (AuditActions.Received, AuditActor.SystemName),
            (AuditActions.Verdict, AuditActor.SystemName),
            (AuditActions.TaskClosed, AuditActor.SystemName),
            (AuditActions.TaskOpened, AuditActor.SystemName),
            (AuditActions.AnswerWritten, AuditActor.SystemName),
        }));
        Assert.That(events[0].Why, Is.EqualTo("waiting for the indication review"));
        Assert.That(events[0].Subject, Is.EqualTo($"request {Reference} of provider {Provider}"));
        Assert.That(events[0].Detail, Does.Contain("WMO319 (in onderzoek)"));
        Assert.That(events[0].Origin, Does.StartWith("answer-request on "));
        Assert.That(events[3].Subject, Is.EqualTo($"request:{Provider}:{Reference}"));
        Assert.That(events[4].Subject, Is.EqualTo($"request-final:{Provider}:{Reference}"));

        var imports = (await QueryAsync<(string Action, string Actor, string Why, string Subject)>("SELECT action, actor, why, subject FROM audit_event WHERE action LIKE 'reference-%' ORDER BY id")).ToList();
        Assert.That(imports.Select(i => i.Subject), Is.EqualTo(new[]
        {
            "reference_import 1 (municipalities)", "reference_import 2 (providers)", "reference_import 3 (products)", "reference_import 4 (contracts)", "reference_import 5 (indications)",
        }));
        Assert.That(imports.Select(i => (i.Action, i.Actor, i.Why)), Has.All.EqualTo((AuditActions.ReferenceImported, "a.devries", "initial load of the demo region")));

        var (exit, story, err) = await Run("audit", own319.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", Data);
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        Assert.That(story, Does.Contain("request-answered  by m.jansen (answer-request on ").And.Contain("Why: waiting for the indication review"));
        Assert.That(story, Does.Contain("deadline: none (we owe this message no answer)"), "our own 319 is sent on, not answered");
        Assert.That(story, Does.Contain($"request-final:{Provider}:{Reference}: Final answer due on request {Reference}"), "the task its decision opened");

        // The request's own story shows the staff decision taken on it, and what closed its task.
        var vot = await ScalarAsync<long>("SELECT id FROM message WHERE message_type = 'WMO315'");
        var (votExit, votStory, votErr) = await Run("audit", vot.ToString(System.Globalization.CultureInfo.InvariantCulture), "--data", Data);
        Assert.That(votExit, Is.EqualTo(ExitCodes.Ok), votErr);
        Assert.That(votStory, Does.Contain("Audit trail: 5 events (and 2 of later messages about its tasks and requests, marked with their message)"));
        Assert.That(votStory, Does.Contain($"[message {own319}] request-answered  by m.jansen (answer-request on "));
        Assert.That(votStory, Does.Contain($"[message {own319}] task-closed  by system (answer-request on ").And.Contain($"request:{Provider}:{Reference}: Closed"));
    }

    [Test]
    public async Task The_story_of_a_request_tells_receipt_verdict_answer_deadline_and_task_and_prints_no_BSN()
    {
        var vot = await ScalarAsync<long>("SELECT id FROM message WHERE message_type = 'WMO315'");
        var sha256 = await ScalarAsync<string>("SELECT sha256 FROM message WHERE id = @vot", new { vot });
        var bsn = await ScalarAsync<string>("SELECT bsn FROM request");

        var (exit, story, err) = await Run("audit", $"{vot}", "--data", Data);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        Assert.That(story, Does.StartWith($"Message {vot}: WMO315 from {Provider} to "));
        Assert.That(story, Does.Contain($"sha256 {sha256}").And.Contain("deliveries: 1").And.Contain("as \"vot.xml\""));
        Assert.That(story, Does.Contain("accepted at level 4 on 2026-11-30").And.Contain("rule set: iwmo-3.2 national").And.Contain("schema set: basis 1.0.0 bericht 1.0.0"));
        Assert.That(story, Does.Contain("WMO316 R00000000001 dated 2026-11-30, file WMO316-R00000000001.xml"));
        Assert.That(story, Does.Contain("deadline: due 2026-12-03, met (written 2026-11-30)"));
        Assert.That(story, Does.Contain("Allocation register\n  2 requests opened"));
        Assert.That(story, Does.Contain($"answer-request request:{Provider}:{Reference}: Answer the VOT line {Reference}"));
        Assert.That(story, Does.Contain("Staff tasks: 2").And.Contain("Audit trail: 5 events"));
        Assert.That(story + err, Does.Not.Contain(bsn));

        var (jsonExit, json, _) = await Run("audit", $"{vot}", "--data", Data, "--format", "json");
        Assert.That(jsonExit, Is.EqualTo(ExitCodes.Ok));
        using var document = JsonDocument.Parse(json);
        Assert.That(document.RootElement.GetProperty("deadline").GetProperty("state").GetString(), Is.EqualTo("met"));
        Assert.That(document.RootElement.GetProperty("story").GetProperty("events").GetArrayLength(), Is.EqualTo(5));
        Assert.That(json, Does.Not.Contain(bsn));
    }

    [Test]
    public async Task Raw_writes_the_stored_bytes_exactly_and_an_unknown_id_exits_1()
    {
        var vot = await ScalarAsync<long>("SELECT id FROM message WHERE message_type = 'WMO315'");
        var target = Path.Combine(root.FullName, "raw.xml");

        var (exit, output, err) = await Run("audit", $"{vot}", "--data", Data, "--raw", target, "--actor", "auditor.b", "--why", "sample 2026-Q4");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        Assert.That(await File.ReadAllBytesAsync(target), Is.EqualTo(Samples.AcceptedRequest(1)), "the bytes as delivered");
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(target))), Is.EqualTo(await ScalarAsync<string>("SELECT sha256 FROM message WHERE id = @vot", new { vot })));
        Assert.That(output, Does.Contain($"Raw bytes written: {target}"));
        var export = (await EventsAsync(vot)).Last();
        Assert.That((export.Action, export.Actor, export.Why, export.Subject), Is.EqualTo((AuditActions.RawExported, "auditor.b", "sample 2026-Q4", $"message {vot}")), "a person read the client's data: on record");
        Assert.That(export.Detail, Does.Not.Contain(target), "the person's path is not recorded");
        Assert.That(Directory.EnumerateFiles(root.FullName, ".*"), Is.Empty, "no temporary file is left");

        var unknown = await Run("audit", "4242", "--data", Data, "--raw", Path.Combine(root.FullName, "none.xml"));
        Assert.That(unknown.Exit, Is.EqualTo(ExitCodes.Findings));
        Assert.That(unknown.Err, Does.Contain("there is no message 4242"));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM audit_event WHERE action = 'raw-exported'"), Is.EqualTo(1), "nothing exported, nothing recorded");
        Assert.That(File.Exists(Path.Combine(root.FullName, "none.xml")), Is.False);
    }

    [Test]
    public async Task A_reason_holding_a_BSN_is_refused_before_anything_is_done()
    {
        var before = await ScalarAsync<long>("SELECT COUNT(*) FROM audit_event");

        var (exit, _, err) = await Run("import", "all", RepoPaths.DemoReference, "--data", Data, "--why", "for client 999999990");

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err, Does.Contain("looks like a BSN").And.Not.Contain("999999990"));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM audit_event"), Is.EqualTo(before));

        var again = await Run("import", "providers", Path.Combine(RepoPaths.DemoReference, "providers.csv"), "--data", Data, "--why", "check");
        Assert.That(again.Exit, Is.EqualTo(ExitCodes.Ok), again.Err);
        Assert.That(
            await ScalarAsync<string>("SELECT action || ' ' || why FROM audit_event ORDER BY id DESC LIMIT 1"),
            Is.EqualTo(AuditActions.ReferenceImportUnchanged + " check"),
            "an import that changed nothing is still a person's action on record");
    }

    [Test]
    public async Task Migrate_is_a_persons_action_on_record_also_when_nothing_was_due()
    {
        var (exit, output, err) = await Run("migrate", "--data", Data, "--actor", "ops.k", "--why", "release 2026.12");

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        Assert.That(output, Does.Contain("database is current"));
        var rows = (await QueryAsync<(string Actor, string Origin, string Detail, string Why)>("SELECT actor, origin, detail, why FROM audit_event WHERE action = 'migrated' ORDER BY id")).ToList();
        Assert.That(rows, Has.Count.EqualTo(2), "the first import's migration (the service) and this run");
        Assert.That(rows[0].Actor, Is.EqualTo(AuditActor.SystemName));
        Assert.That(rows[0].Origin, Does.StartWith("import on "));
        Assert.That(rows[0].Detail, Does.Contain("0009_audit_trail.sql"));
        Assert.That(rows[1], Is.EqualTo(("ops.k", rows[1].Origin, "Already current: nothing applied.", "release 2026.12")));
        Assert.That(rows[1].Origin, Does.StartWith("migrate on "));
    }

    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRun.RunAsync(args);

    private async Task<List<AuditEvent>> EventsAsync(long messageId)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "backoffice.db")}");
        await connection.OpenAsync();
        return [.. await AuditTrail.OfMessageAsync(connection, messageId, CancellationToken.None)];
    }

    private async Task<IEnumerable<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "backoffice.db")}");
        return await connection.QueryAsync<T>(sql, parameters);
    }

    private async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "backoffice.db")}");
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }
}
