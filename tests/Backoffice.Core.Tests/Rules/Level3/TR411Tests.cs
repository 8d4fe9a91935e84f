using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR411Tests
{
    [Test]
    public void TR411_a_change_of_a_specific_allocation_without_omvang_is_rejected_with_9411_on_the_omvang()
    {
        var specific = Allocation(10072, new Product("02", "02B01"), new(2023, 4, 2), new(2023, 6, 30), new Omvang(4, "04", "2"));

        var finding = Found(Vow(), View(allocations: [VowAllocations()[0], specific]), "TR411").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct/Omvang"));
        Assert.That(finding.Retourcode, Is.EqualTo("9411"));
        Assert.That(finding.Level, Is.EqualTo(3));
    }

    [Test]
    public void TR411_a_change_of_a_specific_allocation_stating_its_omvang_is_fine()
    {
        var vow = Vow();
        var specific = Allocation(10072, new Product("02", "02B01"), new(2023, 4, 2), new(2023, 6, 30), new Omvang(4, "04", "2"));
        var withOmvang = WithTeWijzigen(vow, vow.Client.Verzoek.TeWijzigenProducten[0] with { Omvang = new Omvang(4, "04", "2") });

        Assert.That(Found(withOmvang, View(allocations: [VowAllocations()[0], specific]), "TR411"), Is.Empty);
    }

    [Test]
    public void TR411_a_change_of_an_aspecific_allocation_needs_no_omvang() =>
        Assert.That(Found(Vow(), View(allocations: VowAllocations()), "TR411"), Is.Empty);
}
