using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD096Tests
{
    [Test]
    public void CD096_new_product_without_code_with_omvang_is_found_with_0001()
    {
        var sample = Vow;
        var broken = sample.WithNieuw(sample.Client.Verzoek.NieuweProducten[0] with { Product = new Product("01") });

        var finding = Findings(broken, "CD096").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct/Omvang"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD096)."));
    }

    [Test]
    public void CD096_open_ended_new_product_without_product_with_omvang_on_the_second_line_is_found_there()
    {
        var sample = Vow;
        var nieuw = sample.Client.Verzoek.NieuweProducten[0];
        var broken = sample.WithNieuw(nieuw, nieuw with { Product = null, Einddatum = null });

        Assert.That(Findings(broken, "CD096").Single().Path, Is.EqualTo("/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[2]/Omvang"));
    }

    [Test]
    public void CD096_new_product_without_code_ending_on_31_december_2020_is_fine()
    {
        var sample = Vow;
        var fine = sample.WithNieuw(sample.Client.Verzoek.NieuweProducten[0] with
        {
            Product = new Product("01"), GewensteIngangsdatum = new DateOnly(2020, 12, 1), Einddatum = new DateOnly(2020, 12, 31),
        });

        Assert.That(Findings(fine, "CD096"), Is.Empty);
    }

    [Test]
    public void CD096_the_changed_products_are_not_looked_at()
    {
        var sample = Vow;
        var fine = sample.WithTeWijzigen(sample.Client.Verzoek.TeWijzigenProducten[0] with { Omvang = sample.Client.Verzoek.NieuweProducten[0].Omvang });

        Assert.That(Findings(fine, "CD096"), Is.Empty);
    }

    [Test]
    public void CD096_the_sample_is_fine() => Assert.That(Findings(Vow, "CD096"), Is.Empty);
}
