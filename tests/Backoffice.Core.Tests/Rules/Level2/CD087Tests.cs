using Backoffice.Core.Messages.Declaraties;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD087Tests
{
    private static Wmo323 Sample => RuleSamples.Read<Wmo323>("WMO323.xml");

    /// <summary>The sample with its first client's second line replaced.</summary>
    private static Wmo323 WithSecondLine(Wmo323 sample, Func<Prestatie, Prestatie> change)
    {
        var client = sample.Declaratie.Clienten[0];
        var changed = client with { Prestaties = [client.Prestaties[0], change(client.Prestaties[1])] };
        return sample with { Declaratie = sample.Declaratie with { Clienten = [changed, sample.Declaratie.Clienten[1]] } };
    }

    [Test]
    public void CD087_hours_line_without_tariff_is_found_with_0001()
    {
        var finding = Findings(WithSecondLine(Sample, p => p with { ProductTarief = null }), "CD087").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/ProductTarief"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD087)."));
    }

    [Test]
    public void CD087_euro_line_with_a_tariff_is_found()
    {
        var finding = Findings(WithSecondLine(Sample, p => p with { Eenheid = "83", GeleverdVolume = p.IngediendBedrag.Bedrag }), "CD087").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/ProductTarief"));
        Assert.That(finding.Message, Does.Not.Contain("1500"), "never the value");
    }

    [Test]
    public void CD087_euro_line_without_tariff_is_fine()
    {
        var fine = WithSecondLine(Sample, p => p with { Eenheid = "83", GeleverdVolume = p.IngediendBedrag.Bedrag, ProductTarief = null });

        Assert.That(Findings(fine, "CD087"), Is.Empty);
    }

    [Test]
    public void CD087_the_sample_is_fine() => Assert.That(Findings(Sample, "CD087"), Is.Empty);
}
