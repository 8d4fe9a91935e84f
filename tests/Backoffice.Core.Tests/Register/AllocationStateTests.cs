using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.StartStop;

namespace Backoffice.Core.Tests.Register;

public sealed class AllocationStateTests
{
    [Test]
    public void The_current_version_is_the_latest_Toewijzingsdatum_and_tijd_whatever_the_recording_order()
    {
        var later = Allocation(einddatum: new DateOnly(2024, 6, 30), redenWijziging: "04", toewijzingstijd: new TimeOnly(11, 0), id: 1);
        var earlier = Allocation(id: 2);

        Assert.That(AllocationState.Current([later, earlier]).Single(), Is.SameAs(later));
    }

    [Test]
    public void A_deleted_allocation_is_not_current()
    {
        var deleted = Allocation(einddatum: Ingangsdatum, redenWijziging: "13", toewijzingstijd: new TimeOnly(11, 0), id: 2);

        Assert.That(AllocationState.Current([Allocation(id: 1), deleted]), Is.Empty);
    }

    [Test]
    public void On_or_after_leaves_out_allocations_that_ended_before_the_day()
    {
        var ended = Allocation(nummer: 7, einddatum: new DateOnly(2023, 6, 30), id: 2);

        Assert.That(AllocationState.Current([Allocation(id: 1), ended], new DateOnly(2023, 7, 1)).Select(a => a.Version.ToewijzingNummer), Is.EqualTo(new[] { Nummer }));
        Assert.That(AllocationState.Current([Allocation(id: 1), ended], new DateOnly(2023, 6, 30)), Has.Count.EqualTo(2));
    }
}
