using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR410Tests
{
    [Test]
    public void TR410_the_317_sample_has_one_new_product_and_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo317>("WMO317.xml")), Is.Empty);

    [Test]
    public void TR410_a_second_new_product_of_the_same_product_starting_on_the_day_the_first_ends_is_found_with_0001()
    {
        var (sample, first) = Sample();
        var second = first with { GewensteIngangsdatum = first.Einddatum!.Value, Einddatum = null };

        var finding = Found(With(sample, first, second)).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[2]"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
    }

    [Test]
    public void TR410_the_same_product_starting_the_day_after_the_first_ends_is_fine()
    {
        var (sample, first) = Sample();
        var second = first with { GewensteIngangsdatum = first.Einddatum!.Value.AddDays(1), Einddatum = null };

        Assert.That(Found(With(sample, first, second)), Is.Empty);
    }

    [Test]
    public void TR410_another_code_in_the_same_category_is_fine_and_a_hulpmiddel_may_overlap_itself()
    {
        var (sample, first) = Sample();
        var otherCode = first with { Product = new("01", "01A13") };
        var rolstoel = first with { Product = new("11", "R0001") };

        Assert.That(Found(With(sample, first, otherCode)), Is.Empty);
        Assert.That(Found(With(sample, rolstoel, rolstoel with { GewensteIngangsdatum = first.GewensteIngangsdatum.AddDays(7) })), Is.Empty);
    }

    private static (Wmo317 Sample, NieuwProduct First) Sample()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");
        return (sample, sample.Client.Verzoek.NieuweProducten[0]);
    }

    private static Wmo317 With(Wmo317 sample, params NieuwProduct[] producten) =>
        sample with { Client = sample.Client with { Verzoek = sample.Client.Verzoek with { NieuweProducten = [.. producten] } } };

    private static Finding[] Found(Wmo317 message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR410")];
}
