using Backoffice.Core.Standard;
using Backoffice.Core.Validation;
using Backoffice.Data.Processing;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Processing;

/// <summary>Recording a message's verdict with its findings, once, only while claimed.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class MessageVerdictsTests(DatabaseProvider provider) : MessageStoreFixture(provider)
{
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

        Assert.That(await Verdicts.RecordOutcomeAsync(outcome, "instance-a", CancellationToken.None), Is.True);

        var summary = await Summaries.GetAsync(id, CancellationToken.None);
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
        Assert.That(await Claims.ListPendingAsync(10, T0.AddDays(1), NoneGone, CancellationToken.None), Is.Empty, "processed is never pending, even long after");
        Assert.That(await ClaimAsync(id, "instance-b", T0.AddDays(1)), Is.False);
        Assert.That(await Verdicts.RecordOutcomeAsync(outcome, CancellationToken.None), Is.False, "answered once");
    }

    [Test]
    public async Task An_outcome_for_an_unclaimed_message_is_refused_and_writes_nothing()
    {
        var id = await ReceiveAsync();

        var written = await Verdicts.RecordOutcomeAsync(Outcome(id, [new(2, "TR001", "0001", null, null, null, "x")]), CancellationToken.None);

        Assert.That(written, Is.False);
        var summary = await Summaries.GetAsync(id, CancellationToken.None);
        Assert.That(summary!.Status, Is.EqualTo(MessageStatuses.Received));
        Assert.That(summary.Findings, Is.Empty);
    }

    [Test]
    public async Task A_late_outcome_from_an_instance_whose_claim_was_taken_over_is_refused()
    {
        var id = await ReceiveAsync();
        Assert.That(await ClaimAsync(id, "slow", T0), Is.True);
        Assert.That(await ClaimAsync(id, "fast", T0 + Lease + TimeSpan.FromMinutes(1)), Is.True);

        Assert.That(await Verdicts.RecordOutcomeAsync(Outcome(id, [new(3, "TR338", "9338", null, null, null, "late")]), "slow", CancellationToken.None), Is.False);
        var afterRefusal = await Summaries.GetAsync(id, CancellationToken.None);
        Assert.That(afterRefusal!.Status, Is.EqualTo(MessageStatuses.Processing));
        Assert.That(afterRefusal.Findings, Is.Empty, "the refused outcome wrote no findings");

        Assert.That(await Verdicts.RecordOutcomeAsync(Outcome(id, []), "fast", CancellationToken.None), Is.True);
        Assert.That(await Verdicts.RecordOutcomeAsync(Outcome(id, []), "slow", CancellationToken.None), Is.False, "nor after the new owner answered");
    }

    [Test]
    public async Task An_outcome_inside_the_callers_transaction_commits_or_rolls_back_with_it()
    {
        var id = await ReceiveAsync();
        Assert.That(await ClaimAsync(id, "a", T0), Is.True);
        var outcome = Outcome(id, [new(3, "TR338", "9338", null, null, null, "no allocation")]);

        await using (var connection = await Database.Connections.OpenAsync(CancellationToken.None))
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Assert.That(await Verdicts.RecordOutcomeAsync(transaction, outcome, "a", CancellationToken.None), Is.True);
            await transaction.RollbackAsync();
        }

        var afterRollback = await Summaries.GetAsync(id, CancellationToken.None);
        Assert.That(afterRollback!.Status, Is.EqualTo(MessageStatuses.Processing));
        Assert.That(afterRollback.Findings, Is.Empty);

        await using (var connection = await Database.Connections.OpenAsync(CancellationToken.None))
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            Assert.That(await Verdicts.RecordOutcomeAsync(transaction, outcome, "a", CancellationToken.None), Is.True);
            await transaction.CommitAsync();
        }

        var afterCommit = await Summaries.GetAsync(id, CancellationToken.None);
        Assert.That(afterCommit!.Status, Is.EqualTo(MessageStatuses.Processed));
        Assert.That(afterCommit.Findings, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Unreadable_input_with_no_classification_is_recorded()
    {
        var id = await ReceiveAsync();
        Assert.That(await ClaimAsync(id, "a", T0), Is.True);
        var outcome = new MessageOutcome(id, null, null, null, null, null, null, null, Outcomes.Unreadable, "not XML", [], T0);

        Assert.That(await Verdicts.RecordOutcomeAsync(outcome, "a", CancellationToken.None), Is.True);

        var summary = await Summaries.GetAsync(id, CancellationToken.None);
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

        Assert.That(await Verdicts.RecordOutcomeAsync(outcome, "a", CancellationToken.None), Is.True);

        var summary = await Summaries.GetAsync(id, CancellationToken.None);
        Assert.That(summary!.Identificatie, Has.Length.EqualTo(100));
        Assert.That(summary.Sender, Has.Length.EqualTo(100));
    }

    [Test]
    public void An_unknown_outcome_is_a_bug_and_throws()
    {
        Assert.That(
            () => Verdicts.RecordOutcomeAsync(Outcome(1, []) with { Outcome = "maybe" }, CancellationToken.None),
            Throws.ArgumentException);
    }
}
