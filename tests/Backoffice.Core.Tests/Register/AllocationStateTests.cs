using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Register;

public sealed class AllocationStateTests
{
    [Test]
    public void The_current_version_is_the_latest_decided_not_the_latest_recorded()
    {
        var newer = Later(Allocation(), days: 3) with { Einddatum = new DateOnly(2026, 6, 30) };

        var current = AllocationState.Current([Recorded(newer, 1), Recorded(Allocation(), 2)]).Single();

        Assert.That(current.Version, Is.EqualTo(newer));
    }

    [Test]
    public void The_time_orders_versions_of_one_day()
    {
        var later = Allocation() with { Toewijzingstijd = new TimeOnly(10, 0, 1), Einddatum = new DateOnly(2026, 6, 30) };

        Assert.That(AllocationState.Current([Recorded(later, 1), Recorded(Allocation(), 2)]).Single().Version, Is.EqualTo(later));
    }

    [TestCase("13")]
    [TestCase("01")]
    public void A_deleted_allocation_is_not_current(string reden)
    {
        var deleted = Later(Allocation(), redenWijziging: reden) with { Einddatum = Allocation().Ingangsdatum };

        Assert.That(AllocationState.Current([Recorded(Allocation(), 1), Recorded(deleted, 2)]), Is.Empty);
    }

    [Test]
    public void A_deletion_older_than_the_current_version_does_not_delete()
    {
        var deleted = Later(Allocation(), redenWijziging: "13") with { Einddatum = Allocation().Ingangsdatum };
        var revived = Later(Allocation(), days: 2);

        Assert.That(AllocationState.Current([Recorded(revived, 1), Recorded(deleted, 2)]).Single().Version, Is.EqualTo(revived));
    }

    [Test]
    public void On_or_after_leaves_out_allocations_that_ended_before_the_day()
    {
        var ended = Allocation(102) with { Einddatum = new DateOnly(2026, 3, 1) };
        var open = Allocation(103) with { Einddatum = null };
        var versions = new[] { Recorded(Allocation(), 1), Recorded(ended, 2), Recorded(open, 3) };

        Assert.That(AllocationState.Current(versions, new DateOnly(2026, 3, 2)).Select(a => a.Version.ToewijzingNummer), Is.EqualTo(new[] { 101, 103 }));
        Assert.That(AllocationState.Current(versions, new DateOnly(2026, 3, 1)), Has.Count.EqualTo(3));
    }

    [Test]
    public void Numbers_are_per_municipality()
    {
        var elsewhere = Recorded(Later(Allocation()), 2, municipality: "0363");

        Assert.That(AllocationState.Current([Recorded(Allocation(), 1), elsewhere]), Has.Count.EqualTo(2));
    }
}
