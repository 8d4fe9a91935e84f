using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD066Tests
{
    [TestCase("02")]
    [TestCase("03")]
    [TestCase("04")]
    [TestCase("05")]
    public void CD066_naam_next_to_a_zorgverlenercode_of_a_care_professional_is_found_with_0001(string type)
    {
        var sample = Vot;
        var broken = sample.With(sample.Client.AangevraagdeProducten[0] with { Verwijzer = new Verwijzer(type, "Verwijzer Naam", "01234567") });

        var finding = Findings(broken, "CD066").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct/Verwijzer/Naam"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD066).").And.Not.Contain("Verwijzer Naam").And.Not.Contain("01234567"));
    }

    [Test]
    public void CD066_zorgverlenercode_without_naam_is_fine()
    {
        var sample = Vot;
        var fine = sample.With(sample.Client.AangevraagdeProducten[0] with { Verwijzer = new Verwijzer("02", null, "01234567") });

        Assert.That(Findings(fine, "CD066"), Is.Empty);
    }

    [Test]
    public void CD066_naam_and_zorgverlenercode_for_another_type_is_not_this_rule()
    {
        var sample = Vot;
        var other = sample.With(sample.Client.AangevraagdeProducten[0] with { Verwijzer = new Verwijzer("01", "Gemeente", "01234567") });

        Assert.That(Findings(other, "CD066"), Is.Empty);
    }

    [Test]
    public void CD066_the_sample_is_fine() => Assert.That(Findings(Vot, "CD066"), Is.Empty);
}
