using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR137Tests
{
    private const string FirstPeriode = "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ProductPeriode/Einddatum";

    [Test]
    public void TR137_the_323_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo323>("WMO323.xml")), Is.Empty);

    [Test]
    public void TR137_a_325_we_build_is_fine() =>
        Assert.That(Found(DeclaratieAntwoordSamples.Answering(RuleSamples.Read<Wmo323>("WMO323.xml"), (0, 1))), Is.Empty);

    [Test]
    public void TR137_product_periode_ending_before_it_begins_is_found_on_its_einddatum_with_0001()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var backwards = WithFirstPeriode(sample, new(new(2023, 4, 10), new(2023, 4, 9)));

        var finding = Found(backwards).Single();

        Assert.That(finding.Path, Is.EqualTo(FirstPeriode));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
    }

    [Test]
    public void TR137_product_periode_of_one_day_is_fine()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");

        Assert.That(Found(WithFirstPeriode(sample, new(new(2023, 4, 10), new(2023, 4, 10)))), Is.Empty);
    }

    [Test]
    public void TR137_uses_the_header_dagtekening_not_the_declaratie_dagtekening()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var declaratie = sample.Declaratie;

        // Header Dagtekening on the last day of April: every period ends on it, which is still fine.
        var onTheDay = WithDagtekening(sample, new(2023, 4, 30));
        Assert.That(Found(onTheDay), Is.Empty);

        // Header Dagtekening a day earlier while DeclaratieDagtekening stays in May: found on every period.
        var headerEarly = WithDagtekening(sample, new(2023, 4, 29));
        Assert.That(Found(headerEarly).Select(f => f.Path), Does.Contain("/Bericht/Declaratie/DeclaratiePeriode/Einddatum").And.Contain(FirstPeriode));
        Assert.That(Found(headerEarly), Has.Exactly(5).Items);

        // DeclaratieDagtekening before the period ends but the header Dagtekening after it: not TR137.
        var declaratieEarly = sample with { Declaratie = declaratie with { DeclaratieDagtekening = new(2023, 4, 29) } };
        Assert.That(Found(declaratieEarly), Is.Empty);
    }

    [Test]
    public void TR137_a_325_we_build_is_checked_against_its_own_header_dagtekening()
    {
        var antwoord = DeclaratieAntwoordSamples.Answering(RuleSamples.Read<Wmo323>("WMO323.xml"), (1, 1));
        var early = antwoord with { Header = antwoord.Header with { BerichtIdentificatie = antwoord.Header.BerichtIdentificatie with { Dagtekening = new(2023, 4, 29) } } };

        var finding = Found(early).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie/ProductPeriode/Einddatum"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
    }

    private static Wmo323 WithDagtekening(Wmo323 sample, DateOnly dagtekening) =>
        sample with { Header = sample.Header with { BerichtIdentificatie = sample.Header.BerichtIdentificatie with { Dagtekening = dagtekening } } };

    private static Wmo323 WithFirstPeriode(Wmo323 sample, GeslotenPeriode periode)
    {
        var client = sample.Declaratie.Clienten[0];
        var prestaties = client.Prestaties;
        return sample with
        {
            Declaratie = sample.Declaratie with
            {
                Clienten = [client with { Prestaties = [prestaties[0] with { ProductPeriode = periode }, prestaties[1]] }, sample.Declaratie.Clienten[1]],
            },
        };
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR137")];
}
