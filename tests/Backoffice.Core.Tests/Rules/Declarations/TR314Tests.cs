using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR314 (8021): a ReferentieNummer is used once per provider, across its declarations and within one.</summary>
public sealed class TR314Tests
{
    [Test]
    public void TR314_a_reference_used_in_an_earlier_message_8021() =>
        ThirdRejected(Run(Around(Line("USED")), View(earlier: [Earlier(Line("USED", 101, Month(1)), 1, bsn: Bsn)])), "TR314", "8021", "/ProductReferentie/ReferentieNummer");

    [Test]
    public void TR314_a_reference_of_an_earlier_rejected_line_is_used_too_8021() =>
        ThirdRejected(Run(Around(Line("USED")), View(earlier: [Earlier(Line("USED", 999, Month(1)), 1, approved: false)])), "TR314", "8021", "/ProductReferentie/ReferentieNummer");

    [Test]
    public void TR314_a_reference_used_in_another_municipality_is_used_by_the_provider_8021() =>
        ThirdRejected(Run(Around(Line("USED")), View(earlier: [Earlier(Line("USED", 101, Month(1)), 1, municipality: "0363")])), "TR314", "8021", "/ProductReferentie/ReferentieNummer");

    [Test]
    public void TR314_a_reference_used_twice_in_one_message_8021_on_the_second() =>
        ThirdRejected(Run(Around(Line("BG-201-01")), View()), "TR314", "8021", "/ProductReferentie/ReferentieNummer");

    [Test]
    public void TR314_a_credit_names_the_used_reference_in_VorigReferentieNummer_only()
    {
        var debit = Line("OLD", 101, Month(1));

        AllApproved(Run(Message(Client(Bsn, CreditOf(debit, "CR-OLD"))), View(earlier: [Earlier(debit, 1, bsn: Bsn)])));
    }
}
