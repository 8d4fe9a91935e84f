using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Verzoeken;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR361Tests
{
    private const string Nieuw = "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct";

    /// <summary>The product of the 317 sample's NieuwProduct, 2023-04-02 to 2023-12-31.</summary>
    private static readonly Product Asked = new("01", "01A12");

    [Test]
    public void TR361_the_317_sample_asks_a_new_product_unlike_its_allocations_and_is_fine() =>
        Assert.That(Found(Vow(), View(allocations: VowAllocations()), "TR361"), Is.Empty);

    [Test]
    public void TR361_a_new_product_overlapping_an_unchanged_allocation_of_the_same_product_is_rejected_with_9361_on_the_new_product()
    {
        var same = Allocation(10071, Asked, new(2023, 1, 1), new(2023, 12, 31), new Omvang(4, "14", "4"));

        var finding = Found(Vow(), View(allocations: [same, VowAllocations()[1]]), "TR361").Single();

        Assert.That(finding.Path, Is.EqualTo(Nieuw));
        Assert.That(finding.Retourcode, Is.EqualTo("9361"));
        Assert.That(finding.Level, Is.EqualTo(3));
    }

    [Test]
    public void TR361_an_aspecific_allocation_of_the_same_category_overlaps_too()
    {
        var category = Allocation(10071, new Product("01"), new(2023, 1, 1), new(2023, 12, 31));

        Assert.That(Found(Vow(), View(allocations: [category, VowAllocations()[1]]), "TR361").Single().Path, Is.EqualTo(Nieuw));
    }

    [Test]
    public void TR361_a_hulpmiddel_may_overlap()
    {
        var vow = WithVerzoek(Vow(), v => v with { NieuweProducten = [v.NieuweProducten[0] with { Product = new("12", "12H01") }] });
        var hulpmiddel = Allocation(10071, new Product("12", "12H01"), new(2023, 1, 1), new(2023, 12, 31), new Omvang(1, "82", "6"));

        Assert.That(Found(vow, View(allocations: [hulpmiddel, VowAllocations()[1]]), "TR361"), Is.Empty);
    }

    [Test]
    public void TR361_a_change_ending_the_allocation_before_the_new_product_starts_is_fine_and_an_open_end_is_not()
    {
        var vow = Vow();
        var toChange = Allocation(10072, Asked, new(2023, 1, 1), new(2024, 12, 31), new Omvang(4, "14", "4"));
        var view = View(allocations: [VowAllocations()[0], toChange]);
        TeWijzigenProduct Ending(DateOnly? end) => new(10072, new(2023, 1, 1), end, new Omvang(4, "14", "4"), null);

        Assert.That(Found(WithTeWijzigen(vow, Ending(new(2023, 4, 1))), view, "TR361"), Is.Empty);
        Assert.That(Found(WithTeWijzigen(vow, Ending(null)), view, "TR361").Single().Path, Is.EqualTo(Nieuw));
    }

    [Test]
    public void TR361_a_change_extending_into_an_unchanged_allocation_of_the_same_product_is_found_on_the_change()
    {
        var product = new Product("03", "03C01");
        var later = Allocation(10071, product, new(2023, 7, 1), new(2023, 12, 31), new Omvang(4, "14", "4"));
        var earlier = Allocation(10072, product, new(2023, 1, 1), new(2023, 6, 30), new Omvang(4, "14", "4"));
        var extend = WithTeWijzigen(Vow(), new TeWijzigenProduct(10072, new(2023, 1, 1), new(2023, 9, 30), new Omvang(4, "14", "4"), null));

        var finding = Found(extend, View(allocations: [later, earlier]), "TR361").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct"));
    }

    [Test]
    public void TR361_a_number_without_current_allocation_takes_no_part() =>
        Assert.That(Found(Vow(), View(allocations: []), "TR361"), Is.Empty);
}
