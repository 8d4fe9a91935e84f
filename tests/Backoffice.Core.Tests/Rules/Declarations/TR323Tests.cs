using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR323 (8017): a credit names an earlier approved debit of the provider with VorigReferentieNummer and is its copy (IV091).</summary>
public sealed class TR323Tests
{
    private static readonly Prestatie Debit = Line("OLD", periode: Month(1));

    [Test]
    public void TR323_a_credit_without_an_earlier_debit_8017() =>
        ThirdRejected(Run(Around(CreditOf(Debit, "CR")), View()), "TR323", "8017", "/ProductReferentie/VorigReferentieNummer");

    [Test]
    public void TR323_a_credit_of_a_rejected_debit_8017() =>
        ThirdRejected(Run(Around(CreditOf(Debit, "CR")), View(earlier: [Earlier(Debit, 1, approved: false)])), "TR323", "8017", "/ProductReferentie/VorigReferentieNummer");

    [Test]
    public void TR323_a_credit_that_does_not_copy_its_debit_8017()
    {
        var fewerHours = CreditOf(Debit, "CR") with { GeleverdVolume = 9, IngediendBedrag = new(9 * Hours, DebetCredit.Credit) };

        OnlyRejected(
            Run(Message(Client(OtherBsn, Line("A", periode: Month(2)), fewerHours)), View(earlier: [Earlier(Debit, 1)])),
            0,
            1,
            "TR323",
            "8017",
            "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/ProductReferentie/VorigReferentieNummer");
    }

    [Test]
    public void TR323_a_credit_under_another_client_than_its_debit_8017() =>
        OnlyRejected(
            Run(Message(Client(Bsn, Line("A", 101), CreditOf(Debit, "CR"))), View(earlier: [Earlier(Debit, 1)])),
            0,
            1,
            "TR323",
            "8017",
            "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/ProductReferentie/VorigReferentieNummer");

    [Test]
    public void TR323_a_credit_of_a_debit_to_another_municipality_8017() =>
        ThirdRejected(Run(Around(CreditOf(Debit, "CR")), View(earlier: [Earlier(Debit, 1, municipality: "0363")])), "TR323", "8017", "/ProductReferentie/VorigReferentieNummer");

    [Test]
    public void TR323_an_exact_copy_of_an_approved_debit_passes() =>
        AllApproved(Run(Around(CreditOf(Debit, "CR")), View(earlier: [Earlier(Debit, 1)])));
}
