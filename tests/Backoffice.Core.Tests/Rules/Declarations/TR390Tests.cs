using Backoffice.Core.Messages.Declaraties;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR390 (9390): a debit is credited at most once.</summary>
public sealed class TR390Tests
{
    private static readonly Prestatie Debit = Line("OLD", periode: Month(1));

    [Test]
    public void TR390_a_second_credit_of_a_credited_debit_9390() =>
        ThirdRejected(
            Run(Around(CreditOf(Debit, "CR-2")), View(earlier: [Earlier(Debit, 1), Earlier(CreditOf(Debit, "CR-1"), 2, creditsId: 1)])),
            "TR390",
            "9390",
            "/ProductReferentie/VorigReferentieNummer");

    [Test]
    public void TR390_an_earlier_rejected_credit_did_not_credit_the_debit() =>
        AllApproved(Run(Around(CreditOf(Debit, "CR-2")), View(earlier: [Earlier(Debit, 1), Earlier(CreditOf(Debit, "CR-1"), 2, approved: false)])));
}
