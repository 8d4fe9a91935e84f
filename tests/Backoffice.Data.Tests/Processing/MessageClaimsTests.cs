using Backoffice.Data.Processing;
using Dapper;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Processing;

/// <summary>Listing pending messages, claiming one under a lease, renewing it.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class MessageClaimsTests(DatabaseProvider provider) : MessageStoreFixture(provider)
{
    [Test]
    public async Task Pending_lists_received_messages_oldest_first_up_to_max()
    {
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await ReceiveAsync($"m{i}"));
        }

        Assert.That(await Claims.ListPendingAsync(3, T0, NoneGone, CancellationToken.None), Is.EqualTo(ids.Take(3)));
        Assert.That(await Claims.ListPendingAsync(100, T0, NoneGone, CancellationToken.None), Is.EqualTo(ids));
    }

    [Test]
    public async Task A_live_lease_blocks_every_other_claim_even_the_holders_own()
    {
        var id = await ReceiveAsync();

        Assert.That(await ClaimAsync(id, "instance-a", T0), Is.True);
        Assert.That(await ClaimAsync(id, "instance-b", T0.AddSeconds(1)), Is.False);
        Assert.That(await ClaimAsync(id, "instance-a", T0.AddSeconds(2)), Is.False, "not even by the holder");

        var summary = await Summaries.GetAsync(id, CancellationToken.None);
        Assert.That(summary!.Status, Is.EqualTo(MessageStatuses.Processing));
        Assert.That(summary.ClaimedBy, Is.EqualTo("instance-a"));
        Assert.That(summary.ClaimedAt, Is.EqualTo(T0));
        Assert.That(await Claims.ListPendingAsync(10, T0.AddMinutes(1), NoneGone, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task Concurrent_claims_on_the_same_message_have_exactly_one_winner()
    {
        var id = await ReceiveAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Task.Run(() => ClaimAsync(id, $"instance-{i}", T0))));

        Assert.That(results.Count(won => won), Is.EqualTo(1));
        var winner = $"instance-{Array.IndexOf(results, true)}";
        Assert.That((await Summaries.GetAsync(id, CancellationToken.None))!.ClaimedBy, Is.EqualTo(winner));
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
        Assert.That((await Summaries.GetAsync(id, CancellationToken.None))!.ClaimedBy, Is.EqualTo($"instance-{Array.IndexOf(results, true)}"));
    }

    [Test]
    public async Task An_expired_lease_is_pending_again_and_is_taken_over_but_a_live_one_is_not()
    {
        var id = await ReceiveAsync();
        Assert.That(await ClaimAsync(id, "crashed", T0), Is.True);

        var justBefore = T0 + Lease - TimeSpan.FromSeconds(1);
        Assert.That(await Claims.ListPendingAsync(10, justBefore, NoneGone, CancellationToken.None), Is.Empty);
        Assert.That(await ClaimAsync(id, "other", justBefore), Is.False);

        var after = T0 + Lease + TimeSpan.FromSeconds(1);
        Assert.That(await Claims.ListPendingAsync(10, after, NoneGone, CancellationToken.None), Is.EqualTo(new[] { id }));
        Assert.That(await ClaimAsync(id, "other", after), Is.True);
        var summary = await Summaries.GetAsync(id, CancellationToken.None);
        Assert.That(summary!.ClaimedBy, Is.EqualTo("other"));
        Assert.That(summary.ClaimedAt, Is.EqualTo(after), "the claim time is that of the takeover");
        Assert.That(await Claims.ListPendingAsync(10, after, NoneGone, CancellationToken.None), Is.Empty, "the new lease is live");
    }

    [Test]
    public async Task Lease_expiry_is_exact_below_a_second()
    {
        var id = await ReceiveAsync();
        var claimedAt = T0.AddMilliseconds(900);
        Assert.That(await ClaimAsync(id, "a", claimedAt), Is.True);
        var leaseUntil = claimedAt + Lease;

        Assert.That(await Claims.ListPendingAsync(10, leaseUntil - TimeSpan.FromMilliseconds(1), NoneGone, CancellationToken.None), Is.Empty);
        Assert.That(await Claims.ListPendingAsync(10, leaseUntil, NoneGone, CancellationToken.None), Is.Empty, "a lease holds up to and including its end");
        Assert.That(await Claims.ListPendingAsync(10, leaseUntil + TimeSpan.FromMilliseconds(1), NoneGone, CancellationToken.None), Is.EqualTo(new[] { id }));
        Assert.That(await ClaimAsync(id, "b", leaseUntil), Is.False);
        Assert.That(await ClaimAsync(id, "b", leaseUntil + TimeSpan.FromMilliseconds(1)), Is.True);
        Assert.That((await Summaries.GetAsync(id, CancellationToken.None))!.ClaimedAt, Is.EqualTo(leaseUntil + TimeSpan.FromMilliseconds(1)));
    }

    [Test]
    public async Task A_gone_owner_is_taken_over_at_once_even_with_a_live_lease()
    {
        var id = await ReceiveAsync();
        var other = await ReceiveAsync("other");
        Assert.That(await ClaimAsync(id, "crashed", T0), Is.True);
        Assert.That(await ClaimAsync(other, "alive", T0), Is.True);
        var soon = T0.AddSeconds(5);

        Assert.That(await Claims.ListPendingAsync(10, soon, ["someone-else"], CancellationToken.None), Is.Empty, "only the owner's being gone counts");
        Assert.That(await Claims.TryClaimAsync(id, "b", soon, soon + Lease, ["someone-else"], CancellationToken.None), Is.False);

        string[] gone = ["gone-1", "crashed", "gone-2"];
        Assert.That(await Claims.ListPendingAsync(10, soon, gone, CancellationToken.None), Is.EqualTo(new[] { id }), "the live owner's claim stays");
        Assert.That(await Claims.TryClaimAsync(other, "b", soon, soon + Lease, gone, CancellationToken.None), Is.False);
        Assert.That(await Claims.TryClaimAsync(id, "b", soon, soon + Lease, gone, CancellationToken.None), Is.True);
        Assert.That((await Summaries.GetAsync(id, CancellationToken.None))!.ClaimedBy, Is.EqualTo("b"));
        Assert.That(await Verdicts.RecordOutcomeAsync(Outcome(id, []), "crashed", CancellationToken.None), Is.False, "the gone owner, back after all, answers nothing");
    }

    [Test]
    public async Task A_claim_from_before_leases_counts_as_run_out()
    {
        var id = await ReceiveAsync();
        Assert.That(await ClaimAsync(id, "old-version", T0), Is.True);
        await using (var connection = await Database.Connections.OpenAsync(CancellationToken.None))
        {
            // What migration 0002 leaves for a message that was being processed when it ran.
            await connection.ExecuteAsync("UPDATE message SET lease_until = NULL WHERE id = @id", new { id });
        }

        Assert.That(await Claims.ListPendingAsync(10, T0.AddSeconds(1), NoneGone, CancellationToken.None), Is.EqualTo(new[] { id }));
        Assert.That(await ClaimAsync(id, "new-version", T0.AddSeconds(1)), Is.True);
    }

    [Test]
    public async Task Renewing_extends_the_lease_only_for_its_owner()
    {
        var id = await ReceiveAsync();
        Assert.That(await ClaimAsync(id, "owner", T0), Is.True);
        var firstEnd = T0 + Lease;

        Assert.That(await Claims.RenewLeaseAsync(id, "intruder", firstEnd + Lease, CancellationToken.None), Is.False, "not the intruder's claim");
        Assert.That(await Claims.ListPendingAsync(10, firstEnd.AddSeconds(1), NoneGone, CancellationToken.None), Is.EqualTo(new[] { id }), "the intruder extended nothing");

        Assert.That(await Claims.RenewLeaseAsync(id, "owner", firstEnd + Lease, CancellationToken.None), Is.True);
        Assert.That(await Claims.ListPendingAsync(10, firstEnd.AddSeconds(1), NoneGone, CancellationToken.None), Is.Empty, "the owner's renewal holds past the first end");
        Assert.That(await ClaimAsync(id, "intruder", firstEnd.AddSeconds(1)), Is.False);
        var summary = await Summaries.GetAsync(id, CancellationToken.None);
        Assert.That(summary!.ClaimedBy, Is.EqualTo("owner"));
        Assert.That(summary.ClaimedAt, Is.EqualTo(T0), "renewing does not move the claim time");

        Assert.That(await ClaimAsync(id, "intruder", firstEnd + Lease + TimeSpan.FromSeconds(1)), Is.True, "the renewed lease runs out in its turn");
        Assert.That(await Claims.RenewLeaseAsync(id, "owner", firstEnd + Lease + Lease, CancellationToken.None), Is.False, "a taken-over claim is no longer the owner's to renew");
        Assert.That(await Claims.RenewLeaseAsync(id, "intruder", firstEnd + Lease + Lease, CancellationToken.None), Is.True);
    }

    [Test]
    public async Task Renewing_a_message_that_is_not_being_processed_does_nothing()
    {
        var received = await ReceiveAsync("received");
        var processed = await ReceiveAsync("processed");
        Assert.That(await ClaimAsync(processed, "a", T0), Is.True);
        Assert.That(await Verdicts.RecordOutcomeAsync(Outcome(processed, []), "a", CancellationToken.None), Is.True);

        Assert.That(await Claims.RenewLeaseAsync(received, "a", T0 + Lease, CancellationToken.None), Is.False);
        Assert.That(await Claims.RenewLeaseAsync(processed, "a", T0 + Lease, CancellationToken.None), Is.False);
        Assert.That(await Claims.RenewLeaseAsync(424242, "a", T0 + Lease, CancellationToken.None), Is.False);
        Assert.That((await Summaries.GetAsync(received, CancellationToken.None))!.Status, Is.EqualTo(MessageStatuses.Received));
        Assert.That((await Summaries.GetAsync(processed, CancellationToken.None))!.Status, Is.EqualTo(MessageStatuses.Processed));
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
        Assert.That(await Verdicts.RecordOutcomeAsync(Outcome(done, []), "instance-3", CancellationToken.None), Is.True);

        var owners = await Claims.ListClaimOwnersAsync(CancellationToken.None);

        Assert.That(owners, Is.EquivalentTo(new[] { "instance-1", "instance-2" }));
    }

    [Test]
    public async Task A_lease_that_ends_before_it_starts_is_a_bug_and_throws()
    {
        var id = await ReceiveAsync();

        Assert.That(() => Claims.TryClaimAsync(id, "a", T0, T0, NoneGone, CancellationToken.None), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => Claims.TryClaimAsync(id, "a", T0, T0.AddSeconds(-1), NoneGone, CancellationToken.None), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That((await Summaries.GetAsync(id, CancellationToken.None))!.Status, Is.EqualTo(MessageStatuses.Received));
    }
}
