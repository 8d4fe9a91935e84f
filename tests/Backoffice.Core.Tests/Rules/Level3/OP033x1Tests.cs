using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class OP033x1Tests
{
    [Test]
    public void OP033x1_another_ingangsdatum_under_a_recorded_number_is_found_on_it_with_9332()
    {
        var finding = Found("OP033x1", Wmo301(Later(Allocation()) with { Ingangsdatum = new DateOnly(2026, 2, 1) }), View(Recorded(Allocation()))).Single();

        Assert.That(finding.Retourcode, Is.EqualTo("9332"));
        Assert.That(finding.Level, Is.EqualTo(3));
        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Ingangsdatum"));
    }

    [Test]
    public void OP033x1_another_volume_per_week_is_found_on_the_volume()
    {
        var finding = Found("OP033x1", Wmo301(Later(Allocation()) with { Omvang = new Omvang(6, "04", "2") }), View(Recorded(Allocation()))).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Omvang/Volume"));
    }

    [Test]
    public void OP033x1_another_volume_with_frequentie_6_is_fine()
    {
        var total = Allocation() with { Omvang = new Omvang(100, "04", "6") };

        Assert.That(Found("OP033x1", Wmo301(Later(total) with { Omvang = new Omvang(150, "04", "6") }), View(Recorded(total))), Is.Empty);
    }

    [TestCase("01", "2", "Eenheid")]
    [TestCase("04", "4", "Frequentie")]
    public void OP033x1_another_eenheid_or_frequentie_is_found_on_it(string eenheid, string frequentie, string element)
    {
        var changed = Later(Allocation()) with { Omvang = new Omvang(4, eenheid, frequentie) };

        Assert.That(
            Found("OP033x1", Wmo301(changed), View(Recorded(Allocation()))).Single().Path,
            Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Omvang/" + element));
    }

    [Test]
    public void OP033x1_an_omvang_turned_into_a_budget_is_found_on_the_toegewezenproduct()
    {
        var budget = Later(Allocation()) with { Omvang = null, Budget = 100000 };

        Assert.That(Found("OP033x1", Wmo301(budget), View(Recorded(Allocation()))).Single().Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct"));
    }

    [Test]
    public void OP033x1_another_budget_and_another_einddatum_are_fine()
    {
        var budget = Allocation() with { Omvang = null, Budget = 100000 };

        Assert.That(Found("OP033x1", Wmo301(Later(budget) with { Budget = 120000, Einddatum = new DateOnly(2027, 6, 30) }), View(Recorded(budget))), Is.Empty);
    }

    [Test]
    public void OP033x1_deleting_with_reden_13_is_fine()
    {
        var deleted = Later(Allocation(), redenWijziging: "13") with { Einddatum = Allocation().Ingangsdatum };

        Assert.That(Found("OP033x1", Wmo301(deleted), View(Recorded(Allocation()))), Is.Empty);
    }

    [Test]
    public void OP033x1_a_first_version_is_compared_with_nothing() =>
        Assert.That(Found("OP033x1", Wmo301(Allocation() with { Ingangsdatum = new DateOnly(2026, 2, 1) }), View()), Is.Empty);
}
