using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Verzoeken;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR412Tests
{
    private static readonly Omvang Hours = new(4, "04", "2");

    [Test]
    public void TR412_an_omvang_for_an_aspecific_allocation_is_rejected_with_9412_on_the_omvang()
    {
        var finding = Found(Change(new(2023, 12, 31), Hours), View(allocations: VowAllocations()), "TR412").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct/Omvang"));
        Assert.That(finding.Retourcode, Is.EqualTo("9412"));
        Assert.That(finding.Level, Is.EqualTo(3));
    }

    [Test]
    public void TR412_an_open_end_counts_as_after_2020() =>
        Assert.That(Found(Change(null, Hours), View(allocations: VowAllocations()), "TR412"), Has.Exactly(1).Items);

    [Test]
    public void TR412_the_317_sample_changes_the_aspecific_allocation_without_omvang_and_is_fine() =>
        Assert.That(Found(Vow(), View(allocations: VowAllocations()), "TR412"), Is.Empty);

    [Test]
    public void TR412_an_end_on_31_december_2020_still_allows_an_omvang() =>
        Assert.That(Found(Change(new(2020, 12, 31), Hours), View(allocations: VowAllocations()), "TR412"), Is.Empty);

    [Test]
    public void TR412_an_allocation_without_any_product_is_left_to_TR375()
    {
        var budget = Allocation(10072, null, new(2023, 4, 2), new(2023, 12, 31), budget: 100000);

        Assert.That(Found(Change(new(2023, 12, 31), Hours), View(allocations: [VowAllocations()[0], budget]), "TR412"), Is.Empty);
    }

    private static Wmo317 Change(DateOnly? einddatum, Omvang? omvang) =>
        WithTeWijzigen(Vow(), new TeWijzigenProduct(10072, new(2023, 4, 2), einddatum, omvang, null));
}
