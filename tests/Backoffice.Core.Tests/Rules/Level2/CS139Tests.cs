using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Rules;
using Backoffice.Core.Rules.Level2;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CS139Tests
{
    [TestCase("1967-08-13", null, true)]
    [TestCase("1967-08-01", "1", true)]
    [TestCase("1967-08-13", "1", false)]
    [TestCase("1953-01-01", "2", true)]
    [TestCase("1953-09-01", "2", false)]
    [TestCase("1953-01-13", "2", false)]
    [TestCase("1900-01-01", "3", true)]
    [TestCase("1953-01-01", "3", false)]
    public void DatumGebruik_agrees_with_datum_as_iv009_fills_unknown_parts(string datum, string? datumGebruik, bool agrees) =>
        Assert.That(CS139.Agrees(DateOnly.Parse(datum, System.Globalization.CultureInfo.InvariantCulture), datumGebruik), Is.EqualTo(agrees));

    [Test]
    public void CS139_the_unchanged_samples_are_fine()
    {
        Assert.That(Found(RuleSamples.Read<Wmo301>("WMO301.xml")), Is.Empty);
        Assert.That(Found(RuleSamples.Read<Wmo305>("WMO305.xml")), Is.Empty);
        Assert.That(Found(RuleSamples.Read<Wmo307>("WMO307.xml")), Is.Empty);
        Assert.That(Found(RuleSamples.Read<Wmo315>("WMO315.xml")), Is.Empty);
    }

    [Test]
    public void CS139_client_day_unknown_but_datum_not_on_day_01_is_found_with_0001()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var broken = sample with
        {
            Client = sample.Client with { Gegevens = sample.Client.Gegevens with { Geboortedatum = new Geboortedatum(new DateOnly(1967, 8, 13), "1") } },
        };

        AssertFoundAt(broken, "/Bericht/Client/Geboortedatum/DatumGebruik");
    }

    [Test]
    public void CS139_client_day_unknown_with_datum_on_day_01_is_fine()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var fine = sample with
        {
            Client = sample.Client with { Gegevens = sample.Client.Gegevens with { Geboortedatum = new Geboortedatum(new DateOnly(1967, 8, 1), "1") } },
        };

        Assert.That(Found(fine), Is.Empty);
    }

    [Test]
    public void CS139_relatie_date_wholly_unknown_but_not_1900_01_01_is_found_there()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var relatie = sample.Client.Relaties[1];
        var broken = sample with
        {
            Client = sample.Client with
            {
                Relaties =
                [
                    sample.Client.Relaties[0],
                    relatie with { Gegevens = relatie.Gegevens with { Geboortedatum = new Geboortedatum(new DateOnly(1953, 1, 1), "3") } },
                ],
            },
        };

        AssertFoundAt(broken, "/Bericht/Client/Relaties/Relatie[2]/Geboortedatum/DatumGebruik");
    }

    [Test]
    public void CS139_relatie_without_geboortedatum_is_fine()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var relatie = sample.Client.Relaties[0];
        var fine = sample with { Client = sample.Client with { Relaties = [relatie with { Gegevens = relatie.Gegevens with { Geboortedatum = null } }] } };

        Assert.That(Found(fine), Is.Empty);
    }

    [Test]
    public void CS139_on_a_305_307_and_315_points_at_the_client_datumgebruik()
    {
        var wrong = new Geboortedatum(new DateOnly(1953, 9, 1), "2");
        var start = RuleSamples.Read<Wmo305>("WMO305.xml");
        var stop = RuleSamples.Read<Wmo307>("WMO307.xml");
        var vot = RuleSamples.Read<Wmo315>("WMO315.xml");

        AssertFoundAt(start with { Client = start.Client with { Gegevens = start.Client.Gegevens with { Geboortedatum = wrong } } }, "/Bericht/Client/Geboortedatum/DatumGebruik");
        AssertFoundAt(stop with { Client = stop.Client with { Gegevens = stop.Client.Gegevens with { Geboortedatum = wrong } } }, "/Bericht/Client/Geboortedatum/DatumGebruik");
        AssertFoundAt(vot with { Client = vot.Client with { Gegevens = vot.Client.Gegevens with { Geboortedatum = wrong } } }, "/Bericht/Client/Geboortedatum/DatumGebruik");
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "CS139")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(CS139)."));
    }
}
