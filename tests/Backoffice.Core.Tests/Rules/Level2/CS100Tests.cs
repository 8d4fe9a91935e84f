using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CS100Tests
{
    [Test]
    public void CS100_the_unchanged_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo323>("WMO323.xml")), Is.Empty);

    [Test]
    public void CS100_product_periode_in_2020_on_the_second_line_of_the_second_client_is_found_once_with_0001()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var broken = WithPrestatiePeriode(sample, new GeslotenPeriode(new DateOnly(2020, 12, 1), new DateOnly(2020, 12, 31)));

        AssertFoundAt(broken, "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]/ProductPeriode/Begindatum");
    }

    [Test]
    public void CS100_declaratie_periode_in_2020_is_found_at_its_begindatum()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var broken = sample with
        {
            Declaratie = sample.Declaratie with { DeclaratiePeriode = new GeslotenPeriode(new DateOnly(2020, 12, 1), new DateOnly(2020, 12, 31)) },
        };

        AssertFoundAt(broken, "/Bericht/Declaratie/DeclaratiePeriode/Begindatum");
    }

    [Test]
    public void CS100_an_einddatum_before_2021_behind_a_later_begindatum_is_found_at_the_einddatum()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var broken = WithPrestatiePeriode(sample, new GeslotenPeriode(new DateOnly(2021, 1, 1), new DateOnly(2020, 12, 31)));

        AssertFoundAt(broken, "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]/ProductPeriode/Einddatum");
    }

    [Test]
    public void CS100_periods_starting_on_2021_01_01_are_fine()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var january = new GeslotenPeriode(new DateOnly(2021, 1, 1), new DateOnly(2021, 1, 31));
        var withLine = WithPrestatiePeriode(sample, january);
        var boundary = withLine with { Declaratie = withLine.Declaratie with { DeclaratiePeriode = january } };

        Assert.That(Found(boundary), Is.Empty);
    }

    private static Wmo323 WithPrestatiePeriode(Wmo323 sample, GeslotenPeriode periode)
    {
        var clienten = sample.Declaratie.Clienten;
        var second = clienten[1];
        var prestaties = second.Prestaties;
        return sample with
        {
            Declaratie = sample.Declaratie with
            {
                Clienten = [clienten[0], second with { Prestaties = [prestaties[0], prestaties[1] with { ProductPeriode = periode }] }],
            },
        };
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "CS100")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(CS100)."));
    }
}
