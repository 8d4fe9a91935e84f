using Backoffice.Core.Messages.Toewijzing;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD034Tests
{
    private static Wmo301 WithContacts(Wmo301 sample, params Contact[] contacts) =>
        sample with { Client = sample.Client with { Contactgegevens = [.. contacts] } };

    [Test]
    public void CD034_brp_address_without_postcode_is_found_with_0001()
    {
        var sample = Toewijzing;
        var contact = sample.Client.Contactgegevens[0];
        var broken = WithContacts(sample, contact with { Adres = contact.Adres! with { Postcode = null } });

        var finding = Findings(broken, "CD034").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Contactgegevens/Contact/Adres/Postcode"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD034)."));
    }

    [Test]
    public void CD034_verblijfadres_without_any_adres_lacks_its_postcode_too()
    {
        var sample = Toewijzing;
        var contact = sample.Client.Contactgegevens[0];
        var broken = WithContacts(sample, contact, contact with { Soort = "03", Adres = null });

        Assert.That(Findings(broken, "CD034").Single().Path, Is.EqualTo("/Bericht/Client/Contactgegevens/Contact[2]/Adres/Postcode"));
    }

    [TestCase("02")]
    [TestCase("04")]
    public void CD034_other_kinds_of_address_without_postcode_are_fine(string soort)
    {
        var sample = Toewijzing;
        var contact = sample.Client.Contactgegevens[0];
        var fine = WithContacts(sample, contact with { Soort = soort, Adres = contact.Adres! with { Postcode = null } });

        Assert.That(Findings(fine, "CD034"), Is.Empty);
    }

    [Test]
    public void CD034_the_sample_is_fine() => Assert.That(Findings(Toewijzing, "CD034"), Is.Empty);
}
