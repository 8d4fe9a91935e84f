using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR006Tests
{
    private static readonly Telefoonnummers Telefoon = new(new Telefoon("0101234567", "0031"));

    [Test]
    public void TR006_the_unchanged_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo301>("WMO301.xml")), Is.Empty);

    [Test]
    public void TR006_client_contact_with_an_adres_without_postcode_and_no_telefoon_is_found_with_0001()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var contact = sample.Client.Contactgegevens[0];
        var broken = WithClientContact(sample, contact with { Adres = contact.Adres! with { Postcode = null, LandCode = null }, Telefoon = null });

        AssertFoundAt(broken, "/Bericht/Client/Contactgegevens/Contact");
    }

    [Test]
    public void TR006_client_contact_with_a_postcode_but_no_huis_and_no_telefoon_is_found()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var contact = sample.Client.Contactgegevens[0];

        AssertFoundAt(WithClientContact(sample, contact with { Adres = contact.Adres! with { Huis = null } }), "/Bericht/Client/Contactgegevens/Contact");
    }

    [Test]
    public void TR006_a_telefoon_without_adres_or_huis_and_postcode_without_telefoon_is_fine()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var contact = sample.Client.Contactgegevens[0];

        Assert.That(Found(WithClientContact(sample, contact with { Adres = null, Telefoon = Telefoon })), Is.Empty);
        Assert.That(Found(WithClientContact(sample, contact with { Telefoon = null })), Is.Empty);
    }

    [Test]
    public void TR006_relatie_contact_with_only_an_emailadres_is_found_there()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var relatie = sample.Client.Relaties[1];
        var broken = sample with
        {
            Client = sample.Client with
            {
                Relaties = [sample.Client.Relaties[0], relatie with { Contact = relatie.Contact with { Adres = null, Telefoon = null } }],
            },
        };

        AssertFoundAt(broken, "/Bericht/Client/Relaties/Relatie[2]/Contact");
    }

    private static Wmo301 WithClientContact(Wmo301 sample, Contact contact) =>
        sample with { Client = sample.Client with { Contactgegevens = [contact] } };

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR006")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(TR006)."));
    }
}
