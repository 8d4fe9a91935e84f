using Backoffice.Core.Messages.Toewijzing;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD025Tests
{
    private static Wmo301 WithContacts(Wmo301 sample, params Contact[] contacts) =>
        sample with { Client = sample.Client with { Contactgegevens = [.. contacts] } };

    [Test]
    public void CD025_dutch_address_without_huis_is_found_with_0001()
    {
        var sample = Toewijzing;
        var contact = sample.Client.Contactgegevens[0];
        var broken = WithContacts(sample, contact with { Adres = contact.Adres! with { LandCode = "NL", Huis = null } });

        var finding = Findings(broken, "CD025").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Contactgegevens/Contact/Adres/Huis"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD025)."));
    }

    [Test]
    public void CD025_foreign_address_without_huis_is_fine()
    {
        var sample = Toewijzing;
        var contact = sample.Client.Contactgegevens[0];
        var fine = WithContacts(sample, contact with { Adres = contact.Adres! with { Huis = null } });

        Assert.That(Findings(fine, "CD025"), Is.Empty);
    }

    [Test]
    public void CD025_dutch_address_with_huis_is_fine()
    {
        var sample = Toewijzing;
        var contact = sample.Client.Contactgegevens[0];
        var fine = WithContacts(sample, contact with { Adres = contact.Adres! with { LandCode = "NL" } });

        Assert.That(Findings(fine, "CD025"), Is.Empty);
    }

    [Test]
    public void CD025_the_sample_is_fine() => Assert.That(Findings(Toewijzing, "CD025"), Is.Empty);
}
