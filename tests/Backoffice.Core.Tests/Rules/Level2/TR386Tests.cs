using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR386Tests
{
    [Test]
    public void TR386_the_315_sample_asks_two_products_of_other_categories_at_once_and_is_fine() =>
        Assert.That(Found(RuleSamples.Read<Wmo315>("WMO315.xml")), Is.Empty);

    [Test]
    public void TR386_the_same_category_without_a_code_over_the_same_period_is_found_on_the_second_with_0001()
    {
        var (sample, first, second) = Sample();

        var finding = Found(With(sample, first, second with { Product = new(first.Product!.Categorie) })).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
    }

    [Test]
    public void TR386_the_same_product_starting_on_the_day_the_first_ends_overlaps()
    {
        var (sample, first, second) = Sample();
        var onEndDay = second with { Product = first.Product, ToewijzingIngangsdatum = first.ToewijzingEinddatum!.Value, ToewijzingEinddatum = null };

        Assert.That(Found(With(sample, first, onEndDay)), Has.Exactly(1).Items);
    }

    [Test]
    public void TR386_the_same_product_starting_the_day_after_the_first_ends_is_fine()
    {
        var (sample, first, second) = Sample();
        var dayAfter = second with { Product = first.Product, ToewijzingIngangsdatum = first.ToewijzingEinddatum!.Value.AddDays(1), ToewijzingEinddatum = null };

        Assert.That(Found(With(sample, first, dayAfter)), Is.Empty);
    }

    [Test]
    public void TR386_a_request_without_product_overlaps_every_other_but_a_hulpmiddel()
    {
        var (sample, first, second) = Sample();
        var budget = second with { Product = null, Omvang = null, Budget = 50000 };

        Assert.That(Found(With(sample, first, budget)), Has.Exactly(1).Items);
        Assert.That(Found(With(sample, first with { Product = new("13", "WV001") }, budget)), Is.Empty);
    }

    private static (Wmo315 Sample, AangevraagdProduct First, AangevraagdProduct Second) Sample()
    {
        var sample = RuleSamples.Read<Wmo315>("WMO315.xml");
        return (sample, sample.Client.AangevraagdeProducten[0], sample.Client.AangevraagdeProducten[1]);
    }

    private static Wmo315 With(Wmo315 sample, params AangevraagdProduct[] producten) =>
        sample with { Client = sample.Client with { AangevraagdeProducten = [.. producten] } };

    private static Finding[] Found(Wmo315 message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR386")];
}
