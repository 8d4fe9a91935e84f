using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.StartStop;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR019Tests
{
    private const string StartPath = "/Bericht/Client/StartProducten/StartProduct";
    private const string StopPath = "/Bericht/Client/StopProducten/StopProduct";

    [Test]
    public void TR019_start_linked_to_the_allocation_with_its_product_is_fine() =>
        Assert.That(Found("TR019", Wmo305(Start()), Allocated()), Is.Empty);

    [Test]
    public void TR019_start_with_an_unknown_ToewijzingNummer_is_rejected_with_9019() =>
        AssertFoundAt("TR019", "9019", Wmo305(Start(nummer: Nummer + 1)), Allocated(), StartPath + "/ToewijzingNummer");

    [Test]
    public void TR019_stop_on_the_second_line_with_the_number_of_another_clients_allocation_is_rejected_with_9019()
    {
        var view = Allocated(Allocation(id: 1), Allocation(nummer: 7, bsn: "999900006", id: 2));

        AssertFoundAt("TR019", "9019", Wmo307(Stop(), Stop(nummer: 7)), view, StopPath + "[2]/ToewijzingNummer");
    }

    [Test]
    public void TR019_start_on_a_deleted_allocation_is_rejected_with_9019()
    {
        var deleted = Allocation(einddatum: Ingangsdatum, redenWijziging: "13", toewijzingstijd: new TimeOnly(11, 0), id: 2);

        AssertFoundAt("TR019", "9019", Wmo305(Start()), Allocated(Allocation(id: 1), deleted), StartPath + "/ToewijzingNummer");
    }

    [Test]
    public void TR019_IV075_start_with_only_the_category_of_a_specific_allocation_is_rejected_with_9019_on_Product() =>
        AssertFoundAt("TR019", "9019", Wmo305(Start() with { Product = new Product("07") }), Allocated(), StartPath + "/Product");

    [Test]
    public void TR019_IV075_start_without_Product_for_a_specific_allocation_is_rejected_with_9019_on_the_start() =>
        AssertFoundAt("TR019", "9019", Wmo305(Start() with { Product = null }), Allocated(), StartPath);

    [Test]
    public void TR019_IV075_stop_with_a_code_for_an_aspecific_allocation_is_rejected_with_9019() =>
        AssertFoundAt("TR019", "9019", Wmo307(Stop()), Allocated(Allocation(product: new Product("07"), id: 1)), StopPath + "/Product");

    [Test]
    public void TR019_IV075_start_with_a_Product_for_a_generic_allocation_is_rejected_with_9019() =>
        AssertFoundAt("TR019", "9019", Wmo305(Start()), Allocated(Allocation(generic: true, id: 1)), StartPath + "/Product");

    [Test]
    public void TR019_IV075_aspecific_and_generic_allocations_take_the_category_only_and_no_Product()
    {
        Assert.That(Found("TR019", Wmo305(Start() with { Product = new Product("07") }), Allocated(Allocation(product: new Product("07"), id: 1))), Is.Empty);
        Assert.That(Found("TR019", Wmo307(Stop() with { Product = null }), Allocated(Allocation(generic: true, id: 1))), Is.Empty);
    }

    [Test]
    public void TR019_the_current_version_of_the_allocation_counts()
    {
        var extended = Allocation(einddatum: new DateOnly(2024, 6, 30), redenWijziging: "04", toewijzingstijd: new TimeOnly(11, 0), id: 2);

        Assert.That(Found("TR019", Wmo305(Start()), Allocated(Allocation(id: 1), extended)), Is.Empty);
    }

    [Test]
    public void TR019_start_without_ToewijzingNummer_while_its_product_is_allocated_is_rejected_with_9019() =>
        AssertFoundAt("TR019", "9019", Wmo305(Start(nummer: null)), Allocated(), StartPath);

    [Test]
    public void TR019_start_without_ToewijzingNummer_and_no_allocation_for_its_category_is_taakgericht_and_fine()
    {
        Assert.That(Found("TR019", Wmo305(Start(nummer: null)), Allocated(Allocation(product: new Product("10", "10A01"), id: 1))), Is.Empty);
        Assert.That(Found("TR019", Wmo307(Stop(nummer: null)), RegisterViewWithoutAllocations()), Is.Empty);
    }

    [Test]
    public void TR019_a_deletion_is_not_checked() =>
        Assert.That(Found("TR019", Wmo305(Start(status: "3", nummer: Nummer + 1)), Allocated()), Is.Empty);

    private static Core.Register.RegisterView RegisterViewWithoutAllocations() => Core.Register.RegisterView.Empty(ProcessingDate);
}
