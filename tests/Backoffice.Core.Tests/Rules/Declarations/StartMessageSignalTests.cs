using Backoffice.Core.Declarations;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>
/// The regional <c>start-message=signal</c> (OP364: never a refusal): which approved debits count as
/// paid without a start. <see cref="Around"/> declares March on 101 and January to March on 201.
/// </summary>
public sealed class StartMessageSignalTests
{
    private static readonly RegionalRules Signal = new(Municipality, BrokenMonths.Contract, StartMessage.Signal);

    private static RecordedStart Start(int nummer, string bsn, DateOnly begin, long id = 1, string status = "1") =>
        new(id, 1, bsn, new StartProduct(nummer, new Product("02", "02A01"), new DateOnly(2026, 1, 1), begin, status));

    private static IReadOnlyList<(int, int)> WithoutStart(RegionalRules rules, params RecordedStart[] starts)
    {
        var view = View(regional: rules) with { Starts = starts };
        var lines = Run(Around(Line("S")), view);
        AllApproved(lines);
        return rules.WithoutStart(view, lines);
    }

    [Test]
    public void Off_never_lists_anything() =>
        Assert.That(WithoutStart(RegionalRules.National), Is.Empty);

    [Test]
    public void Every_allocation_without_a_start_is_listed_with_its_paid_lines() =>
        Assert.That(WithoutStart(Signal), Is.EqualTo(new[] { (101, 1), (201, 3) }));

    [Test]
    public void A_start_on_or_before_the_line_covers_it_and_a_later_start_only_the_lines_after_it() =>
        Assert.That(
            WithoutStart(Signal, Start(101, Bsn, new DateOnly(2026, 3, 31)), Start(201, OtherBsn, new DateOnly(2026, 2, 10), id: 2)),
            Is.EqualTo(new[] { (201, 1) }),
            "201's start of 10 February covers February and March, not January");

    [Test]
    public void A_deleted_start_is_no_start() =>
        Assert.That(
            WithoutStart(Signal, Start(101, Bsn, new DateOnly(2026, 1, 1)), Start(101, Bsn, new DateOnly(2026, 1, 1), id: 2, status: "3")),
            Is.EqualTo(new[] { (101, 1), (201, 3) }));

    [Test]
    public void Another_clients_start_on_the_number_does_not_count() =>
        Assert.That(WithoutStart(Signal, Start(101, OtherBsn, new DateOnly(2026, 1, 1))), Is.EqualTo(new[] { (101, 1), (201, 3) }));

    [Test]
    public void Rejected_lines_and_credits_are_not_listed()
    {
        var debit = Line("BG-201-01", periode: Month(1));
        var view = View(regional: Signal, earlier: [Earlier(debit, 7)]) with { Starts = [Start(101, Bsn, new DateOnly(2026, 1, 1))] };
        var lines = Run(Message(Client(OtherBsn, CreditOf(debit, "CR-1"), Line("X", 999))), view);
        Assert.That(lines.Select(l => l.Approved), Is.EqualTo(new[] { true, false }), "the credit is approved, the line on an unknown allocation rejected");
        Assert.That(Signal.WithoutStart(view, lines), Is.Empty);
    }

    [Test]
    public void The_rule_set_name_says_the_signal_is_on() =>
        Assert.That(Signal.Name, Is.EqualTo("national + regional " + Municipality + " (start-message=signal)"));
}
