using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR352Tests
{
    [Test]
    public void TR352_the_317_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo317>("WMO317.xml")), Is.Empty);

    [Test]
    public void TR352_a_verzoek_with_only_new_products_is_found_on_the_verzoek_with_0001()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");
        var onlyNew = sample with { Client = sample.Client with { Verzoek = sample.Client.Verzoek with { OngewijzigdeProducten = [], TeWijzigenProducten = [] } } };

        var finding = Found(onlyNew).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Verzoek"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
    }

    [Test]
    public void TR352_one_unchanged_product_is_enough()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");
        var oneUnchanged = sample with { Client = sample.Client with { Verzoek = sample.Client.Verzoek with { TeWijzigenProducten = [] } } };

        Assert.That(Found(oneUnchanged), Is.Empty);
    }

    [Test]
    public void TR352_one_product_to_change_is_enough()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");
        var oneToChange = sample with { Client = sample.Client with { Verzoek = sample.Client.Verzoek with { OngewijzigdeProducten = [] } } };

        Assert.That(Found(oneToChange), Is.Empty);
    }

    private static Finding[] Found(Wmo317 message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR352")];
}
