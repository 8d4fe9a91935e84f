using Backoffice.Core.Validation;
using Backoffice.Data.Answers;
using Backoffice.Data.Audit;
using Backoffice.Data.Intake;
using Backoffice.Data.Staff;
using Backoffice.Data.Tests.Processing;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Audit;

/// <summary>One message's story read back from the store, on SQLite and (when given) SQL Server: the same SELECTs on both.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class MessageStoryStoreTests(DatabaseProvider provider) : MessageStoreFixture(provider)
{
    [Test]
    public async Task The_story_holds_every_delivery_the_findings_the_answer_the_tasks_and_the_events_in_order()
    {
        var id = await ReceiveAsync("story");
        using (var again = TestContent.Xml("story"))
        {
            await IntakeStore.ReceiveAsync(again, new IntakeSource("inbox", "again.xml", T0.AddMinutes(2)), CancellationToken.None);
        }

        Assert.That(await ClaimAsync(id, "instance-a", T0), Is.True);
        var actor = AuditActor.System("process");
        var answers = new AnswerStore(Database.Connections, actor);
        var answer = new StoredAnswer(id, "WMO325", "R00000000001", new DateOnly(2026, 3, 2), "0200 9338", "WMO325-R00000000001.xml", [1, 2, 3], T0.AddMinutes(1));
        await using (var connection = await Database.Connections.OpenAsync(CancellationToken.None))
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var outcome = Outcome(id, [new Finding(3, "TR338", "9338", "/Bericht/Declaratie", 4, 2, "No allocation.")]) with { AnswerDueOn = new DateOnly(2026, 3, 16) };
            Assert.That(await Verdicts.RecordOutcomeAsync(transaction, outcome, "instance-a", CancellationToken.None), Is.True);
            await AnswerStore.InsertAsync(transaction, answer, CancellationToken.None);
            await transaction.CommitAsync();
        }

        await new StaffTaskStore(Database.Connections, actor).RecordAsync(new StaffTask("held:x", StaffTaskKinds.HeldMessage, id, "Held", "detail", T0.AddMinutes(3), new DateOnly(2026, 3, 5)), CancellationToken.None);
        await answers.MarkWrittenAsync([answer], T0.AddMinutes(4), CancellationToken.None);

        var story = await new MessageStoryStore(Database.Connections, Summaries).GetAsync(id, CancellationToken.None);

        Assert.That(story, Is.Not.Null);
        Assert.That(story!.Deliveries.Select(d => (d.OriginalName, d.IsDuplicate)), Is.EqualTo(new[] { ("story.xml", false), ("again.xml", true) }));
        Assert.That(story.AnswerDueOn, Is.EqualTo(new DateOnly(2026, 3, 16)));
        Assert.That(story.Message.Findings.Select(f => f.Retourcode), Is.EqualTo(new[] { "9338" }));
        Assert.That(story.Answer, Is.Not.Null);
        Assert.That((story.Answer!.Type, story.Answer.Retourcodes, story.Answer.FileName, story.Answer.WrittenAt), Is.EqualTo(("WMO325", "0200 9338", "WMO325-R00000000001.xml", (DateTimeOffset?)T0.AddMinutes(4))));
        Assert.That(story.Tasks.Select(t => (t.Key, t.DueOn, t.ClosedAt)), Is.EqualTo(new[] { ("held:x", (DateOnly?)new DateOnly(2026, 3, 5), (DateTimeOffset?)null) }));
        Assert.That(story.Register, Is.EqualTo(new StoryRegister(0, 0, 0, 0, 0, null)));
        Assert.That(story.Declaration, Is.Null);
        Assert.That(story.Events.Select(e => e.Action), Is.EqualTo(new[] { AuditActions.Received, AuditActions.DeliveredAgain, AuditActions.TaskOpened, AuditActions.AnswerWritten }));
        Assert.That(story.Events.Select(e => e.OccurredAt), Is.Ordered);
        Assert.That(await new MessageStoryStore(Database.Connections, Summaries).GetAsync(id + 100, CancellationToken.None), Is.Null);
    }
}
