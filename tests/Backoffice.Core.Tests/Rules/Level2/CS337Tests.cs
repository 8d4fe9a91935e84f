using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CS337Tests
{
    [Test]
    public void CS337_the_unchanged_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo323>("WMO323.xml")), Is.Empty);

    [Test]
    public void CS337_product_periode_ending_in_the_next_month_is_found_with_0001()
    {
        var broken = WithPeriode(RuleSamples.Read<Wmo323>("WMO323.xml"), new GeslotenPeriode(new DateOnly(2023, 4, 1), new DateOnly(2023, 5, 1)));

        AssertFoundAt(broken, "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie/ProductPeriode/Einddatum");
    }

    [Test]
    public void CS337_product_periode_in_the_same_month_of_another_year_is_found()
    {
        var broken = WithPeriode(RuleSamples.Read<Wmo323>("WMO323.xml"), new GeslotenPeriode(new DateOnly(2022, 4, 1), new DateOnly(2023, 4, 30)));

        AssertFoundAt(broken, "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie/ProductPeriode/Einddatum");
    }

    [Test]
    public void CS337_product_periode_ending_on_the_last_day_of_its_month_or_within_it_is_fine()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");

        Assert.That(Found(WithPeriode(sample, new GeslotenPeriode(new DateOnly(2023, 4, 10), new DateOnly(2023, 4, 30)))), Is.Empty);
        Assert.That(Found(WithPeriode(sample, new GeslotenPeriode(new DateOnly(2023, 4, 10), new DateOnly(2023, 4, 12)))), Is.Empty);
    }

    private static Wmo323 WithPeriode(Wmo323 sample, GeslotenPeriode periode)
    {
        var clienten = sample.Declaratie.Clienten;
        var second = clienten[1];
        return sample with
        {
            Declaratie = sample.Declaratie with
            {
                Clienten = [clienten[0], second with { Prestaties = [second.Prestaties[0] with { ProductPeriode = periode }, second.Prestaties[1]] }],
            },
        };
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "CS337")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(CS337)."));
    }
}
