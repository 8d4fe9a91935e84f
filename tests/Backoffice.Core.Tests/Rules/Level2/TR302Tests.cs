using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR302Tests
{
    [Test]
    public void TR302_the_301_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo301>("WMO301.xml")), Is.Empty);

    [Test]
    public void TR302_the_same_product_starting_on_the_day_the_first_ends_is_found_on_the_second_with_0001()
    {
        var (sample, first) = Sample();
        var second = Next(first, first.Einddatum!.Value, null);

        var finding = Found(With(sample, first, second)).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
    }

    [Test]
    public void TR302_the_same_product_starting_the_day_after_the_first_ends_is_fine()
    {
        var (sample, first) = Sample();

        Assert.That(Found(With(sample, first, Next(first, first.Einddatum!.Value.AddDays(1), null))), Is.Empty);
    }

    [Test]
    public void TR302_an_open_ended_earlier_allocation_overlaps_a_later_one()
    {
        var (sample, first) = Sample();
        var open = first with { Einddatum = null };

        Assert.That(Found(With(sample, open, Next(first, new(2030, 1, 1), new(2030, 12, 31)))), Has.Exactly(1).Items);
    }

    [Test]
    public void TR302_an_allocation_without_product_overlaps_one_of_another_product()
    {
        var (sample, first) = Sample();
        var budget = Next(first, first.Ingangsdatum, first.Einddatum) with { Product = null, Omvang = null, Budget = 100000 };
        var other = first with { Product = new("02", "02A01") };

        Assert.That(Found(With(sample, other, budget)).Single().Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]"));
    }

    [Test]
    public void TR302_another_code_in_the_same_category_is_another_product_but_a_missing_code_is_the_category()
    {
        var (sample, first) = Sample();
        var otherCode = Next(first, first.Ingangsdatum, first.Einddatum) with { Product = new("01", "01A02") };
        var noCode = otherCode with { Product = new("01") };

        Assert.That(Found(With(sample, first, otherCode)), Is.Empty);
        Assert.That(Found(With(sample, first, noCode)), Has.Exactly(1).Items);
    }

    [TestCase("11")]
    [TestCase("14")]
    public void TR302_hulpmiddelen_may_overlap_even_a_product_less_allocation(string categorie)
    {
        var (sample, first) = Sample();
        var hulpmiddel = first with { Product = new(categorie, "H0001") };
        var same = Next(hulpmiddel, first.Ingangsdatum, first.Einddatum);
        var none = same with { Product = null, Omvang = null, Budget = 100000 };

        Assert.That(Found(With(sample, hulpmiddel, same)), Is.Empty);
        Assert.That(Found(With(sample, hulpmiddel, none)), Is.Empty);
    }

    [TestCase("13")]
    [TestCase("01")]
    public void TR302_a_deleted_allocation_does_not_count(string redenWijziging)
    {
        var (sample, first) = Sample();
        var deleted = first with { Einddatum = first.Ingangsdatum, RedenWijziging = redenWijziging };

        Assert.That(Found(With(sample, deleted, Next(first, first.Ingangsdatum, null))), Is.Empty);
    }

    [Test]
    public void TR302_a_shortened_allocation_with_reden_13_but_not_deleted_still_counts()
    {
        var (sample, first) = Sample();
        var shortened = first with { Einddatum = first.Ingangsdatum.AddDays(1), RedenWijziging = "13" };

        Assert.That(Found(With(sample, shortened, Next(first, first.Ingangsdatum, null))), Has.Exactly(1).Items);
    }

    private static (Wmo301 Sample, ToegewezenProduct First) Sample()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        return (sample, sample.Client.ToegewezenProducten[0]);
    }

    /// <summary>Another allocation (its own number, so no TR101) for the same product over the given period.</summary>
    private static ToegewezenProduct Next(ToegewezenProduct product, DateOnly ingangsdatum, DateOnly? einddatum) =>
        product with { ToewijzingNummer = product.ToewijzingNummer + 1, Ingangsdatum = ingangsdatum, Einddatum = einddatum };

    private static Wmo301 With(Wmo301 sample, params ToegewezenProduct[] producten) =>
        sample with { Client = sample.Client with { ToegewezenProducten = [.. producten] } };

    private static Finding[] Found(Wmo301 message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR302")];
}
