using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD077Tests
{
    [Test]
    public void CD077_omvang_next_to_a_budget_is_found_with_0001_together_with_CD078()
    {
        var sample = Toewijzing;
        var broken = sample.With(sample.Client.ToegewezenProducten[0] with { Budget = 150000 });

        var findings = Findings(broken, "CD077");

        Assert.That(findings.Single().Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Omvang"));
        Assert.That(findings.Single().Retourcode, Is.EqualTo("0001"));
        Assert.That(findings.Single().Message, Does.EndWith("(CD077)."));
        Assert.That(Findings(broken, "CD078"), Has.Count.EqualTo(1), "CD077 and CD078 always fire together (iwmo-3.2.md §8.11)");
    }

    [Test]
    public void CD077_on_a_315_and_on_both_product_kinds_of_a_317_is_found_on_each()
    {
        var vot = Vot;
        var aangevraagd = vot.Client.AangevraagdeProducten;
        var vow = Vow;
        var nieuw = vow.Client.Verzoek.NieuweProducten[0];
        var brokenVow = vow
            .WithTeWijzigen(vow.Client.Verzoek.TeWijzigenProducten[0] with { Omvang = nieuw.Omvang, Budget = 150000 })
            .WithNieuw(nieuw with { Budget = 150000 });

        Assert.That(
            Findings(vot.With(aangevraagd[0], aangevraagd[1] with { Budget = 150000 }), "CD077").Single().Path,
            Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/Omvang"));
        Assert.That(
            Findings(brokenVow, "CD077").Select(f => f.Path),
            Is.EqualTo(new[]
            {
                "/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct/Omvang",
                "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct/Omvang",
            }));
    }

    [Test]
    public void CD077_a_budget_alone_is_fine()
    {
        var sample = Toewijzing;
        var fine = sample.With(sample.Client.ToegewezenProducten[0] with { Product = null, Omvang = null, Budget = 150000 });

        Assert.That(Findings(fine, "CD077"), Is.Empty);
    }

    [Test]
    public void CD077_the_samples_are_fine()
    {
        Assert.That(Findings(Toewijzing, "CD077"), Is.Empty);
        Assert.That(Findings(Vot, "CD077"), Is.Empty);
        Assert.That(Findings(Vow, "CD077"), Is.Empty);
    }
}
