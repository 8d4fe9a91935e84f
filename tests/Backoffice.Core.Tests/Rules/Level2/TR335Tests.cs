using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR335Tests
{
    [Test]
    public void TR335_the_323_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo323>("WMO323.xml")), Is.Empty);

    [Test]
    public void TR335_einddatum_a_day_more_than_5_years_before_the_declaratie_dagtekening_is_found_with_0001()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");

        // DeclaratieDagtekening is 2023-05-06.
        var finding = Found(WithFirstPeriode(sample, new(new(2018, 5, 1), new(2018, 5, 5)))).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ProductPeriode/Einddatum"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
    }

    [Test]
    public void TR335_einddatum_exactly_5_years_before_the_declaratie_dagtekening_is_fine()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");

        Assert.That(Found(WithFirstPeriode(sample, new(new(2018, 5, 1), new(2018, 5, 6)))), Is.Empty);
    }

    [Test]
    public void TR335_counts_from_the_declaratie_dagtekening_not_the_header_dagtekening()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var old = WithFirstPeriode(sample, new(new(2018, 5, 1), new(2018, 5, 6)));
        var laterHeader = old with { Header = old.Header with { BerichtIdentificatie = old.Header.BerichtIdentificatie with { Dagtekening = new(2023, 6, 1) } } };
        var laterDeclaratie = old with { Declaratie = old.Declaratie with { DeclaratieDagtekening = new(2023, 5, 7) } };

        Assert.That(Found(laterHeader), Is.Empty);
        Assert.That(Found(laterDeclaratie), Has.Exactly(1).Items);
    }

    [Test]
    public void TR335_from_29_february_five_years_back_is_28_february()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var leap = sample with { Declaratie = sample.Declaratie with { DeclaratieDagtekening = new(2028, 2, 29) } };

        Assert.That(Found(WithFirstPeriode(leap, new(new(2023, 2, 1), new(2023, 2, 28)))), Is.Empty);
        Assert.That(Found(WithFirstPeriode(leap, new(new(2023, 2, 1), new(2023, 2, 27)))), Has.Exactly(1).Items);
    }

    private static Wmo323 WithFirstPeriode(Wmo323 sample, GeslotenPeriode periode)
    {
        var client = sample.Declaratie.Clienten[0];
        return sample with
        {
            Declaratie = sample.Declaratie with
            {
                Clienten = [client with { Prestaties = [client.Prestaties[0] with { ProductPeriode = periode }, client.Prestaties[1]] }, sample.Declaratie.Clienten[1]],
            },
        };
    }

    private static Finding[] Found(Wmo323 message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR335")];
}
