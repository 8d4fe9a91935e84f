using Backoffice.Core.Messages.Toewijzing;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD005Tests
{
    private static Wmo301 WithContacts(Wmo301 sample, params Contact[] contacts) =>
        sample with { Client = sample.Client with { Contactgegevens = [.. contacts] } };

    [Test]
    public void CD005_landcode_missing_while_postcode_is_filled_is_found_with_0001()
    {
        var sample = Toewijzing;
        var contact = sample.Client.Contactgegevens[0];
        var broken = WithContacts(sample, contact with { Adres = contact.Adres! with { LandCode = null } });

        var finding = Findings(broken, "CD005").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Contactgegevens/Contact/Adres/LandCode"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD005)."));
    }

    [Test]
    public void CD005_landcode_filled_without_postcode_on_the_second_contact_is_found_there()
    {
        var sample = Toewijzing;
        var contact = sample.Client.Contactgegevens[0];
        var broken = WithContacts(sample, contact, contact with { Soort = "02", Adres = contact.Adres! with { Postcode = null } });

        var finding = Findings(broken, "CD005").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Contactgegevens/Contact[2]/Adres/LandCode"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
    }

    [Test]
    public void CD005_on_the_contact_of_a_relatie_points_into_that_relatie()
    {
        var sample = Toewijzing;
        var relatie = sample.Client.Relaties[1];
        var broken = sample with
        {
            Client = sample.Client with
            {
                Relaties = [sample.Client.Relaties[0], relatie with { Contact = relatie.Contact with { Adres = relatie.Contact.Adres! with { LandCode = null } } }],
            },
        };

        Assert.That(Findings(broken, "CD005").Single().Path, Is.EqualTo("/Bericht/Client/Relaties/Relatie[2]/Contact/Adres/LandCode"));
    }

    [Test]
    public void CD005_no_postcode_and_no_landcode_is_fine()
    {
        var sample = Toewijzing;
        var contact = sample.Client.Contactgegevens[0];
        var fine = WithContacts(sample, contact with { Adres = contact.Adres! with { Postcode = null, LandCode = null } }, contact with { Adres = null });

        Assert.That(Findings(fine, "CD005"), Is.Empty);
    }

    [Test]
    public void CD005_the_sample_is_fine() => Assert.That(Findings(Toewijzing, "CD005"), Is.Empty);
}
