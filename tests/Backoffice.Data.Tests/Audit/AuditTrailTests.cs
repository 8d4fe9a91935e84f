using System.Data.Common;
using System.Text;
using System.Text.RegularExpressions;
using Backoffice.Data.Audit;
using Backoffice.Data.Intake;
using Backoffice.Data.Migrations;
using Backoffice.Data.Staff;
using Dapper;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Audit;

/// <summary>
/// The audit trail and the evidence it points to cannot be changed through the application's
/// connection: the database refuses every UPDATE and DELETE (migration 0009), on SQLite always and
/// on SQL Server when BACKOFFICE_TEST_SQLSERVER is set.
/// </summary>
public sealed partial class AuditTrailTests
{
    private static readonly DateTimeOffset At = new(2026, 4, 1, 10, 0, 0, TimeSpan.Zero);

    private static IEnumerable<TestCaseData> Changes()
    {
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.SqlServer })
        {
            yield return new TestCaseData(provider, "UPDATE audit_event SET why = 'rewritten'").SetName($"{provider}: UPDATE audit_event");
            yield return new TestCaseData(provider, "DELETE FROM audit_event").SetName($"{provider}: DELETE audit_event");
            yield return new TestCaseData(provider, "UPDATE message_content SET message_id = message_id").SetName($"{provider}: UPDATE message_content");
            yield return new TestCaseData(provider, "DELETE FROM message_content").SetName($"{provider}: DELETE message_content");
            yield return new TestCaseData(provider, "UPDATE message_delivery SET original_name = 'other.xml'").SetName($"{provider}: UPDATE message_delivery");
            yield return new TestCaseData(provider, "DELETE FROM message_delivery").SetName($"{provider}: DELETE message_delivery");
        }
    }

    [TestCaseSource(nameof(Changes))]
    public async Task The_application_connection_cannot_update_or_delete_audit_rows_or_delivered_bytes(DatabaseProvider provider, string change)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var receipt = await new MessageIntakeStore(database.Connections).ReceiveAsync(
            new MemoryStream(Encoding.UTF8.GetBytes("<x/>")), new IntakeSource("inbox", "m.xml", At), CancellationToken.None);
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var before = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_event WHERE message_id = @id", new { id = receipt.MessageId });
        Assert.That(before, Is.EqualTo(1), "intake wrote its audit row");

        var refused = Assert.ThrowsAsync(Is.InstanceOf<DbException>(), async () => await connection.ExecuteAsync(change));
        Assert.That(refused!.Message, Does.Contain("is append-only"), "a clear error naming the rule");
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_event"), Is.EqualTo(before + 1), "nothing changed (the migration's row and intake's)");
        Assert.That(await connection.ExecuteScalarAsync<string>("SELECT why FROM audit_event WHERE message_id = @id", new { id = receipt.MessageId }), Is.Empty);
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM message_delivery"), Is.EqualTo(1));
        Assert.That(await connection.ExecuteScalarAsync<string>("SELECT original_name FROM message_delivery"), Is.EqualTo("m.xml"));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM message_content"), Is.EqualTo(1));
    }

    [Test]
    public async Task Intake_records_new_bytes_as_received_and_known_bytes_as_delivered_again_in_its_transaction()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var store = new MessageIntakeStore(database.Connections, AuditActor.System("process"));
        var bytes = Encoding.UTF8.GetBytes("<bericht/>");
        var first = await store.ReceiveAsync(new MemoryStream(bytes), new IntakeSource("inbox", "a.xml", At), CancellationToken.None);
        var again = await store.ReceiveAsync(new MemoryStream(bytes), new IntakeSource("inbox", "b.xml", At.AddMinutes(1)), CancellationToken.None);
        Assert.That(
            () => store.ReceiveAsync(new MemoryStream(Encoding.UTF8.GetBytes("<ander/>")), new IntakeSource("inbox", "c.xml", At), CancellationToken.None, beforeCommit: () => throw new IOException("changed while read")),
            Throws.InstanceOf<IOException>());

        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var events = await AuditTrail.OfMessageAsync(connection, first.MessageId, CancellationToken.None);
        Assert.That(again.MessageId, Is.EqualTo(first.MessageId));
        Assert.That(events.Select(e => (e.Action, e.Actor, e.Subject)), Is.EqualTo(new[]
        {
            (AuditActions.Received, AuditActor.SystemName, $"delivery {first.DeliveryId}"),
            (AuditActions.DeliveredAgain, AuditActor.SystemName, $"delivery {again.DeliveryId}"),
        }));
        Assert.That(events[0].Detail, Does.Contain(first.Sha256).And.Contain("10 bytes"));
        Assert.That(events[0].Origin, Does.StartWith("process on " + Environment.MachineName + "/"));
        Assert.That(events[1].OccurredAt, Is.EqualTo(At.AddMinutes(1)));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_event WHERE action IN ('received', 'delivered-again')"), Is.EqualTo(2), "the rolled-back delivery left no audit row");
    }

    [Test]
    public async Task A_task_recorded_on_its_own_is_opened_on_the_audit_trail_once()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        var tasks = new StaffTaskStore(database.Connections, AuditActor.System("process"));
        var task = new StaffTask("unreadable:1:2", StaffTaskKinds.UnreadableFile, null, "Inbox file could not be read", "detail", At, new DateOnly(2026, 4, 6));

        Assert.That(await tasks.RecordAsync(task, CancellationToken.None), Is.True);
        Assert.That(await tasks.RecordAsync(task, CancellationToken.None), Is.False);

        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var rows = (await connection.QueryAsync<(string Action, string Subject, string Detail)>("SELECT action, subject, detail FROM audit_event WHERE action = 'task-opened'")).ToList();
        Assert.That(rows, Is.EqualTo(new[] { (AuditActions.TaskOpened, "unreadable:1:2", "Opened (unreadable-file, due 2026-04-06).") }));
    }

    [Test]
    public void A_persons_reason_with_a_BSN_is_refused_and_one_without_is_kept()
    {
        // 999999990 passes the 11-proef (a test BSN); 123456789 does not.
        Assert.That(() => AuditActor.Person("jan", "client 999999990 called", "import"), Throws.ArgumentException.With.Message.Contains("BSN"));
        Assert.That(() => AuditActor.Person("system", "why", "import"), Throws.ArgumentException);
        Assert.That(() => AuditActor.Person("jan", new string('x', AuditActor.MaxWhy + 1), "import"), Throws.ArgumentException);
        var person = AuditActor.Person(" jan ", " ticket 123456789 ", "import");
        Assert.That((person.Name, person.Why), Is.EqualTo(("jan", "ticket 123456789")));
        Assert.That(person.Origin, Does.StartWith("import on "));
        Assert.That(AuditActor.Person(null, null, "migrate").Name, Is.EqualTo(string.IsNullOrWhiteSpace(Environment.UserName) ? "unknown" : Environment.UserName));
        Assert.That(AuditActor.HoldsBsn("1999999990"), Is.False, "ten digits are not a BSN");
    }

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.SqlServer)]
    public void The_action_check_constraint_allows_exactly_the_audit_vocabulary(DatabaseProvider provider)
    {
        var allowed = DatabaseMigrator.ScriptNames(provider)
            .Select(Migrations.MigrationScriptTests.ReadResource)
            .SelectMany(script => ActionCheck().Matches(script))
            .Select(m => m.Groups[1].Value)
            .LastOrDefault();

        Assert.That(allowed, Is.Not.Null, "a CHECK on audit_event.action exists");
        Assert.That(Quoted().Matches(allowed!).Select(m => m.Groups[1].Value), Is.EquivalentTo(AuditActions.All));
        Assert.That(AuditActions.Human, Is.SubsetOf(AuditActions.All));
    }

    [GeneratedRegex(@"CHECK\s*\(action\s+IN\s*\(([^)]*)\)", RegexOptions.IgnoreCase)]
    private static partial Regex ActionCheck();

    [GeneratedRegex("'([^']*)'")]
    private static partial Regex Quoted();
}
