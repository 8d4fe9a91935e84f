using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD043Tests
{
    [Test]
    public void CD043_beschikkingnummer_without_beschikkingingangsdatum_is_found_with_0001()
    {
        var sample = Vot;
        var broken = sample.With(sample.Client.AangevraagdeProducten[0] with { BeschikkingIngangsdatum = null });

        var finding = Findings(broken, "CD043").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct/BeschikkingIngangsdatum"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD043)."));
    }

    [Test]
    public void CD043_beschikkingingangsdatum_without_beschikkingnummer_is_found()
    {
        var sample = Vot;
        var products = sample.Client.AangevraagdeProducten;
        var broken = sample.With(products[0], products[1] with { BeschikkingNummer = null });

        Assert.That(Findings(broken, "CD043").Single().Path, Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/BeschikkingIngangsdatum"));
    }

    [Test]
    public void CD043_neither_beschikkingnummer_nor_beschikkingingangsdatum_is_fine()
    {
        var sample = Vot;
        var fine = sample.With(sample.Client.AangevraagdeProducten[0] with { BeschikkingNummer = null, BeschikkingIngangsdatum = null });

        Assert.That(Findings(fine, "CD043"), Is.Empty);
    }

    [Test]
    public void CD043_the_sample_is_fine() => Assert.That(Findings(Vot, "CD043"), Is.Empty);
}
