using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CS335Tests
{
    [Test]
    public void CS335_the_unchanged_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo301>("WMO301.xml")), Is.Empty);

    [Test]
    public void CS335_reden_wijziging_13_while_einddatum_differs_from_ingangsdatum_is_found_with_0001()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var product = sample.Client.ToegewezenProducten[0];
        var broken = WithProducts(sample, product, product with { ToewijzingNummer = 102, RedenWijziging = "13" });

        AssertFoundAt(broken, "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/RedenWijziging");
    }

    [Test]
    public void CS335_reden_wijziging_13_without_einddatum_is_found()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var product = sample.Client.ToegewezenProducten[0];

        AssertFoundAt(WithProducts(sample, product with { RedenWijziging = "13", Einddatum = null }), "/Bericht/Client/ToegewezenProducten/ToegewezenProduct/RedenWijziging");
    }

    [Test]
    public void CS335_reden_wijziging_13_with_einddatum_equal_to_ingangsdatum_is_fine()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var product = sample.Client.ToegewezenProducten[0];

        Assert.That(Found(WithProducts(sample, product with { RedenWijziging = "13", Einddatum = product.Ingangsdatum })), Is.Empty);
    }

    [Test]
    public void CS335_another_reden_wijziging_with_differing_dates_is_fine()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var product = sample.Client.ToegewezenProducten[0];

        Assert.That(Found(WithProducts(sample, product with { RedenWijziging = "04" })), Is.Empty);
    }

    private static Wmo301 WithProducts(Wmo301 sample, params ToegewezenProduct[] products) =>
        sample with { Client = sample.Client with { ToegewezenProducten = [.. products] } };

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "CS335")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(CS335)."));
    }
}
