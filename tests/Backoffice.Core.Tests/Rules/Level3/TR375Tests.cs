using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Verzoeken;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR375Tests
{
    private static readonly Omvang Hours = new(4, "04", "2");

    [Test]
    public void TR375_an_omvang_for_an_allocation_without_product_is_rejected_with_9375_on_the_omvang()
    {
        var finding = Found(Change(new(2023, 12, 31), Hours), ViewWith(null), "TR375").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct/Omvang"));
        Assert.That(finding.Retourcode, Is.EqualTo("9375"));
        Assert.That(finding.Level, Is.EqualTo(3));
    }

    [Test]
    public void TR375_an_open_end_counts_as_after_2020() =>
        Assert.That(Found(Change(null, Hours), ViewWith(null), "TR375"), Has.Exactly(1).Items);

    [Test]
    public void TR375_a_budget_without_omvang_is_fine() =>
        Assert.That(Found(Change(new(2023, 12, 31), null), ViewWith(null), "TR375"), Is.Empty);

    [Test]
    public void TR375_an_end_on_31_december_2020_still_allows_an_omvang() =>
        Assert.That(Found(Change(new(2020, 12, 31), Hours), ViewWith(null), "TR375"), Is.Empty);

    [Test]
    public void TR375_an_allocation_with_a_product_category_is_left_to_TR412() =>
        Assert.That(Found(Change(new(2023, 12, 31), Hours), ViewWith(new Product("02")), "TR375"), Is.Empty);

    private static Core.Register.RegisterView ViewWith(Product? product) =>
        View(allocations: [VowAllocations()[0], Allocation(10072, product, new(2023, 4, 2), new(2023, 12, 31), budget: product is null ? 100000 : null)]);

    private static Wmo317 Change(DateOnly? einddatum, Omvang? omvang) =>
        WithTeWijzigen(Vow(), new TeWijzigenProduct(10072, new(2023, 4, 2), einddatum, omvang, omvang is null ? 100000 : null));
}
