using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD075Tests
{
    [Test]
    public void CD075_budget_allocation_without_einddatum_is_found_with_0001()
    {
        var sample = Toewijzing;
        var broken = sample.With(sample.Client.ToegewezenProducten[0] with { Product = null, Omvang = null, Budget = 150000, Einddatum = null });

        var finding = Findings(broken, "CD075").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Einddatum"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD075)."));
    }

    [Test]
    public void CD075_on_a_315_names_the_toewijzingeinddatum()
    {
        var sample = Vot;
        var products = sample.Client.AangevraagdeProducten;
        var broken = sample.With(products[0], products[1] with { Omvang = null, Budget = 150000, ToewijzingEinddatum = null });

        Assert.That(Findings(broken, "CD075").Single().Path, Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/ToewijzingEinddatum"));
    }

    [Test]
    public void CD075_on_a_317_checks_both_the_changed_and_the_new_products()
    {
        var sample = Vow;
        var broken = sample
            .WithTeWijzigen(sample.Client.Verzoek.TeWijzigenProducten[0] with { Budget = 150000, Einddatum = null })
            .WithNieuw(sample.Client.Verzoek.NieuweProducten[0] with { Omvang = null, Budget = 150000, Einddatum = null });

        Assert.That(
            Findings(broken, "CD075").Select(f => f.Path),
            Is.EqualTo(new[]
            {
                "/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct/Einddatum",
                "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct/Einddatum",
            }));
    }

    [Test]
    public void CD075_budget_with_einddatum_and_no_budget_without_einddatum_are_fine()
    {
        var sample = Vow;
        var changed = sample.Client.Verzoek.TeWijzigenProducten[0];
        var fine = sample.WithTeWijzigen(changed with { Budget = 150000 }, changed with { ToewijzingNummer = 10073, Einddatum = null });

        Assert.That(Findings(fine, "CD075"), Is.Empty);
    }

    [Test]
    public void CD075_the_samples_are_fine()
    {
        Assert.That(Findings(Toewijzing, "CD075"), Is.Empty);
        Assert.That(Findings(Vot, "CD075"), Is.Empty);
        Assert.That(Findings(Vow, "CD075"), Is.Empty);
    }
}
