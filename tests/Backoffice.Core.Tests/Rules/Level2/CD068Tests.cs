using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD068Tests
{
    [TestCase("01")]
    [TestCase("06")]
    [TestCase("08")]
    public void CD068_zorgverlenercode_for_a_referrer_that_is_no_care_professional_is_found_with_0001(string type)
    {
        var sample = Vot;
        var broken = sample.With(sample.Client.AangevraagdeProducten[0] with { Verwijzer = new Verwijzer(type, null, "01234567") });

        var finding = Findings(broken, "CD068").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct/Verwijzer/ZorgverlenerCode"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD068).").And.Not.Contain("01234567"));
    }

    [TestCase("02")]
    [TestCase("05")]
    public void CD068_zorgverlenercode_for_a_care_professional_is_fine(string type)
    {
        var sample = Vot;
        var fine = sample.With(sample.Client.AangevraagdeProducten[0] with { Verwijzer = new Verwijzer(type, null, "01234567") });

        Assert.That(Findings(fine, "CD068"), Is.Empty);
    }

    [Test]
    public void CD068_the_sample_is_fine() => Assert.That(Findings(Vot, "CD068"), Is.Empty);
}
