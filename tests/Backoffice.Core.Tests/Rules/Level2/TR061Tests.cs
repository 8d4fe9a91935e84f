using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR061Tests
{
    [Test]
    public void TR061_the_unchanged_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo301>("WMO301.xml")), Is.Empty);

    [Test]
    public void TR061_client_with_only_a_tijdelijk_verblijfadres_is_found_with_0001()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");

        AssertFoundAt(WithSoorten(sample, "04"), "/Bericht/Client/Contactgegevens");
    }

    [Test]
    public void TR061_a_relatie_brp_adres_does_not_count_for_the_client()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        Assert.That(sample.Client.Relaties.Select(r => r.Contact.Soort), Does.Contain("01"), "the sample's relaties have a BRP-adres");

        AssertFoundAt(WithSoorten(sample, "04", "04"), "/Bericht/Client/Contactgegevens");
    }

    [TestCase("01")]
    [TestCase("02")]
    [TestCase("03")]
    public void TR061_one_contact_with_soort_01_02_or_03_next_to_others_is_fine(string soort) =>
        Assert.That(Found(WithSoorten(RuleSamples.Read<Wmo301>("WMO301.xml"), "04", soort)), Is.Empty);

    private static Wmo301 WithSoorten(Wmo301 sample, params string[] soorten)
    {
        var contact = sample.Client.Contactgegevens[0];
        return sample with { Client = sample.Client with { Contactgegevens = [.. soorten.Select(s => contact with { Soort = s })] } };
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR061")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(TR061)."));
    }
}
