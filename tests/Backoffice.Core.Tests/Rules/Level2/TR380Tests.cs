using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR380Tests
{
    private const string Gewenst = "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct/GewensteIngangsdatum";

    [Test]
    public void TR380_the_317_reference_sample_itself_fails_because_its_new_product_starts_on_the_dagtekening()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");

        var finding = Found(sample).Single();

        Assert.That(sample.Client.Verzoek.NieuweProducten[0].GewensteIngangsdatum, Is.EqualTo(sample.Header.BerichtIdentificatie.Dagtekening));
        Assert.That(finding.Path, Is.EqualTo(Gewenst));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
    }

    [Test]
    public void TR380_a_new_product_starting_the_day_after_the_dagtekening_is_fine()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");

        Assert.That(Found(StartingOn(sample, sample.Header.BerichtIdentificatie.Dagtekening.AddDays(1))), Is.Empty);
    }

    [Test]
    public void TR380_a_new_product_starting_before_the_dagtekening_is_found()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");

        Assert.That(Found(StartingOn(sample, sample.Header.BerichtIdentificatie.Dagtekening.AddDays(-10))).Single().Path, Is.EqualTo(Gewenst));
    }

    [Test]
    public void TR380_a_product_to_change_may_start_on_the_dagtekening()
    {
        var sample = StartingOn(RuleSamples.Read<Wmo317>("WMO317.xml"), new(2023, 4, 3));

        // The sample's TeWijzigenProduct starts on the Dagtekening; TR380 is about NieuwProduct only.
        Assert.That(sample.Client.Verzoek.TeWijzigenProducten[0].GewensteIngangsdatum, Is.EqualTo(sample.Header.BerichtIdentificatie.Dagtekening));
        Assert.That(Found(sample), Is.Empty);
    }

    private static Wmo317 StartingOn(Wmo317 sample, DateOnly start)
    {
        var verzoek = sample.Client.Verzoek;
        return sample with
        {
            Client = sample.Client with { Verzoek = verzoek with { NieuweProducten = [verzoek.NieuweProducten[0] with { GewensteIngangsdatum = start }] } },
        };
    }

    private static Finding[] Found(Wmo317 message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR380")];
}
