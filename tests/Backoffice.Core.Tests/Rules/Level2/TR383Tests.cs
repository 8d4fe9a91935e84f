using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR383Tests
{
    [Test]
    public void TR383_the_315_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo315>("WMO315.xml")), Is.Empty);

    [Test]
    public void TR383_a_repeated_referentie_aanbieder_is_found_on_the_repeat_with_0001_and_fires_TR101_too()
    {
        var sample = RuleSamples.Read<Wmo315>("WMO315.xml");
        var products = sample.Client.AangevraagdeProducten;
        var repeated = sample with
        {
            Client = sample.Client with { AangevraagdeProducten = [products[0], products[1] with { ReferentieAanbieder = products[0].ReferentieAanbieder }] },
        };

        var findings = RuleSet.Level2.Check(repeated);
        var finding = findings.Single(f => f.Rule == "TR383");

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/ReferentieAanbieder"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(findings.Single(f => f.Rule == "TR101").Path, Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]"));
    }

    [Test]
    public void TR383_references_differing_only_in_case_are_different()
    {
        var sample = RuleSamples.Read<Wmo315>("WMO315.xml");
        var products = sample.Client.AangevraagdeProducten;
        var two = sample with
        {
            Client = sample.Client with { AangevraagdeProducten = [products[0] with { ReferentieAanbieder = "ref-a" }, products[1] with { ReferentieAanbieder = "REF-A" }] },
        };

        Assert.That(Found(two), Is.Empty);
    }

    private static Finding[] Found(Wmo315 message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR383")];
}
