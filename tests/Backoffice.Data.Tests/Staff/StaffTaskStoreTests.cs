using Backoffice.Data.Intake;
using Backoffice.Data.Staff;
using Dapper;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Staff;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class StaffTaskStoreTests(DatabaseProvider provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private TestDatabase database = null!;
    private StaffTaskStore tasks = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = await TestDatabase.CreateAsync(provider);
        tasks = new StaffTaskStore(database.Connections);
    }

    [TearDown]
    public async Task TearDown()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Test]
    public async Task A_task_is_recorded_once_per_key()
    {
        var task = NewTask("unreadable:inbox:a.xml:key-1", T0, null);

        Assert.That(await tasks.RecordAsync(task, CancellationToken.None), Is.True);
        Assert.That(await tasks.RecordAsync(task with { Subject = "recorded again after a crash", CreatedAt = T0.AddHours(1) }, CancellationToken.None), Is.False);

        var open = await tasks.ListOpenAsync(CancellationToken.None);
        Assert.That(open, Has.Count.EqualTo(1));
        Assert.That(open[0].Subject, Is.EqualTo(task.Subject), "the first recording stands");
        Assert.That(open[0].CreatedAt, Is.EqualTo(T0));
        Assert.That(await RowCountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task Concurrent_recordings_of_one_key_record_it_once()
    {
        var task = NewTask("reject-notice:42", T0, new DateOnly(2026, 3, 9));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => tasks.RecordAsync(task, CancellationToken.None))));

        Assert.That(results.Count(isNew => isNew), Is.EqualTo(1));
        Assert.That(await RowCountAsync(), Is.EqualTo(1));
    }

    [Test]
    public async Task A_task_round_trips_with_its_message_and_due_date()
    {
        using var content = TestContent.Xml("task");
        var receipt = await new MessageIntakeStore(database.Connections).ReceiveAsync(content, new IntakeSource("inbox", "a.xml", T0), CancellationToken.None);
        var task = new StaffTask(
            "reject-notice:" + receipt.MessageId,
            "reject-notice",
            receipt.MessageId,
            "Bericht afgewezen: afzender inlichten",
            "Het bericht is op niveau 1 afgewezen; de afzender krijgt geen retourbericht.",
            T0.ToOffset(TimeSpan.FromHours(1)),
            new DateOnly(2026, 3, 9));

        Assert.That(await tasks.RecordAsync(task, CancellationToken.None), Is.True);

        var stored = (await tasks.ListOpenAsync(CancellationToken.None)).Single();
        Assert.That(stored.Id, Is.GreaterThan(0));
        Assert.That(stored, Is.EqualTo(task with { Id = stored.Id }));
        Assert.That(stored.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero), "timestamps come back as UTC");
        Assert.That(stored.ClosedAt, Is.Null);
    }

    [Test]
    public async Task Open_tasks_are_listed_by_due_date_then_by_creation_and_undated_ones_last()
    {
        var march5 = new DateOnly(2026, 3, 5);
        var march10 = new DateOnly(2026, 3, 10);
        StaffTask[] recorded =
        [
            NewTask("due-10-created-2", T0.AddMinutes(2), march10),
            NewTask("undated-created-0", T0, null),
            NewTask("due-5-created-3", T0.AddMinutes(3), march5),
            NewTask("due-10-created-1", T0.AddMinutes(1), march10),
            NewTask("undated-created-minus-1", T0.AddMinutes(-1), null),
            NewTask("due-10-created-1.5", T0.AddSeconds(90), march10),
        ];
        foreach (var task in recorded)
        {
            Assert.That(await tasks.RecordAsync(task, CancellationToken.None), Is.True);
        }

        var open = await tasks.ListOpenAsync(CancellationToken.None);

        Assert.That(open.Select(task => task.TaskKey), Is.EqualTo(new[]
        {
            "due-5-created-3",
            "due-10-created-1",
            "due-10-created-1.5",
            "due-10-created-2",
            "undated-created-minus-1",
            "undated-created-0",
        }));
    }

    [Test]
    public async Task Closed_tasks_are_not_open_and_their_key_is_still_taken()
    {
        Assert.That(await tasks.RecordAsync(NewTask("closed", T0, null), CancellationToken.None), Is.True);
        Assert.That(await tasks.RecordAsync(NewTask("open", T0, null), CancellationToken.None), Is.True);
        await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync("UPDATE staff_task SET closed_at = created_at WHERE task_key = 'closed'");
        }

        Assert.That((await tasks.ListOpenAsync(CancellationToken.None)).Select(task => task.TaskKey), Is.EqualTo(new[] { "open" }));
        Assert.That(await tasks.RecordAsync(NewTask("closed", T0.AddDays(1), null), CancellationToken.None), Is.False, "a closed task is not reopened by recording it again");
    }

    [Test]
    public async Task An_overlong_subject_is_clipped_but_an_overlong_key_or_kind_is_a_bug()
    {
        Assert.That(await tasks.RecordAsync(NewTask("long-subject", T0, null) with { Subject = new string('s', 1000) }, CancellationToken.None), Is.True);
        Assert.That((await tasks.ListOpenAsync(CancellationToken.None)).Single().Subject, Has.Length.EqualTo(400));

        Assert.That(() => tasks.RecordAsync(NewTask(new string('k', 201), T0, null), CancellationToken.None), Throws.ArgumentException);
        Assert.That(() => tasks.RecordAsync(NewTask("long-kind", T0, null) with { Kind = new string('k', 41) }, CancellationToken.None), Throws.ArgumentException);
        Assert.That(await RowCountAsync(), Is.EqualTo(1));
    }

    private static StaffTask NewTask(string key, DateTimeOffset createdAt, DateOnly? dueOn) =>
        new(key, StaffTaskKinds.UnreadableFile, null, "Inbox file could not be read", "Read failed 3 times: permission denied.", createdAt, dueOn);

    private async Task<long> RowCountAsync()
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM staff_task");
    }
}
