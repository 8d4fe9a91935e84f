using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CS050Tests
{
    [Test]
    public void CS050_the_unchanged_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo301>("WMO301.xml")), Is.Empty);

    [TestCase("5")]
    [TestCase("6")]
    public void CS050_client_with_partnernaam_and_naamgebruik_other_than_1_to_4_is_found_with_0001(string naamGebruik)
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var gegevens = sample.Client.Gegevens;
        var broken = sample with { Client = sample.Client with { Gegevens = gegevens with { Naam = gegevens.Naam with { NaamGebruik = naamGebruik } } } };

        AssertFoundAt(broken, "/Bericht/Client/Naam/NaamGebruik");
    }

    [TestCase("1")]
    [TestCase("2")]
    [TestCase("3")]
    [TestCase("4")]
    public void CS050_client_with_partnernaam_and_naamgebruik_1_to_4_is_fine(string naamGebruik)
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var gegevens = sample.Client.Gegevens;
        var fine = sample with { Client = sample.Client with { Gegevens = gegevens with { Naam = gegevens.Naam with { NaamGebruik = naamGebruik } } } };

        Assert.That(Found(fine), Is.Empty);
    }

    [TestCase("2")]
    [TestCase("4")]
    [TestCase("5")]
    public void CS050_relatie_without_partnernaam_and_naamgebruik_other_than_1_or_6_is_found_there(string naamGebruik)
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var relatie = sample.Client.Relaties[1];
        var naam = relatie.Gegevens.Naam with { Partnernaam = null, NaamGebruik = naamGebruik };
        var broken = sample with
        {
            Client = sample.Client with { Relaties = [sample.Client.Relaties[0], relatie with { Gegevens = relatie.Gegevens with { Naam = naam } }] },
        };

        AssertFoundAt(broken, "/Bericht/Client/Relaties/Relatie[2]/Naam/NaamGebruik");
    }

    [TestCase("1")]
    [TestCase("6")]
    public void CS050_without_partnernaam_naamgebruik_1_or_6_is_fine(string naamGebruik)
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var gegevens = sample.Client.Gegevens;
        var fine = sample with
        {
            Client = sample.Client with { Gegevens = gegevens with { Naam = gegevens.Naam with { Partnernaam = null, NaamGebruik = naamGebruik } } },
        };

        Assert.That(Found(fine), Is.Empty);
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "CS050")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(CS050)."));
    }
}
