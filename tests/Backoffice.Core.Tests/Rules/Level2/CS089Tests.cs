using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Rules;
using Backoffice.Core.Rules.Level2;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CS089Tests
{
    [TestCase("1234AB", true)]
    [TestCase("9999XX", true)]
    [TestCase("1234 AB", false)]
    [TestCase("1234ab", false)]
    [TestCase("0123AB", false)]
    [TestCase("123AB", false)]
    [TestCase("12345A", false)]
    [TestCase("1234ABC", false)]
    public void Dutch_postcode_format(string postcode, bool dutch) => Assert.That(CS089.IsDutchPostcode(postcode), Is.EqualTo(dutch));

    [Test]
    public void CS089_the_unchanged_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo301>("WMO301.xml")), Is.Empty);

    [Test]
    public void CS089_client_postcode_with_a_space_and_landcode_nl_is_found_with_0001()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var broken = WithClientAdres(sample, "1234 AB", "NL");

        AssertFoundAt(broken, "/Bericht/Client/Contactgegevens/Contact/Adres/Postcode");
        Assert.That(Found(broken).Single().Message, Does.Not.Contain("1234"), "never the value");
    }

    [Test]
    public void CS089_dutch_postcode_with_landcode_nl_is_fine() =>
        Assert.That(Found(WithClientAdres(RuleSamples.Read<Wmo301>("WMO301.xml"), "1234AB", "NL")), Is.Empty);

    [Test]
    public void CS089_foreign_postcode_with_another_landcode_is_fine() =>
        Assert.That(Found(WithClientAdres(RuleSamples.Read<Wmo301>("WMO301.xml"), "1234 AB", "BE")), Is.Empty);

    [Test]
    public void CS089_relatie_contact_postcode_not_dutch_with_landcode_nl_is_found_there()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var relatie = sample.Client.Relaties[1];
        var adres = relatie.Contact.Adres! with { Postcode = "1234ab", LandCode = "NL" };
        var broken = sample with
        {
            Client = sample.Client with
            {
                Relaties = [sample.Client.Relaties[0], relatie with { Contact = relatie.Contact with { Adres = adres } }],
            },
        };

        AssertFoundAt(broken, "/Bericht/Client/Relaties/Relatie[2]/Contact/Adres/Postcode");
    }

    private static Wmo301 WithClientAdres(Wmo301 sample, string postcode, string landCode)
    {
        var contact = sample.Client.Contactgegevens[0];
        var adres = contact.Adres! with { Postcode = postcode, LandCode = landCode };
        return sample with { Client = sample.Client with { Contactgegevens = [contact with { Adres = adres }] } };
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "CS089")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(CS089)."));
    }
}
