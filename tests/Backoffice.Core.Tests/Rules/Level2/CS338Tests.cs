using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CS338Tests
{
    [Test]
    public void CS338_the_unchanged_samples_are_fine()
    {
        Assert.That(Found(RuleSamples.Read<Wmo301>("WMO301.xml")), Is.Empty);
        Assert.That(Found(RuleSamples.Read<Wmo317>("WMO317.xml")), Is.Empty);
    }

    [TestCase("14")]
    [TestCase("16")]
    [TestCase("83")]
    [TestCase("84")]
    public void CS338_toegewezen_product_per_dag_with_unit_and_einddatum_after_2020_is_found_with_0001(string eenheid)
    {
        var broken = WithOmvang(RuleSamples.Read<Wmo301>("WMO301.xml"), new Omvang(10, eenheid, "1"), new DateOnly(2023, 12, 31));

        AssertFoundAt(broken, "/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Omvang/Frequentie");
    }

    [Test]
    public void CS338_toegewezen_product_per_dag_without_einddatum_is_found()
    {
        var broken = WithOmvang(RuleSamples.Read<Wmo301>("WMO301.xml"), new Omvang(10, "14", "1"), null);

        AssertFoundAt(broken, "/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Omvang/Frequentie");
    }

    [Test]
    public void CS338_per_dag_ending_on_2020_12_31_is_fine() =>
        Assert.That(Found(WithOmvang(RuleSamples.Read<Wmo301>("WMO301.xml"), new Omvang(10, "14", "1"), new DateOnly(2020, 12, 31))), Is.Empty);

    [TestCase("01", "1")]
    [TestCase("04", "1")]
    [TestCase("14", "2")]
    [TestCase("83", "6")]
    public void CS338_other_unit_or_a_week_month_or_total_frequency_is_fine(string eenheid, string frequentie) =>
        Assert.That(Found(WithOmvang(RuleSamples.Read<Wmo301>("WMO301.xml"), new Omvang(10, eenheid, frequentie), null)), Is.Empty);

    [Test]
    public void CS338_nieuw_product_of_a_317_per_dag_in_etmalen_is_found_there()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");
        var verzoek = sample.Client.Verzoek;
        var product = verzoek.NieuweProducten[0];
        var broken = sample with
        {
            Client = sample.Client with { Verzoek = verzoek with { NieuweProducten = [product with { Omvang = product.Omvang! with { Frequentie = "1" } }] } },
        };

        AssertFoundAt(broken, "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct/Omvang/Frequentie");
    }

    [Test]
    public void CS338_te_wijzigen_product_of_a_317_per_dag_in_stuks_is_found_there()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");
        var verzoek = sample.Client.Verzoek;
        var product = verzoek.TeWijzigenProducten[0];
        var broken = sample with
        {
            Client = sample.Client with { Verzoek = verzoek with { TeWijzigenProducten = [product, product with { Omvang = new Omvang(3, "84", "1") }] } },
        };

        AssertFoundAt(broken, "/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[2]/Omvang/Frequentie");
    }

    private static Wmo301 WithOmvang(Wmo301 sample, Omvang omvang, DateOnly? einddatum)
    {
        var product = sample.Client.ToegewezenProducten[0];
        return sample with { Client = sample.Client with { ToegewezenProducten = [product with { Omvang = omvang, Einddatum = einddatum }] } };
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "CS338")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(CS338)."));
    }
}
