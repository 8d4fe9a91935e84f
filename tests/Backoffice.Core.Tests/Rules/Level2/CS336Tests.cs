using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CS336Tests
{
    [Test]
    public void CS336_the_unchanged_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo301>("WMO301.xml")), Is.Empty);

    [Test]
    public void CS336_reden_wijziging_01_is_found_with_0001()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var product = sample.Client.ToegewezenProducten[0];
        var broken = sample with
        {
            Client = sample.Client with { ToegewezenProducten = [product, product with { ToewijzingNummer = 102, RedenWijziging = "01" }] },
        };

        AssertFoundAt(broken, "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/RedenWijziging");
    }

    [Test]
    public void CS336_reden_wijziging_14_the_current_administrative_correction_is_fine()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var product = sample.Client.ToegewezenProducten[0];
        var fine = sample with { Client = sample.Client with { ToegewezenProducten = [product with { RedenWijziging = "14" }] } };

        Assert.That(Found(fine), Is.Empty);
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "CS336")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(CS336)."));
    }
}
