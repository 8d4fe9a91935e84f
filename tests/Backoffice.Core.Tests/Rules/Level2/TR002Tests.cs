using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR002Tests
{
    [Test]
    public void TR002_the_unchanged_samples_are_fine()
    {
        Assert.That(Found(RuleSamples.Read<Wmo301>("WMO301.xml")), Is.Empty);
        Assert.That(Found(RuleSamples.Read<Wmo305>("WMO305.xml")), Is.Empty);
        Assert.That(Found(RuleSamples.Read<Wmo307>("WMO307.xml")), Is.Empty);
        Assert.That(Found(RuleSamples.Read<Wmo315>("WMO315.xml")), Is.Empty);
    }

    [Test]
    public void TR002_client_born_a_day_more_than_120_years_before_the_dagtekening_is_found_with_0001()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var limit = sample.Header.BerichtIdentificatie.Dagtekening.AddYears(-120);

        var broken = WithClientGeboortedatum(sample, new Geboortedatum(limit.AddDays(-1)));

        AssertFoundAt(broken, "/Bericht/Client/Geboortedatum/Datum");
        Assert.That(Found(broken).Single().Message, Does.Not.Contain(limit.AddDays(-1).Year.ToString(System.Globalization.CultureInfo.InvariantCulture)), "never the value");
    }

    [Test]
    public void TR002_client_born_exactly_120_years_before_the_dagtekening_is_fine()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var limit = sample.Header.BerichtIdentificatie.Dagtekening.AddYears(-120);

        Assert.That(Found(WithClientGeboortedatum(sample, new Geboortedatum(limit))), Is.Empty);
    }

    [Test]
    public void TR002_an_unknown_geboortedatum_datumgebruik_3_and_1900_01_01_is_fine()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");

        Assert.That(Found(WithClientGeboortedatum(sample, new Geboortedatum(new DateOnly(1900, 1, 1), "3"))), Is.Empty);
    }

    [Test]
    public void TR002_1900_01_01_with_only_day_and_month_unknown_is_not_unknown_and_is_found()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");

        AssertFoundAt(WithClientGeboortedatum(sample, new Geboortedatum(new DateOnly(1900, 1, 1), "2")), "/Bericht/Client/Geboortedatum/Datum");
    }

    [Test]
    public void TR002_relatie_born_more_than_120_years_before_is_found_there()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var relatie = sample.Client.Relaties[0];
        var broken = sample with
        {
            Client = sample.Client with
            {
                Relaties =
                [
                    relatie with { Gegevens = relatie.Gegevens with { Geboortedatum = new Geboortedatum(new DateOnly(1890, 5, 1)) } },
                    sample.Client.Relaties[1],
                ],
            },
        };

        AssertFoundAt(broken, "/Bericht/Client/Relaties/Relatie/Geboortedatum/Datum");
    }

    [Test]
    public void TR002_on_a_305_307_and_315_points_at_the_client_geboortedatum()
    {
        var old = new Geboortedatum(new DateOnly(1890, 5, 1));
        var start = RuleSamples.Read<Wmo305>("WMO305.xml");
        var stop = RuleSamples.Read<Wmo307>("WMO307.xml");
        var vot = RuleSamples.Read<Wmo315>("WMO315.xml");

        AssertFoundAt(start with { Client = start.Client with { Gegevens = start.Client.Gegevens with { Geboortedatum = old } } }, "/Bericht/Client/Geboortedatum/Datum");
        AssertFoundAt(stop with { Client = stop.Client with { Gegevens = stop.Client.Gegevens with { Geboortedatum = old } } }, "/Bericht/Client/Geboortedatum/Datum");
        AssertFoundAt(vot with { Client = vot.Client with { Gegevens = vot.Client.Gegevens with { Geboortedatum = old } } }, "/Bericht/Client/Geboortedatum/Datum");
    }

    private static Wmo301 WithClientGeboortedatum(Wmo301 sample, Geboortedatum geboortedatum) =>
        sample with { Client = sample.Client with { Gegevens = sample.Client.Gegevens with { Geboortedatum = geboortedatum } } };

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR002")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(TR002)."));
    }
}
