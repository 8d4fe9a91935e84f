using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Rules;
using Backoffice.Core.Rules.Level2;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CS002Tests
{
    [TestCase("999900006", true)]
    [TestCase("111222333", true)]
    [TestCase("999900007", false)]
    [TestCase("123456789", false)]
    [TestCase("12345678", false)]
    [TestCase("12345678a", false)]
    public void Elf_proef(string bsn, bool passes) => Assert.That(CS002.PassesElfProef(bsn), Is.EqualTo(passes));

    [Test]
    public void CS002_bsn_failing_the_11_proef_on_the_second_client_of_a_323_is_found_there_with_0001()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var first = sample.Declaratie.Clienten[0];
        var declaration = sample with
        {
            Declaratie = sample.Declaratie with { Clienten = [first, first with { Bsn = "999900007" }] },
        };

        var finding = RuleSet.Level2.Check(declaration).Single(f => f.Rule == "CS002");

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Declaratie/Clienten/Client[2]/Bsn"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.Not.Contain("999900007"), "never the value");
    }

    [Test]
    public void CS002_a_valid_bsn_is_not_a_finding()
    {
        var start = RuleSamples.Read<Wmo305>("WMO305.xml");

        Assert.That(RuleSet.Level2.Check(start).Where(f => f.Rule == "CS002"), Is.Empty);
    }

    [Test]
    public void CS002_on_a_305_points_at_the_client_bsn()
    {
        var start = RuleSamples.Read<Wmo305>("WMO305.xml");
        var broken = start with { Client = start.Client with { Gegevens = start.Client.Gegevens with { Bsn = "123456789" } } };

        Assert.That(RuleSet.Level2.Check(broken).Single(f => f.Rule == "CS002").Path, Is.EqualTo("/Bericht/Client/Bsn"));
    }
}
