using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR347Tests
{
    [Test]
    public void TR347_a_vot_line_reusing_a_reference_of_the_provider_is_rejected_with_9347_on_that_line()
    {
        var vot = RuleSamples.Read<Wmo315>("WMO315.xml");
        var used = Request(vot.Client.AangevraagdeProducten[1].ReferentieAanbieder, RequestState.Rejected, RequestKind.Vot, provider: VotProvider, bsn: "999900018");

        var finding = Found(vot, View([used]), "TR347").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/ReferentieAanbieder"));
        Assert.That(finding.Retourcode, Is.EqualTo("9347"));
        Assert.That(finding.Level, Is.EqualTo(3));
    }

    [Test]
    public void TR347_a_vow_reusing_a_reference_sent_to_another_municipality_is_rejected_with_9347_on_the_verzoek()
    {
        var finding = Found(Vow(), View([Request(VowReference, RequestState.Allocated, municipality: "0363")]), "TR347").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Verzoek/ReferentieAanbieder"));
        Assert.That(finding.Retourcode, Is.EqualTo("9347"));
    }

    [Test]
    public void TR347_the_same_reference_from_another_provider_is_fine() =>
        Assert.That(Found(Vow(), View([Request(VowReference, provider: "12345678")]), "TR347"), Is.Empty);

    [Test]
    public void TR347_references_are_compared_exactly() =>
        Assert.That(Found(Vow(), View([Request(VowReference + " "), Request("9003a")]), "TR347"), Is.Empty);
}
