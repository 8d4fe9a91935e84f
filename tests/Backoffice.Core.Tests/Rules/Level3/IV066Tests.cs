using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class IV066Tests
{
    [Test]
    public void IV066_another_product_under_a_recorded_number_is_found_on_the_product_with_9332()
    {
        var view = View(Recorded(Allocation()));

        var finding = Found("IV066", Wmo301(Later(Allocation()) with { Product = new("01", "01A02") }), view).Single();

        Assert.That(finding.Retourcode, Is.EqualTo("9332"));
        Assert.That(finding.Level, Is.EqualTo(3));
        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct/Product"));
    }

    [Test]
    public void IV066_dropping_the_product_is_found_on_the_toegewezenproduct()
    {
        var budget = Allocation() with { Product = null, Omvang = null, Budget = 100000 };

        Assert.That(
            Found("IV066", Wmo301(Later(budget)), View(Recorded(budget with { Product = new("01") }))).Single().Path,
            Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct"));
    }

    [Test]
    public void IV066_the_same_product_in_a_later_version_is_fine() =>
        Assert.That(Found("IV066", Wmo301(Later(Allocation()) with { Einddatum = new DateOnly(2026, 6, 30) }), View(Recorded(Allocation()))), Is.Empty);

    [Test]
    public void IV066_an_older_version_arriving_late_is_compared_with_the_first_after_it()
    {
        var current = Later(Allocation(), days: 5);

        Assert.That(Found("IV066", Wmo301(Allocation() with { Product = new("02") }), View(Recorded(current))), Has.Exactly(1).Items);
        Assert.That(Found("IV066", Wmo301(Allocation()), View(Recorded(current))), Is.Empty);
    }

    [Test]
    public void IV066_a_new_number_is_fine() =>
        Assert.That(Found("IV066", Wmo301(Allocation(102) with { Product = new("02") }), View(Recorded(Allocation()))), Is.Empty);
}
