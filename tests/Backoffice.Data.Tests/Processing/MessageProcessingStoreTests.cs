using Backoffice.Core.Standard;
using Backoffice.Core.Validation;
using Backoffice.Data.Intake;
using Backoffice.Data.Processing;
using Dapper;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Processing;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class MessageProcessingStoreTests(DatabaseProvider provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private static readonly string[] NoneGone = [];

    private TestDatabase database = null!;
    private MessageIntakeStore intake = null!;
    private MessageProcessingStore store = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = await TestDatabase.CreateAsync(provider);
        intake = new MessageIntakeStore(database.Connections);
        store = new MessageProcessingStore(database.Connections);
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
    public async Task Pending_lists_received_messages_oldest_first_up_to_max()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await ReceiveAsync($"m{i}"));
        }

        Assert.That(await store.ListPendingAsync(3, T0, NoneGone, CancellationToken.None), Is.EqualTo(ids.Take(3)));
        Assert.That(await store.ListPendingAsync(100, T0, NoneGone, CancellationToken.None), Is.EqualTo(ids));
    }

    [Test]
    public async Task A_live_lease_blocks_every_other_claim_even_the_holders_own()
    {
        var id = await ReceiveAsync();

        Assert.That(await ClaimAsync(id, "instance-a", T0), Is.True);
        Assert.That(await ClaimAsync(id, "instance-b", T0.AddSeconds(1)), Is.False);
        Assert.That(await ClaimAsync(id, "instance-a", T0.AddSeconds(2)), Is.False, "not even by the holder");

        var summary = await store.GetAsync(id, CancellationToken.None);
        Assert.That(summary!.Status, Is.EqualTo(MessageStatuses.Processing));
        Assert.That(summary.ClaimedBy, Is.EqualTo("instance-a"));
        Assert.That(summary.ClaimedAt, Is.EqualTo(T0));
        Assert.That(await store.ListPendingAsync(10, T0.AddMinutes(1), NoneGone, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Concurrent_claims_on_the_same_message_have_exactly_one_winner()
    {
        var id = await ReceiveAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => ClaimAsync(id, $"instance-{i}", T0))));

        Assert.That(results.Count(won => won), Is.EqualTo(1));
        var winner = $"instance-{Array.IndexOf(results, true)}";
        Assert.That((await store.GetAsync(id, CancellationToken.None))!.ClaimedBy, Is.EqualTo(winner));
    }

    [Test]
    public async Task Concurrent_takeovers_of_an_expired_lease_have_exactly_one_winner()
    {
        var id = await ReceiveAsync();
        Assert.That(await ClaimAsync(id, "crashed", T0), Is.True);
        var later = T0 + Lease + TimeSpan.FromSeconds(1);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => ClaimAsync(id, $"instance-{i}", later))));

        Assert.That(results.Count(won => won), Is.EqualTo(1));
        Assert.That((await store.GetAsync(id, CancellationToken.None))!.ClaimedBy, Is.EqualTo($"instance-{Array.IndexOf(results, true)}"));
    }

    [Test]
    public async Task An_expired_lease_is_pending_again_and_is_taken_over_but_a_live_one_is_not()
    {
        var id = await ReceiveAsync();
        Assert.That(await ClaimAsync(id, "crashed", T0), Is.True);

        var justBefore = T0 + Lease - TimeSpan.FromSeconds(1);
        Assert.That(await store.ListPendingAsync(10, justBefore, NoneGone, CancellationToken.None), Is.Empty);
        Assert.That(await ClaimAsync(id, "other", justBefore), Is.False);

        var after = T0 + Lease + TimeSpan.FromSeconds(1);
        Assert.That(await store.ListPendingAsync(10, after, NoneGone, CancellationToken.None), Is.EqualTo(new[] { id }));
        Assert.That(await ClaimAsync(id, "other", after), Is.True);
        var summary = await store.GetAsync(id, CancellationToken.None);
        Assert.That(summary!.ClaimedBy, Is.EqualTo("other"));
        Assert.That(summary.ClaimedAt, Is.EqualTo(after), "the claim time is that of the takeover");
        Assert.That(await store.ListPendingAsync(10, after, NoneGone, CancellationToken.None), Is.Empty, "the new lease is live");
    }

    [Test]
    public async Task Lease_expiry_is_exact_below_a_second()
    {
        var id = await ReceiveAsync();
        var claimedAt = T0.AddMilliseconds(900);
        Assert.That(await ClaimAsync(id, "a", claimedAt), Is.True);
        var leaseUntil = claimedAt + Lease;

        Assert.That(await store.ListPendingAsync(10, leaseUntil - TimeSpan.FromMilliseconds(1), NoneGone, CancellationToken.None), Is.Empty);
        Assert.That(await store.ListPendingAsync(10, leaseUntil, NoneGone, CancellationToken.None), Is.Empty, "a lease holds up to and including its end");
        Assert.That(await store.ListPendingAsync(10, leaseUntil + TimeSpan.FromMilliseconds(1), NoneGone, CancellationToken.None), Is.EqualTo(new[] { id }));
        Assert.That(await ClaimAsync(id, "b", leaseUntil), Is.False);
        Assert.That(await ClaimAsync(id, "b", leaseUntil + TimeSpan.FromMilliseconds(1)), Is.True);
        Assert.That((await store.GetAsync(id, CancellationToken.None))!.ClaimedAt, Is.EqualTo(leaseUntil + TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public async Task A_gone_owner_is_taken_over_at_once_even_with_a_live_lease()
    {
        var id = await ReceiveAsync();
        var other = await ReceiveAsync("other");
        Assert.That(await ClaimAsync(id, "crashed", T0), Is.True);
        Assert.That(await ClaimAsync(other, "alive", T0), Is.True);
        var soon = T0.AddSeconds(5);

        Assert.That(await store.ListPendingAsync(10, soon, ["someone-else"], CancellationToken.None), Is.Empty, "only the owner's being gone counts");
        Assert.That(await store.TryClaimAsync(id, "b", soon, soon + Lease, ["someone-else"], CancellationToken.None), Is.False);

        string[] gone = ["gone-1", "crashed", "gone-2"];
        Assert.That(await store.ListPendingAsync(10, soon, gone, CancellationToken.None), Is.EqualTo(new[] { id }), "the live owner's claim stays");
        Assert.That(await store.TryClaimAsync(other, "b", soon, soon + Lease, gone, CancellationToken.None), Is.False);
        Assert.That(await store.TryClaimAsync(id, "b", soon, soon + Lease, gone, CancellationToken.None), Is.True);
        Assert.That((await store.GetAsync(id, CancellationToken.None))!.ClaimedBy, Is.EqualTo("b"));
        Assert.That(await store.RecordOutcomeAsync(Outcome(id, []), "crashed", CancellationToken.None), Is.False, "the gone owner, back after all, answers nothing");
    }

    [Test]
    public async Task A_claim_from_before_leases_counts_as_run_out()
    {
        var id = await ReceiveAsync();
        Assert.That(await ClaimAsync(id, "old-version", T0), Is.True);
        await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
        {
            // What migration 0002 leaves for a message that was being processed when it ran.
            await connection.ExecuteAsync("UPDATE message SET lease_until = NULL WHERE id = @id", new { id });
        }

        Assert.That(await store.ListPendingAsync(10, T0.AddSeconds(1), NoneGone, CancellationToken.None), Is.EqualTo(new[] { id }));
        Assert.That(await ClaimAsync(id, "new-version", T0.AddSeconds(1)), Is.True);
    }

    [Test]
    public async Task Renewing_extends_the_lease_only_for_its_owner()
    {
        var id = await ReceiveAsync();
        Assert.That(await ClaimAsync(id, "owner", T0), Is.True);
        var firstEnd = T0 + Lease;

        Assert.That(await store.RenewLeaseAsync(id, "intruder", firstEnd + Lease, CancellationToken.None), Is.False, "not the intruder's claim");
        Assert.That(await store.ListPendingAsync(10, firstEnd.AddSeconds(1), NoneGone, CancellationToken.None), Is.EqualTo(new[] { id }), "the intruder extended nothing");

        Assert.That(await store.RenewLeaseAsync(id, "owner", firstEnd + Lease, CancellationToken.None), Is.True);
        Assert.That(await store.ListPendingAsync(10, firstEnd.AddSeconds(1), NoneGone, CancellationToken.None), Is.Empty, "the owner's renewal holds past the first end");
        Assert.That(await ClaimAsync(id, "intruder", firstEnd.AddSeconds(1)), Is.False);
        var summary = await store.GetAsync(id, CancellationToken.None);
        Assert.That(summary!.ClaimedBy, Is.EqualTo("owner"));
        Assert.That(summary.ClaimedAt, Is.EqualTo(T0), "renewing does not move the claim time");

        Assert.That(await ClaimAsync(id, "intruder", firstEnd + Lease + TimeSpan.FromSeconds(1)), Is.True, "the renewed lease runs out in its turn");
        Assert.That(await store.RenewLeaseAsync(id, "owner", firstEnd + Lease + Lease, CancellationToken.None), Is.False, "a taken-over claim is no longer the owner's to renew");
        Assert.That(await store.RenewLeaseAsync(id, "intruder", firstEnd + Lease + Lease, CancellationToken.None), Is.True);
    }

    [Test]
    public async Task Renewing_a_message_that_is_not_being_processed_does_nothing()
    {
        var received = await ReceiveAsync("received");
        var processed = await ReceiveAsync("processed");
        Assert.That(await ClaimAsync(processed, "a", T0), Is.True);
        Assert.That(await store.RecordOutcomeAsync(Outcome(processed, []), "a", CancellationToken.None), Is.True);

        Assert.That(await store.RenewLeaseAsync(received, "a", T0 + Lease, CancellationToken.None), Is.False);
        Assert.That(await store.RenewLeaseAsync(processed, "a", T0 + Lease, CancellationToken.None), Is.False);
        Assert.That(await store.RenewLeaseAsync(424242, "a", T0 + Lease, CancellationToken.None), Is.False);
        Assert.That((await store.GetAsync(received, CancellationToken.None))!.Status, Is.EqualTo(MessageStatuses.Received));
        Assert.That((await store.GetAsync(processed, CancellationToken.None))!.Status, Is.EqualTo(MessageStatuses.Processed));
    }

    [Test]
    public async Task Claim_owners_are_the_instances_holding_a_claim_live_or_not()
    {
        var a = await ReceiveAsync("a");
        var b = await ReceiveAsync("b");
        var c = await ReceiveAsync("c");
        var done = await ReceiveAsync("done");
        await ReceiveAsync("unclaimed");
        Assert.That(await ClaimAsync(a, "instance-1", T0), Is.True);
        Assert.That(await ClaimAsync(b, "instance-1", T0), Is.True);
        Assert.That(await ClaimAsync(c, "instance-2", T0 - Lease - Lease), Is.True, "long expired, still an owner");
        Assert.That(await ClaimAsync(done, "instance-3", T0), Is.True);
        Assert.That(await store.RecordOutcomeAsync(Outcome(done, []), "instance-3", CancellationToken.None), Is.True);

        var owners = await store.ListClaimOwnersAsync(CancellationToken.None);

        Assert.That(owners, Is.EquivalentTo(new[] { "instance-1", "instance-2" }));
    }

    [Test]
    public async Task A_lease_that_ends_before_it_starts_is_a_bug_and_throws()
    {
        var id = await ReceiveAsync();

        Assert.That(() => store.TryClaimAsync(id, "a", T0, T0, NoneGone, CancellationToken.None), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => store.TryClaimAsync(id, "a", T0, T0.AddSeconds(-1), NoneGone, CancellationToken.None), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That((await store.GetAsync(id, CancellationToken.None))!.Status, Is.EqualTo(MessageStatuses.Received));
    }

    [Test]
    public async Task An_outcome_with_findings_round_trips_and_the_message_is_done()
    {
        var id = await ReceiveAsync();
        Assert.That(await ClaimAsync(id, "instance-a", T0), Is.True);
        Finding[] findings =
        [
            new(1, "XSD", "0001", "/Bericht/Header/Dagtekening", 3, 17, "The element 'Dagtekening' has an invalid value."),
            new(3, "TR338", "9338", "/Bericht/Prestaties/Prestatie[2]", 40, 5, "No allocation matches this prestatie."),
            new(2, null, null, null, null, null, "Declaratie totaalbedrag klopt niet — € 12,50 verschil."),
        ];
        var outcome = new MessageOutcome(
            id, "iWmo 3.2", "WMO323", 446, "12345678", "0363", "DECL-0001", new DateOnly(2026, 2, 28),
            Outcomes.Rejected, "2 prestaties afgewezen", findings, T0.AddMinutes(2).ToOffset(TimeSpan.FromHours(2)));

        Assert.That(await store.RecordOutcomeAsync(outcome, "instance-a", CancellationToken.None), Is.True);

        var summary = await store.GetAsync(id, CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(summary!.Status, Is.EqualTo(MessageStatuses.Processed));
            Assert.That(summary.Standard, Is.EqualTo("iWmo 3.2"));
            Assert.That(summary.MessageType, Is.EqualTo("WMO323"));
            Assert.That(summary.BerichtCode, Is.EqualTo(446));
            Assert.That(summary.Sender, Is.EqualTo("12345678"));
            Assert.That(summary.Receiver, Is.EqualTo("0363"));
            Assert.That(summary.Identificatie, Is.EqualTo("DECL-0001"));
            Assert.That(summary.Dagtekening, Is.EqualTo(new DateOnly(2026, 2, 28)));
            Assert.That(summary.Outcome, Is.EqualTo(Outcomes.Rejected));
            Assert.That(summary.OutcomeReason, Is.EqualTo("2 prestaties afgewezen"));
            Assert.That(summary.ProcessedAt, Is.EqualTo(T0.AddMinutes(2)));
            Assert.That(summary.Findings, Is.EqualTo(findings));
        });
        Assert.That(await store.ListPendingAsync(10, T0.AddDays(1), NoneGone, CancellationToken.None), Is.Empty, "processed is never pending, even long after");
        Assert.That(await ClaimAsync(id, "instance-b", T0.AddDays(1)), Is.False);
        Assert.That(await store.RecordOutcomeAsync(outcome, CancellationToken.None), Is.False, "answered once");
    }

    [Test]
    public async Task An_outcome_for_an_unclaimed_message_is_refused_and_writes_nothing()
    {
        var id = await ReceiveAsync();

        var written = await store.RecordOutcomeAsync(Outcome(id, [new(2, "TR001", "0001", null, null, null, "x")]), CancellationToken.None);

        Assert.That(written, Is.False);
        var summary = await store.GetAsync(id, CancellationToken.None);
        Assert.That(summary!.Status, Is.EqualTo(MessageStatuses.Received));
        Assert.That(summary.Findings, Is.Empty);
    }

    [Test]
    public async Task A_late_outcome_from_an_instance_whose_claim_was_taken_over_is_refused()
    {
        var id = await ReceiveAsync();
        Assert.That(await ClaimAsync(id, "slow", T0), Is.True);
        Assert.That(await ClaimAsync(id, "fast", T0 + Lease + TimeSpan.FromMinutes(1)), Is.True);

        Assert.That(await store.RecordOutcomeAsync(Outcome(id, [new(3, "TR338", "9338", null, null, null, "late")]), "slow", CancellationToken.None), Is.False);
        var afterRefusal = await store.GetAsync(id, CancellationToken.None);
        Assert.That(afterRefusal!.Status, Is.EqualTo(MessageStatuses.Processing));
        Assert.That(afterRefusal.Findings, Is.Empty, "the refused outcome wrote no findings");

        Assert.That(await store.RecordOutcomeAsync(Outcome(id, []), "fast", CancellationToken.None), Is.True);
        Assert.That(await store.RecordOutcomeAsync(Outcome(id, []), "slow", CancellationToken.None), Is.False, "nor after the new owner answered");
    }

    [Test]
    public async Task An_outcome_inside_the_callers_transaction_commits_or_rolls_back_with_it()
    {
        var id = await ReceiveAsync();
        Assert.That(await ClaimAsync(id, "a", T0), Is.True);
        var outcome = Outcome(id, [new(3, "TR338", "9338", null, null, null, "no allocation")]);

        await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Assert.That(await store.RecordOutcomeAsync(transaction, outcome, "a", CancellationToken.None), Is.True);
            await transaction.RollbackAsync();
        }

        var afterRollback = await store.GetAsync(id, CancellationToken.None);
        Assert.That(afterRollback!.Status, Is.EqualTo(MessageStatuses.Processing));
        Assert.That(afterRollback.Findings, Is.Empty);

        await using (var connection = await database.Connections.OpenAsync(CancellationToken.None))
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Assert.That(await store.RecordOutcomeAsync(transaction, outcome, "a", CancellationToken.None), Is.True);
            await transaction.CommitAsync();
        }

        var afterCommit = await store.GetAsync(id, CancellationToken.None);
        Assert.That(afterCommit!.Status, Is.EqualTo(MessageStatuses.Processed));
        Assert.That(afterCommit.Findings, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Unreadable_input_with_no_classification_is_recorded()
    {
        var id = await ReceiveAsync();
        Assert.That(await ClaimAsync(id, "a", T0), Is.True);
        var outcome = new MessageOutcome(id, null, null, null, null, null, null, null, Outcomes.Unreadable, "not XML", [], T0);

        Assert.That(await store.RecordOutcomeAsync(outcome, "a", CancellationToken.None), Is.True);

        var summary = await store.GetAsync(id, CancellationToken.None);
        Assert.That(summary!.Outcome, Is.EqualTo(Outcomes.Unreadable));
        Assert.That(summary.MessageType, Is.Null);
        Assert.That(summary.Dagtekening, Is.Null);
    }

    [Test]
    public async Task Overlong_values_read_from_a_message_are_clipped_not_refused()
    {
        var id = await ReceiveAsync();
        Assert.That(await ClaimAsync(id, "a", T0), Is.True);
        var outcome = Outcome(id, []) with { Identificatie = new string('9', 500), Sender = new string('8', 500) };

        Assert.That(await store.RecordOutcomeAsync(outcome, "a", CancellationToken.None), Is.True);

        var summary = await store.GetAsync(id, CancellationToken.None);
        Assert.That(summary!.Identificatie, Has.Length.EqualTo(100));
        Assert.That(summary.Sender, Has.Length.EqualTo(100));
    }

    [Test]
    public void An_unknown_outcome_is_a_bug_and_throws()
    {
        Assert.That(
            () => store.RecordOutcomeAsync(Outcome(1, []) with { Outcome = "maybe" }, CancellationToken.None),
            Throws.ArgumentException);
    }

    [Test]
    public async Task Find_by_sha256_returns_the_message_or_null()
    {
        using var content = TestContent.Xml("find");
        var receipt = await intake.ReceiveAsync(content, new IntakeSource("inbox", "find.xml", T0), CancellationToken.None);

        Assert.That((await store.FindBySha256Async(receipt.Sha256, CancellationToken.None))!.Id, Is.EqualTo(receipt.MessageId));
        Assert.That((await store.FindBySha256Async(receipt.Sha256.ToUpperInvariant(), CancellationToken.None))!.Id, Is.EqualTo(receipt.MessageId));
        Assert.That(await store.FindBySha256Async(new string('0', 64), CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task Unknown_ids_give_null_or_KeyNotFoundException()
    {
        Assert.That(await store.GetAsync(424242, CancellationToken.None), Is.Null);
        Assert.That(() => store.OpenContentAsync(424242, CancellationToken.None), Throws.TypeOf<KeyNotFoundException>());
    }

    [Test]
    public async Task Disposing_the_content_stream_releases_its_connection()
    {
        var id = await ReceiveAsync();

        // Many more opens than a pool holds (SQL Server's default max pool is 100): a leaked
        // connection per stream would exhaust it.
        for (var i = 0; i < 150; i++)
        {
            await using var stream = await store.OpenContentAsync(id, CancellationToken.None);
            Assert.That(stream.ReadByte(), Is.EqualTo('<'));
        }
    }

    [Test]
    public async Task Claiming_and_answering_a_30_MB_message_never_touches_its_bytes()
    {
        const long size = 30L * 1024 * 1024;
        var folder = Path.Combine(database.SqliteFolder ?? Path.GetTempPath(), "large-" + Guid.NewGuid().ToString("N"));
        var path = TestContent.WriteLargeFile(folder, size);
        try
        {
            IntakeReceipt receipt;
            await using (var file = File.OpenRead(path))
            {
                receipt = await intake.ReceiveAsync(file, new IntakeSource("inbox", "large.bin", T0), CancellationToken.None);
            }

            await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
            if (provider == DatabaseProvider.Sqlite)
            {
                // An empty write-ahead log, so that afterwards it holds exactly the pages the claim and the outcome wrote.
                var reset = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>("PRAGMA wal_checkpoint(TRUNCATE);");
                Assert.That(reset.Busy, Is.Zero, "the log could not be reset");
            }

            Assert.That(await ClaimAsync(receipt.MessageId, "a", T0), Is.True);
            Assert.That(await store.RecordOutcomeAsync(Outcome(receipt.MessageId, [new(3, "TR338", "9338", null, null, null, "no allocation")]), "a", CancellationToken.None), Is.True);

            var id = new { id = receipt.MessageId };
            if (provider == DatabaseProvider.Sqlite)
            {
                var written = await connection.QuerySingleAsync<(long Busy, long Log, long Checkpointed)>("PRAGMA wal_checkpoint(PASSIVE);");
                TestContext.Out.WriteLine($"claim + outcome wrote {written.Log} pages to the write-ahead log");
                Assert.Multiple(async () =>
                {
                    // With the bytes in the message row, each UPDATE rewrote the whole record: the claim
                    // alone wrote some 15,000 pages of 4 KB. Now a few pages of message, its index and findings.
                    Assert.That(written.Log, Is.LessThan(32), "pages written by the claim and the outcome");
                    Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM pragma_table_info('message') WHERE name = 'content'"), Is.Zero);
                    Assert.That(await connection.ExecuteScalarAsync<long>("SELECT length(content) FROM message_content WHERE message_id = @id", id), Is.EqualTo(size));
                });
            }
            else
            {
                Assert.That(await connection.ExecuteScalarAsync<long?>("SELECT COL_LENGTH('dbo.message', 'content')"), Is.Null);
                Assert.That(await connection.ExecuteScalarAsync<long>("SELECT DATALENGTH(content) FROM message_content WHERE message_id = @id", id), Is.EqualTo(size));
            }

            string expectedSha;
            await using (var file = File.OpenRead(path))
            {
                expectedSha = (await TestContent.HashAsync(file)).Sha256;
            }

            await using var stored = await store.OpenContentAsync(receipt.MessageId, CancellationToken.None);
            Assert.That(await TestContent.HashAsync(stored), Is.EqualTo((expectedSha, size)), "the bytes read back are those received");
            Assert.That((await store.GetAsync(receipt.MessageId, CancellationToken.None))!.Status, Is.EqualTo(MessageStatuses.Processed));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static MessageOutcome Outcome(long id, IReadOnlyList<Finding> findings) =>
        new(id, "iWmo 3.2", "WMO323", 446, "12345678", "0363", "ID-1", new DateOnly(2026, 3, 1), Outcomes.Accepted, null, findings, T0.AddMinutes(1));

    /// <summary>A claim as the processor takes it: a lease of <see cref="Lease"/> from <paramref name="now"/>, nobody known gone.</summary>
    private Task<bool> ClaimAsync(long id, string instanceId, DateTimeOffset now) =>
        store.TryClaimAsync(id, instanceId, now, now + Lease, NoneGone, CancellationToken.None);

    private async Task<long> ReceiveAsync(string marker = "1")
    {
        using var content = TestContent.Xml(marker);
        var receipt = await intake.ReceiveAsync(content, new IntakeSource("inbox", marker + ".xml", T0), CancellationToken.None);
        return receipt.MessageId;
    }
}
