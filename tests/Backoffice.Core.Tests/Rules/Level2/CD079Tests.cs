using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD079Tests
{
    [Test]
    public void CD079_allocation_with_neither_product_nor_budget_is_found_with_0001()
    {
        var sample = Toewijzing;
        var broken = sample.With(sample.Client.ToegewezenProducten[0] with { Product = null });

        var finding = Findings(broken, "CD079").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Product"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD079)."));
    }

    [Test]
    public void CD079_on_a_315_and_a_317_new_product_is_found_there()
    {
        var vot = Vot;
        var vow = Vow;

        Assert.That(
            Findings(vot.With(vot.Client.AangevraagdeProducten[0] with { Product = null }), "CD079").Single().Path,
            Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct/Product"));
        Assert.That(
            Findings(vow.WithNieuw(vow.Client.Verzoek.NieuweProducten[0] with { Product = null }), "CD079").Single().Path,
            Is.EqualTo("/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct/Product"));
    }

    [Test]
    public void CD079_generic_allocation_with_only_a_budget_is_fine()
    {
        var sample = Toewijzing;
        var fine = sample.With(sample.Client.ToegewezenProducten[0] with { Product = null, Omvang = null, Budget = 150000 });

        Assert.That(Findings(fine, "CD079"), Is.Empty);
    }

    [Test]
    public void CD079_the_samples_are_fine()
    {
        Assert.That(Findings(Toewijzing, "CD079"), Is.Empty);
        Assert.That(Findings(Vot, "CD079"), Is.Empty);
        Assert.That(Findings(Vow, "CD079"), Is.Empty);
    }
}
