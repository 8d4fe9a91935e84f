using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD078Tests
{
    [Test]
    public void CD078_budget_next_to_an_omvang_is_found_with_0001_together_with_CD077()
    {
        var sample = Toewijzing;
        var broken = sample.With(sample.Client.ToegewezenProducten[0] with { Budget = 150000 });

        var findings = Findings(broken, "CD078");

        Assert.That(findings.Single().Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Budget"));
        Assert.That(findings.Single().Retourcode, Is.EqualTo("0001"));
        Assert.That(findings.Single().Message, Does.EndWith("(CD078)."));
        Assert.That(Findings(broken, "CD077"), Has.Count.EqualTo(1), "CD077 and CD078 always fire together (iwmo-3.2.md §8.11)");
    }

    [Test]
    public void CD078_on_a_315_and_on_both_product_kinds_of_a_317_is_found_on_each()
    {
        var vot = Vot;
        var vow = Vow;
        var nieuw = vow.Client.Verzoek.NieuweProducten[0];
        var brokenVow = vow
            .WithTeWijzigen(vow.Client.Verzoek.TeWijzigenProducten[0] with { Omvang = nieuw.Omvang, Budget = 150000 })
            .WithNieuw(nieuw with { Budget = 150000 });

        Assert.That(
            Findings(vot.With(vot.Client.AangevraagdeProducten[0] with { Budget = 150000 }), "CD078").Single().Path,
            Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct/Budget"));
        Assert.That(
            Findings(brokenVow, "CD078").Select(f => f.Path),
            Is.EqualTo(new[]
            {
                "/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct/Budget",
                "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct/Budget",
            }));
    }

    [Test]
    public void CD078_an_omvang_alone_is_fine()
    {
        var vow = Vow;
        var fine = vow.WithTeWijzigen(vow.Client.Verzoek.TeWijzigenProducten[0] with { Omvang = vow.Client.Verzoek.NieuweProducten[0].Omvang });

        Assert.That(Findings(fine, "CD078"), Is.Empty);
    }

    [Test]
    public void CD078_the_samples_are_fine()
    {
        Assert.That(Findings(Toewijzing, "CD078"), Is.Empty);
        Assert.That(Findings(Vot, "CD078"), Is.Empty);
        Assert.That(Findings(Vow, "CD078"), Is.Empty);
    }
}
