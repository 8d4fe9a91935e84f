using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class OP380Tests
{
    /// <summary>A new number that starts the day after allocation 101 ends, for the same product and Omvang.</summary>
    private static Core.Messages.Toewijzing.ToegewezenProduct Prolongation() =>
        Allocation(102) with { Ingangsdatum = new DateOnly(2027, 1, 1), Einddatum = new DateOnly(2027, 12, 31) };

    [Test]
    public void OP380_a_new_number_that_only_prolongs_a_running_allocation_is_found_on_it_with_9332()
    {
        var finding = Found("OP380", Wmo301(Allocation(), Prolongation()), View(Recorded(Allocation()))).Single();

        Assert.That(finding.Retourcode, Is.EqualTo("9332"));
        Assert.That(finding.Level, Is.EqualTo(3));
        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]"));
    }

    [Test]
    public void OP380_another_volume_is_a_new_allocation_and_fine() =>
        Assert.That(Found("OP380", Wmo301(Allocation(), Prolongation() with { Omvang = new Omvang(6, "04", "2") }), View(Recorded(Allocation()))), Is.Empty);

    [Test]
    public void OP380_frequentie_6_is_fine()
    {
        var total = Allocation() with { Omvang = new Omvang(100, "04", "6") };

        Assert.That(Found("OP380", Wmo301(total, Prolongation() with { Omvang = total.Omvang }), View(Recorded(total))), Is.Empty);
    }

    [Test]
    public void OP380_a_gap_of_a_day_is_no_prolongation() =>
        Assert.That(Found("OP380", Wmo301(Allocation(), Prolongation() with { Ingangsdatum = new DateOnly(2027, 1, 2) }), View(Recorded(Allocation()))), Is.Empty);

    [Test]
    public void OP380_an_allocation_whose_end_has_passed_may_be_followed_by_a_new_one()
    {
        var ended = Allocation() with { Einddatum = Dagtekening.AddDays(-1) };
        var next = Prolongation() with { Ingangsdatum = Dagtekening };

        Assert.That(Found("OP380", Wmo301(next), View(Recorded(ended))), Is.Empty);
        Assert.That(Found("OP380", Wmo301(next with { Ingangsdatum = Dagtekening.AddDays(1) }), View(Recorded(ended with { Einddatum = Dagtekening }))), Has.Exactly(1).Items);
    }

    [Test]
    public void OP380_another_product_is_fine() =>
        Assert.That(Found("OP380", Wmo301(Allocation(), Prolongation() with { Product = new("01", "01A02") }), View(Recorded(Allocation()))), Is.Empty);

    [Test]
    public void OP380_a_current_allocation_deleted_in_the_same_301_is_not_prolonged()
    {
        var deleted = Later(Allocation(), redenWijziging: "13") with { Einddatum = Allocation().Ingangsdatum };

        Assert.That(Found("OP380", Wmo301(deleted, Prolongation()), View(Recorded(Allocation()))), Is.Empty);
    }
}
