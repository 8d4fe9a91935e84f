using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD067Tests
{
    [Test]
    public void CD067_care_professional_with_neither_zorgverlenercode_nor_naam_is_found_with_0001()
    {
        var sample = Vot;
        var products = sample.Client.AangevraagdeProducten;
        var broken = sample.With(products[0], products[1] with { Verwijzer = new Verwijzer("05") });

        var finding = Findings(broken, "CD067").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/Verwijzer/Naam"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD067)."));
    }

    [TestCase("01")]
    [TestCase("06")]
    [TestCase("08")]
    public void CD067_other_types_without_naam_are_fine(string type)
    {
        var sample = Vot;
        var fine = sample.With(sample.Client.AangevraagdeProducten[0] with { Verwijzer = new Verwijzer(type) });

        Assert.That(Findings(fine, "CD067"), Is.Empty);
    }

    [Test]
    public void CD067_care_professional_with_zorgverlenercode_and_no_naam_is_fine()
    {
        var sample = Vot;
        var fine = sample.With(sample.Client.AangevraagdeProducten[0] with { Verwijzer = new Verwijzer("02", null, "01234567") });

        Assert.That(Findings(fine, "CD067"), Is.Empty);
    }

    [Test]
    public void CD067_the_sample_is_fine() => Assert.That(Findings(Vot, "CD067"), Is.Empty);
}
