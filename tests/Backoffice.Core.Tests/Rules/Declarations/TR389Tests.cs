using Backoffice.Core.Messages.Declaraties;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR389 (9389): one standing debit per allocation, product and ProductPeriode; a credit, also one in the same message (OP366), makes room.</summary>
public sealed class TR389Tests
{
    private static readonly Prestatie Old = Line("OLD");

    [Test]
    public void TR389_a_second_debit_for_an_approved_period_9389() =>
        ThirdRejected(Run(Around(Line("S", volume: 12)), View(earlier: [Earlier(Old, 1)])), "TR389", "9389", "/ProductPeriode");

    [Test]
    public void TR389_a_new_debit_after_a_credit_in_the_same_message_passes_OP366() =>
        AllApproved(Run(Message(Client(OtherBsn, Line("NEW", volume: 12), CreditOf(Old, "CR-OLD"))), View(earlier: [Earlier(Old, 1)])));

    [Test]
    public void TR389_the_same_new_debit_without_the_credit_9389() =>
        OnlyRejected(Run(Message(Client(OtherBsn, Line("NEW", volume: 12))), View(earlier: [Earlier(Old, 1)])), 0, 0, "TR389", "9389", "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ProductPeriode");

    [Test]
    public void TR389_a_debit_credited_in_an_earlier_message_makes_room() =>
        AllApproved(Run(Around(Line("S", volume: 12)), View(earlier: [Earlier(Old, 1), Earlier(CreditOf(Old, "CR-OLD"), 2, creditsId: 1)])));

    [Test]
    public void TR389_an_earlier_rejected_debit_makes_no_period_taken() =>
        AllApproved(Run(Around(Line("S", volume: 12)), View(earlier: [Earlier(Old, 1, approved: false)])));

    [Test]
    public void TR389_a_rejected_credit_makes_no_room_9389()
    {
        // The credit does not copy its debit (TR323), so the debit stands.
        var wrongCopy = CreditOf(Old, "CR-OLD") with { GeleverdVolume = 9 };
        var verdicts = Run(Message(Client(OtherBsn, Line("NEW", volume: 12), wrongCopy)), View(earlier: [Earlier(Old, 1)]));

        Assert.That(verdicts.Select(v => string.Join(' ', v.Findings.Select(f => f.Retourcode))), Is.EqualTo(new[] { "9389", "8017" }));
    }
}
