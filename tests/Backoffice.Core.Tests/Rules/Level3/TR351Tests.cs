using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR351Tests
{
    [Test]
    public void TR351_a_product_to_change_of_a_current_allocation_is_fine() =>
        Assert.That(Found(Vow(), View(allocations: VowAllocations()), "TR351"), Is.Empty);

    [Test]
    public void TR351_a_product_to_change_whose_allocation_has_ended_is_rejected_with_9351_on_its_number()
    {
        var ended = Allocation(10072, new Product("02"), new(2022, 1, 1), new(2023, 3, 31));

        var finding = Found(Vow(), View(allocations: [VowAllocations()[0], ended]), "TR351").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct/ToewijzingNummer"));
        Assert.That(finding.Retourcode, Is.EqualTo("9351"));
        Assert.That(finding.Level, Is.EqualTo(3));
    }

    [Test]
    public void TR351_the_second_product_to_change_is_found_at_its_own_position()
    {
        var vow = Vow();
        var known = vow.Client.Verzoek.TeWijzigenProducten[0];
        var unknown = known with { ToewijzingNummer = 99999 };

        var finding = Found(WithTeWijzigen(vow, known, unknown), View(allocations: VowAllocations()), "TR351").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[2]/ToewijzingNummer"));
    }

    [Test]
    public void TR351_an_allocation_starting_in_the_future_is_current()
    {
        var future = Allocation(10072, new Product("02"), new(2023, 4, 2), new(2024, 6, 30));

        Assert.That(Found(Vow(), View(allocations: [VowAllocations()[0], future]), "TR351"), Is.Empty);
    }
}
