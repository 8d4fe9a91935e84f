using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR319Tests
{
    private const string Periode = "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]/ProductPeriode";

    [Test]
    public void TR319_the_323_sample_claims_its_own_period_and_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo323>("WMO323.xml")), Is.Empty);

    [Test]
    public void TR319_a_product_periode_in_the_month_after_the_declaratie_periode_is_found_on_both_dates_with_0001()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");

        var findings = Found(WithLastPeriode(sample, new(new(2023, 5, 1), new(2023, 5, 31))));

        Assert.That(findings.Select(f => f.Path), Is.EqualTo(new[] { Periode + "/Begindatum", Periode + "/Einddatum" }));
        Assert.That(findings.Select(f => f.Retourcode), Is.All.EqualTo("0001"), "level 2 in the stylesheet, not 9319");
        Assert.That(findings.Select(f => f.Level), Is.All.EqualTo(2));
    }

    [Test]
    public void TR319_a_product_periode_ending_a_day_after_the_declaratie_periode_is_found_on_its_einddatum()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");

        Assert.That(Found(WithLastPeriode(sample, new(new(2023, 4, 1), new(2023, 5, 1)))).Single().Path, Is.EqualTo(Periode + "/Einddatum"));
    }

    [Test]
    public void TR319_a_product_periode_in_an_earlier_month_is_fine()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");

        Assert.That(Found(WithLastPeriode(sample, new(new(2023, 3, 1), new(2023, 3, 31)))), Is.Empty);
    }

    private static Wmo323 WithLastPeriode(Wmo323 sample, GeslotenPeriode periode)
    {
        var client = sample.Declaratie.Clienten[1];
        return sample with
        {
            Declaratie = sample.Declaratie with
            {
                Clienten = [sample.Declaratie.Clienten[0], client with { Prestaties = [client.Prestaties[0], client.Prestaties[1] with { ProductPeriode = periode }] }],
            },
        };
    }

    private static Finding[] Found(Wmo323 message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR319")];
}
