using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR353Tests
{
    [Test]
    public void TR353_the_317_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo317>("WMO317.xml")), Is.Empty);

    [Test]
    public void TR353_a_verzoek_with_only_unchanged_products_is_found_on_the_verzoek_with_0001()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");
        var nothingAsked = sample with { Client = sample.Client with { Verzoek = sample.Client.Verzoek with { TeWijzigenProducten = [], NieuweProducten = [] } } };

        var finding = Found(nothingAsked).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Verzoek"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
    }

    [Test]
    public void TR353_one_new_product_is_enough()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");
        var oneNew = sample with { Client = sample.Client with { Verzoek = sample.Client.Verzoek with { TeWijzigenProducten = [] } } };

        Assert.That(Found(oneNew), Is.Empty);
    }

    [Test]
    public void TR353_one_product_to_change_is_enough()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");
        var oneToChange = sample with { Client = sample.Client with { Verzoek = sample.Client.Verzoek with { NieuweProducten = [] } } };

        Assert.That(Found(oneToChange), Is.Empty);
    }

    private static Finding[] Found(Wmo317 message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR353")];
}
