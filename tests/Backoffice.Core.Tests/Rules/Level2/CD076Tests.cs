using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD076Tests
{
    [Test]
    public void CD076_weekly_allocation_without_einddatum_is_found_with_0001()
    {
        var sample = Toewijzing;
        var product = sample.Client.ToegewezenProducten[0];
        var broken = sample.With(product with { Omvang = product.Omvang! with { Frequentie = "2" }, Einddatum = null });

        var finding = Findings(broken, "CD076").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Einddatum"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD076)."));
    }

    [Test]
    public void CD076_on_a_315_names_the_toewijzingeinddatum()
    {
        var sample = Vot;
        var product = sample.Client.AangevraagdeProducten[0];
        var broken = sample.With(product with { Omvang = product.Omvang! with { Frequentie = "2" }, ToewijzingEinddatum = null });

        Assert.That(Findings(broken, "CD076").Single().Path, Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct/ToewijzingEinddatum"));
    }

    [Test]
    public void CD076_on_a_317_checks_both_the_changed_and_the_new_products()
    {
        var sample = Vow;
        var nieuw = sample.Client.Verzoek.NieuweProducten[0];
        var broken = sample
            .WithTeWijzigen(sample.Client.Verzoek.TeWijzigenProducten[0] with { Omvang = nieuw.Omvang! with { Frequentie = "2" }, Einddatum = null })
            .WithNieuw(nieuw, nieuw with { Omvang = nieuw.Omvang! with { Frequentie = "2" }, Einddatum = null });

        Assert.That(
            Findings(broken, "CD076").Select(f => f.Path),
            Is.EqualTo(new[]
            {
                "/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct/Einddatum",
                "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[2]/Einddatum",
            }));
    }

    [TestCase("1")]
    [TestCase("4")]
    [TestCase("6")]
    public void CD076_other_frequencies_without_einddatum_are_fine(string frequentie)
    {
        var sample = Toewijzing;
        var product = sample.Client.ToegewezenProducten[0];
        var fine = sample.With(product with { Omvang = product.Omvang! with { Frequentie = frequentie }, Einddatum = null });

        Assert.That(Findings(fine, "CD076"), Is.Empty);
    }

    [Test]
    public void CD076_weekly_allocation_with_einddatum_is_fine()
    {
        var sample = Toewijzing;
        var product = sample.Client.ToegewezenProducten[0];
        var fine = sample.With(product with { Omvang = product.Omvang! with { Frequentie = "2" } });

        Assert.That(Findings(fine, "CD076"), Is.Empty);
    }

    [Test]
    public void CD076_the_samples_are_fine()
    {
        Assert.That(Findings(Toewijzing, "CD076"), Is.Empty);
        Assert.That(Findings(Vot, "CD076"), Is.Empty);
        Assert.That(Findings(Vow, "CD076"), Is.Empty);
    }
}
