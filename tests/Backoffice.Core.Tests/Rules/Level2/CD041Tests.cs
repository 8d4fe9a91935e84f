using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD041Tests
{
    [Test]
    public void CD041_specific_allocation_without_omvang_is_found_with_0001()
    {
        var sample = Toewijzing;
        var broken = sample.With(sample.Client.ToegewezenProducten[0] with { Omvang = null });

        var finding = Findings(broken, "CD041").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Omvang"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD041)."));
    }

    [Test]
    public void CD041_on_the_second_requested_product_of_a_315_is_found_there()
    {
        var sample = Vot;
        var products = sample.Client.AangevraagdeProducten;
        var broken = sample.With(products[0], products[1] with { Omvang = null });

        Assert.That(Findings(broken, "CD041").Single().Path, Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/Omvang"));
    }

    [Test]
    public void CD041_on_a_new_product_of_a_317_is_found_there()
    {
        var sample = Vow;
        var broken = sample.WithNieuw(sample.Client.Verzoek.NieuweProducten[0] with { Omvang = null });

        Assert.That(Findings(broken, "CD041").Single().Path, Is.EqualTo("/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct/Omvang"));
    }

    [Test]
    public void CD041_aspecific_allocation_without_omvang_is_fine()
    {
        var sample = Toewijzing;
        var fine = sample.With(sample.Client.ToegewezenProducten[0] with { Product = new Product("01"), Omvang = null });

        Assert.That(Findings(fine, "CD041"), Is.Empty);
    }

    [Test]
    public void CD041_the_samples_are_fine()
    {
        Assert.That(Findings(Toewijzing, "CD041"), Is.Empty);
        Assert.That(Findings(Vot, "CD041"), Is.Empty);
        Assert.That(Findings(Vow, "CD041"), Is.Empty);
    }
}
