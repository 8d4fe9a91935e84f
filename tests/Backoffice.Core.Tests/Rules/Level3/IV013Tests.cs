using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class IV013Tests
{
    [Test]
    public void IV013_another_content_under_a_recorded_number_date_and_time_is_found_on_the_product_with_9074()
    {
        var sent = Allocation();
        var view = View(Recorded(sent));

        var finding = Found("IV013", Wmo301(Allocation(102) with { Product = new("02") }, sent with { Einddatum = new DateOnly(2026, 6, 30) }), view).Single();

        Assert.That(finding.Retourcode, Is.EqualTo("9074"));
        Assert.That(finding.Level, Is.EqualTo(3));
        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]"));
    }

    [Test]
    public void IV013_an_identical_resend_is_fine() => Assert.That(Found("IV013", Wmo301(Allocation()), View(Recorded(Allocation()))), Is.Empty);

    [Test]
    public void IV013_a_resend_that_only_adds_or_drops_the_referentieaanbieder_is_fine()
    {
        Assert.That(Found("IV013", Wmo301(Allocation() with { ReferentieAanbieder = "VOW-1" }), View(Recorded(Allocation()))), Is.Empty);
        Assert.That(Found("IV013", Wmo301(Allocation()), View(Recorded(Allocation() with { ReferentieAanbieder = "VOW-1" }))), Is.Empty);
    }

    [Test]
    public void IV013_the_same_change_a_second_later_is_a_new_version_and_fine()
    {
        var changed = Allocation() with { Toewijzingstijd = new TimeOnly(10, 0, 1), Einddatum = new DateOnly(2026, 6, 30), RedenWijziging = "05" };

        Assert.That(Found("IV013", Wmo301(changed), View(Recorded(Allocation()))), Is.Empty);
    }

    [Test]
    public void IV013_a_version_older_than_the_current_one_is_fine()
    {
        var current = Later(Allocation() with { Einddatum = new DateOnly(2026, 6, 30) }, days: 5);

        Assert.That(Found("IV013", Wmo301(Allocation()), View(Recorded(current))), Is.Empty);
    }
}
