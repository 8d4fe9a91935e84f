using Backoffice.Core.Messages;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CS058Tests
{
    [Test]
    public void CS058_the_unchanged_samples_are_fine()
    {
        Assert.That(Found(RuleSamples.Read<Wmo305>("WMO305.xml")), Is.Empty);
        Assert.That(Found(RuleSamples.Read<Wmo307>("WMO307.xml")), Is.Empty);
    }

    [TestCase("2")]
    [TestCase("9")]
    public void CS058_start_product_with_status_other_than_1_or_3_is_found_with_0001(string status)
    {
        var sample = RuleSamples.Read<Wmo305>("WMO305.xml");
        var starts = sample.Client.StartProducten;
        var broken = sample with { Client = sample.Client with { StartProducten = [starts[0], starts[1] with { StatusAanlevering = status }] } };

        AssertFoundAt(broken, "/Bericht/Client/StartProducten/StartProduct[2]/StatusAanlevering");
    }

    [Test]
    public void CS058_stop_product_with_status_2_is_found_there()
    {
        var sample = RuleSamples.Read<Wmo307>("WMO307.xml");
        var stops = sample.Client.StopProducten;
        var broken = sample with { Client = sample.Client with { StopProducten = [stops[0] with { StatusAanlevering = "2" }, stops[1]] } };

        AssertFoundAt(broken, "/Bericht/Client/StopProducten/StopProduct/StatusAanlevering");
    }

    [Test]
    public void CS058_status_3_to_delete_is_fine()
    {
        var start = RuleSamples.Read<Wmo305>("WMO305.xml");
        var stop = RuleSamples.Read<Wmo307>("WMO307.xml");
        var deleteStart = start with { Client = start.Client with { StartProducten = [start.Client.StartProducten[0] with { StatusAanlevering = "3" }] } };
        var deleteStop = stop with { Client = stop.Client with { StopProducten = [stop.Client.StopProducten[0] with { StatusAanlevering = "3" }] } };

        Assert.That(Found(deleteStart), Is.Empty);
        Assert.That(Found(deleteStop), Is.Empty);
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "CS058")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(CS058)."));
    }
}
