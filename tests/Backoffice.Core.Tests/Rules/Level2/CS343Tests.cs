using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CS343Tests
{
    [Test]
    public void CS343_the_unchanged_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo315>("WMO315.xml")), Is.Empty);

    [Test]
    public void CS343_aangevraagd_product_in_etmalen_per_dag_is_found_with_0001()
    {
        var broken = WithSecond(RuleSamples.Read<Wmo315>("WMO315.xml"), p => p with { Omvang = p.Omvang! with { Frequentie = "1" } });

        AssertFoundAt(broken, "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/Omvang/Frequentie");
    }

    [Test]
    public void CS343_aangevraagd_product_per_dag_without_toewijzingeinddatum_is_found()
    {
        var broken = WithSecond(RuleSamples.Read<Wmo315>("WMO315.xml"), p => p with { ToewijzingEinddatum = null, Omvang = new Omvang(2, "16", "1") });

        AssertFoundAt(broken, "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/Omvang/Frequentie");
    }

    [Test]
    public void CS343_per_dag_ending_on_2020_12_31_or_in_hours_is_fine()
    {
        var sample = RuleSamples.Read<Wmo315>("WMO315.xml");
        var ended = WithSecond(sample, p => p with
        {
            ToewijzingIngangsdatum = new DateOnly(2020, 12, 1), ToewijzingEinddatum = new DateOnly(2020, 12, 31), Omvang = p.Omvang! with { Frequentie = "1" },
        });
        var hours = WithSecond(sample, p => p with { Omvang = new Omvang(2, "04", "1") });

        Assert.That(Found(ended), Is.Empty);
        Assert.That(Found(hours), Is.Empty);
    }

    private static Wmo315 WithSecond(Wmo315 sample, Func<AangevraagdProduct, AangevraagdProduct> change)
    {
        var producten = sample.Client.AangevraagdeProducten;
        return sample with { Client = sample.Client with { AangevraagdeProducten = [producten[0], change(producten[1])] } };
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "CS343")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(CS343)."));
    }
}
