using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD009Tests
{
    private static readonly OpenPeriode Periode = new(new DateOnly(2023, 8, 1), new DateOnly(2023, 9, 30));

    private static Wmo301 WithContacts(Wmo301 sample, params Contact[] contacts) =>
        sample with { Client = sample.Client with { Contactgegevens = [.. contacts] } };

    [Test]
    public void CD009_periode_on_a_brp_address_is_found_with_0001()
    {
        var sample = Toewijzing;
        var broken = WithContacts(sample, sample.Client.Contactgegevens[0] with { Periode = Periode });

        var finding = Findings(broken, "CD009").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Contactgegevens/Contact/Periode"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD009)."));
    }

    [Test]
    public void CD009_periode_on_a_verblijfadres_of_a_relatie_is_found_there()
    {
        var sample = Toewijzing;
        var relatie = sample.Client.Relaties[0];
        var broken = sample with
        {
            Client = sample.Client with { Relaties = [relatie with { Contact = relatie.Contact with { Soort = "03", Periode = Periode } }, sample.Client.Relaties[1]] },
        };

        Assert.That(Findings(broken, "CD009").Single().Path, Is.EqualTo("/Bericht/Client/Relaties/Relatie/Contact/Periode"));
    }

    [Test]
    public void CD009_periode_on_a_temporary_address_is_fine()
    {
        var sample = Toewijzing;
        var contact = sample.Client.Contactgegevens[0];
        var fine = WithContacts(sample, contact, contact with { Soort = "04", Periode = Periode });

        Assert.That(Findings(fine, "CD009"), Is.Empty);
    }

    [Test]
    public void CD009_the_sample_is_fine() => Assert.That(Findings(Toewijzing, "CD009"), Is.Empty);
}
