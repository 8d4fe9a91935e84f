using Backoffice.Core.Messages;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR018Tests
{
    [Test]
    public void TR018_the_unchanged_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo307>("WMO307.xml")), Is.Empty);

    [Test]
    public void TR018_stop_einddatum_the_day_before_its_begindatum_is_found_with_0001()
    {
        var sample = RuleSamples.Read<Wmo307>("WMO307.xml");
        var stops = sample.Client.StopProducten;
        var broken = sample with { Client = sample.Client with { StopProducten = [stops[0], stops[1] with { Einddatum = stops[1].Begindatum.AddDays(-1) }] } };

        AssertFoundAt(broken, "/Bericht/Client/StopProducten/StopProduct[2]/Einddatum");
    }

    [Test]
    public void TR018_a_deletion_is_checked_as_well()
    {
        var sample = RuleSamples.Read<Wmo307>("WMO307.xml");
        var stop = sample.Client.StopProducten[0];
        var broken = sample with { Client = sample.Client with { StopProducten = [stop with { Einddatum = stop.Begindatum.AddDays(-1), StatusAanlevering = "3" }] } };

        AssertFoundAt(broken, "/Bericht/Client/StopProducten/StopProduct/Einddatum");
    }

    [Test]
    public void TR018_stop_ending_on_its_begindatum_is_fine()
    {
        var sample = RuleSamples.Read<Wmo307>("WMO307.xml");
        var stop = sample.Client.StopProducten[0];
        var sameDay = sample with { Client = sample.Client with { StopProducten = [stop with { Einddatum = stop.Begindatum }] } };

        Assert.That(Found(sameDay), Is.Empty);
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR018")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(TR018)."));
    }
}
