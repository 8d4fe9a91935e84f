using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD080Tests
{
    [Test]
    public void CD080_aspecific_allocation_with_omvang_ending_after_2020_is_found_with_0001()
    {
        var sample = Toewijzing;
        var product = sample.Client.ToegewezenProducten[0];
        var broken = sample.With(product, product with { ToewijzingNummer = 102, Product = new Product("01"), Einddatum = new DateOnly(2021, 1, 1) });

        var finding = Findings(broken, "CD080").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Omvang"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD080)."));
    }

    [Test]
    public void CD080_open_ended_allocation_without_product_with_omvang_is_found()
    {
        var sample = Toewijzing;
        var broken = sample.With(sample.Client.ToegewezenProducten[0] with { Product = null, Einddatum = null });

        Assert.That(Findings(broken, "CD080").Single().Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Omvang"));
    }

    [Test]
    public void CD080_aspecific_allocation_with_omvang_ending_on_31_december_2020_is_fine()
    {
        var sample = Toewijzing;
        var product = sample.Client.ToegewezenProducten[0];
        var fine = sample.With(product with
        {
            Product = new Product("01"), Ingangsdatum = new DateOnly(2020, 1, 1), Einddatum = new DateOnly(2020, 12, 31),
        });

        Assert.That(Findings(fine, "CD080"), Is.Empty);
    }

    [Test]
    public void CD080_aspecific_allocation_without_omvang_is_fine()
    {
        var sample = Toewijzing;
        var fine = sample.With(sample.Client.ToegewezenProducten[0] with { Product = new Product("01"), Omvang = null });

        Assert.That(Findings(fine, "CD080"), Is.Empty);
    }

    [Test]
    public void CD080_the_sample_is_fine() => Assert.That(Findings(Toewijzing, "CD080"), Is.Empty);
}
