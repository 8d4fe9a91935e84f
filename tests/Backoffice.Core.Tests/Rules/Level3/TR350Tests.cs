using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR350Tests
{
    private const string Path = "/Bericht/Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct/ToewijzingNummer";

    [Test]
    public void TR350_an_unchanged_product_of_a_current_allocation_is_fine() =>
        Assert.That(Found(Vow(), View(allocations: VowAllocations()), "TR350"), Is.Empty);

    [Test]
    public void TR350_an_unchanged_product_without_any_allocation_is_rejected_with_9350_on_its_number()
    {
        var finding = Found(Vow(), View(allocations: VowAllocations()[1..]), "TR350").Single();

        Assert.That(finding.Path, Is.EqualTo(Path));
        Assert.That(finding.Retourcode, Is.EqualTo("9350"));
        Assert.That(finding.Level, Is.EqualTo(3));
    }

    [Test]
    public void TR350_an_allocation_whose_latest_version_deletes_it_is_not_current()
    {
        var first = VowAllocations()[0];
        var deleting = Allocation(10071, new Product("03", "03C01"), new(2023, 1, 1), new(2023, 1, 1), redenWijziging: "13", toewijzingsdatum: new(2023, 2, 1));

        Assert.That(Found(Vow(), View(allocations: [first, deleting, VowAllocations()[1]]), "TR350").Single().Path, Is.EqualTo(Path));
    }

    [Test]
    public void TR350_the_number_of_another_clients_allocation_does_not_count()
    {
        var otherClient = Allocation(10071, new Product("03", "03C01"), new(2023, 1, 1), null, new Omvang(4, "14", "4"), bsn: "999900018");

        Assert.That(Found(Vow(), View(allocations: [otherClient, VowAllocations()[1]]), "TR350"), Has.Exactly(1).Items);
    }
}
