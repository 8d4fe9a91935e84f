using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR385Tests
{
    private static readonly Backoffice.Core.Messages.Toewijzing.ToegewezenProduct Deletion =
        Later(Allocation(), redenWijziging: "13") with { Einddatum = Allocation().Ingangsdatum };

    [Test]
    public void TR385_deleting_an_allocation_with_approved_uncredited_prestaties_is_refused_on_RedenWijziging_with_9385()
    {
        var view = View(Recorded(Allocation())) with { DeclaredAllocations = new HashSet<int> { 101 } };

        var finding = Found("TR385", Wmo301(Deletion), view).Single();

        Assert.That((finding.Retourcode, finding.Level, finding.Path), Is.EqualTo(("9385", 3, "/Bericht/Client/ToegewezenProducten/ToegewezenProduct/RedenWijziging")));
    }

    [Test]
    public void TR385_an_allocation_whose_prestaties_were_credited_or_never_approved_may_be_deleted() =>
        Assert.That(Found("TR385", Wmo301(Deletion), View(Recorded(Allocation()))), Is.Empty);

    [Test]
    public void TR385_another_change_of_a_declared_allocation_is_not_a_deletion() =>
        Assert.That(
            Found("TR385", Wmo301(Later(Allocation()) with { Einddatum = new DateOnly(2026, 6, 30) }), View(Recorded(Allocation())) with { DeclaredAllocations = new HashSet<int> { 101 } }),
            Is.Empty);
}
