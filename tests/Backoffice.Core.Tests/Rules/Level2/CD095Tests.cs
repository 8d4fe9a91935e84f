using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD095Tests
{
    [Test]
    public void CD095_requested_product_without_code_with_omvang_is_found_with_0001()
    {
        var sample = Vot;
        var products = sample.Client.AangevraagdeProducten;
        var broken = sample.With(products[0], products[1] with { Product = new Product("02") });

        var finding = Findings(broken, "CD095").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/Omvang"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD095)."));
    }

    [Test]
    public void CD095_open_ended_request_without_product_with_omvang_is_found()
    {
        var sample = Vot;
        var broken = sample.With(sample.Client.AangevraagdeProducten[0] with { Product = null, ToewijzingEinddatum = null });

        Assert.That(Findings(broken, "CD095").Single().Path, Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct/Omvang"));
    }

    [Test]
    public void CD095_request_without_code_ending_on_31_december_2020_is_fine()
    {
        var sample = Vot;
        var fine = sample.With(sample.Client.AangevraagdeProducten[0] with
        {
            Product = new Product("01"), ToewijzingIngangsdatum = new DateOnly(2020, 12, 1), ToewijzingEinddatum = new DateOnly(2020, 12, 31),
        });

        Assert.That(Findings(fine, "CD095"), Is.Empty);
    }

    [Test]
    public void CD095_the_sample_is_fine() => Assert.That(Findings(Vot, "CD095"), Is.Empty);
}
