using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>
/// IV085, IV091: a credit only undoes an approved debit, and the municipality refuses it on technical
/// grounds only: the allocation, period, volume and contract rules do not apply to it (TR314, TR323,
/// TR390 do).
/// </summary>
public sealed class IV085Tests
{
    private static readonly Prestatie Debit = Line("OLD", 301, Month(1));

    [Test]
    public void IV085_a_credit_on_a_since_deleted_allocation_is_approved()
    {
        var first = new DateOnly(2026, 1, 1);
        var deleted = Recorded(Allocation(301, ingang: first, eind: first, reden: "13") with { Toewijzingsdatum = new DateOnly(2026, 2, 10) }, id: 302);

        AllApproved(Run(Message(Client(OtherBsn, CreditOf(Debit, "CR"))), View([Recorded(Allocation(301), id: 301), deleted], [Earlier(Debit, 1)])));
    }

    [Test]
    public void IV085_a_credit_on_an_allocation_the_register_no_longer_has_is_approved() =>
        AllApproved(Run(Message(Client(OtherBsn, CreditOf(Debit, "CR"))), View(earlier: [Earlier(Debit, 1)])));

    [Test]
    public void IV085_a_credit_after_the_contract_tariff_changed_is_approved() =>
        AllApproved(Run(Message(Client(OtherBsn, CreditOf(Debit, "CR"))), View([Recorded(Allocation(301), id: 301)], [Earlier(Debit, 1)], contracts: [Contract("02", "02A01", tariff: 7000)])));

    [Test]
    public void IV085_the_same_line_as_a_debit_would_be_refused()
    {
        var first = new DateOnly(2026, 1, 1);
        var deleted = Recorded(Allocation(301, ingang: first, eind: first, reden: "13") with { Toewijzingsdatum = new DateOnly(2026, 2, 10) }, id: 302);
        var verdict = Run(Message(Client(OtherBsn, Line("NEW", 301, Days(1, 1, 1), volume: 2))), View([Recorded(Allocation(301), id: 301), deleted])).Single();

        Assert.That(verdict.Findings.Select(f => f.Retourcode), Is.EqualTo(new[] { "9384" }));
        Assert.That(verdict.Line.IngediendBedrag.DebetCredit, Is.EqualTo(DebetCredit.Debet));
    }
}
