using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR134Tests
{
    [TestCase("WMO301.xml")]
    [TestCase("WMO305.xml")]
    [TestCase("WMO307.xml")]
    [TestCase("WMO315.xml")]
    [TestCase("WMO323.xml")]
    public void TR134_the_reference_samples_have_no_date_after_their_dagtekening(string sample) =>
        Assert.That(Found(RuleSamples.Read<IwmoMessage>(sample)), Is.Empty);

    [Test]
    public void TR134_start_begindatum_a_day_after_the_dagtekening_is_found_with_0001()
    {
        var sample = RuleSamples.Read<Wmo305>("WMO305.xml");
        var late = sample with { Client = sample.Client with { StartProducten = [sample.Client.StartProducten[0], sample.Client.StartProducten[1] with { Begindatum = Dagtekening(sample).AddDays(1) }] } };

        var finding = Found(late).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/StartProducten/StartProduct[2]/Begindatum"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
    }

    [Test]
    public void TR134_start_begindatum_on_the_dagtekening_is_fine()
    {
        var sample = RuleSamples.Read<Wmo305>("WMO305.xml");
        var onTheDay = sample with { Client = sample.Client with { StartProducten = [sample.Client.StartProducten[0] with { Begindatum = Dagtekening(sample) }] } };

        Assert.That(Found(onTheDay), Is.Empty);
    }

    [Test]
    public void TR134_stop_einddatum_after_the_dagtekening_is_found()
    {
        var sample = RuleSamples.Read<Wmo307>("WMO307.xml");
        var late = sample with { Client = sample.Client with { StopProducten = [sample.Client.StopProducten[0] with { Einddatum = Dagtekening(sample).AddDays(1) }] } };

        Assert.That(Found(late).Single().Path, Is.EqualTo("/Bericht/Client/StopProducten/StopProduct/Einddatum"));
    }

    [Test]
    public void TR134_toewijzingsdatum_and_relatie_geboortedatum_after_the_dagtekening_of_a_301_are_found()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var c = sample.Client;
        var tomorrow = Dagtekening(sample).AddDays(1);
        var relatie = c.Relaties[1];
        var late = sample with
        {
            Client = c with
            {
                Relaties = [c.Relaties[0], relatie with { Gegevens = relatie.Gegevens with { Geboortedatum = new(tomorrow) } }],
                ToegewezenProducten = [c.ToegewezenProducten[0] with { Toewijzingsdatum = tomorrow }],
            },
        };

        Assert.That(
            Found(late).Select(f => f.Path),
            Is.EquivalentTo(new[]
            {
                "/Bericht/Client/Relaties/Relatie[2]/Geboortedatum/Datum",
                "/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Toewijzingsdatum",
            }));
    }

    [Test]
    public void TR134_the_301_sample_allocates_on_its_dagtekening_which_is_fine()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");

        Assert.That(sample.Client.ToegewezenProducten[0].Toewijzingsdatum, Is.EqualTo(Dagtekening(sample)), "the boundary day is in the sample itself");
        Assert.That(Found(sample), Is.Empty);
    }

    [Test]
    public void TR134_client_geboortedatum_after_the_dagtekening_of_a_315_is_found()
    {
        var sample = RuleSamples.Read<Wmo315>("WMO315.xml");
        var unborn = sample with { Client = sample.Client with { Gegevens = sample.Client.Gegevens with { Geboortedatum = new(Dagtekening(sample).AddDays(1)) } } };

        Assert.That(Found(unborn).Single().Path, Is.EqualTo("/Bericht/Client/Geboortedatum/Datum"));
    }

    [Test]
    public void TR134_product_periode_starting_after_the_header_dagtekening_of_a_323_is_found_together_with_TR137()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var early = sample with { Header = sample.Header with { BerichtIdentificatie = sample.Header.BerichtIdentificatie with { Dagtekening = new(2023, 3, 31) } } };

        var findings = RuleSet.Level2.Check(early);

        Assert.That(
            findings.Where(f => f.Rule == "TR134").Select(f => f.Path),
            Is.EquivalentTo(new[]
            {
                "/Bericht/Declaratie/DeclaratiePeriode/Begindatum",
                "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ProductPeriode/Begindatum",
                "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/ProductPeriode/Begindatum",
                "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie/ProductPeriode/Begindatum",
                "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]/ProductPeriode/Begindatum",
            }));
        Assert.That(findings.Where(f => f.Rule == "TR137"), Has.Exactly(5).Items, "the Einddatum of each of those periods is late too");
    }

    [Test]
    public void TR134_a_323_whose_periods_start_on_the_dagtekening_is_fine()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var onTheDay = sample with { Header = sample.Header with { BerichtIdentificatie = sample.Header.BerichtIdentificatie with { Dagtekening = new(2023, 4, 1) } } };

        Assert.That(Found(onTheDay), Is.Empty);
    }

    [Test]
    public void TR134_a_325_we_build_is_checked_against_its_own_dagtekening()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var antwoord = DeclaratieAntwoordSamples.Answering(sample, (1, 0));
        var early = antwoord with { Header = antwoord.Header with { BerichtIdentificatie = antwoord.Header.BerichtIdentificatie with { Dagtekening = new(2023, 3, 31) } } };

        Assert.That(Found(antwoord), Is.Empty);
        var finding = Found(early).Single();
        Assert.That(finding.Path, Is.EqualTo("/Bericht/DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie/ProductPeriode/Begindatum"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
    }

    private static DateOnly Dagtekening(IwmoMessage message) => message.Header.BerichtIdentificatie.Dagtekening;

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR134")];
}
