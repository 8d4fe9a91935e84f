using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR349Tests
{
    [Test]
    public void TR349_the_317_sample_lists_both_current_allocations_and_is_fine() =>
        Assert.That(Found(Vow(), View(allocations: VowAllocations()), "TR349"), Is.Empty);

    [Test]
    public void TR349_a_current_allocation_missing_from_the_vow_is_rejected_with_9349_on_the_verzoek()
    {
        var third = Allocation(10073, new Product("04", "04D01"), new(2023, 1, 1), null, new Omvang(2, "14", "2"));

        var finding = Found(Vow(), View(allocations: [.. VowAllocations(), third]), "TR349").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Verzoek"));
        Assert.That(finding.Retourcode, Is.EqualTo("9349"));
        Assert.That(finding.Level, Is.EqualTo(3));
    }

    [Test]
    public void TR349_allocations_ended_before_the_dagtekening_or_deleted_need_not_be_listed()
    {
        var ended = Allocation(10073, new Product("04"), new(2022, 1, 1), new(2023, 4, 1));
        var deleted = Allocation(10074, new Product("05"), new(2023, 5, 1), new(2023, 5, 1), redenWijziging: "13");

        Assert.That(Found(Vow(), View(allocations: [.. VowAllocations(), ended, deleted]), "TR349"), Is.Empty);
    }

    [Test]
    public void TR349_an_allocation_ending_on_the_dagtekening_is_still_current()
    {
        var endsToday = Allocation(10073, new Product("04"), new(2022, 1, 1), new(2023, 4, 2));

        Assert.That(Found(Vow(), View(allocations: [.. VowAllocations(), endsToday]), "TR349"), Has.Exactly(1).Items);
    }

    [Test]
    public void TR349_allocations_of_another_client_or_provider_are_not_asked_for()
    {
        var otherClient = Allocation(10073, new Product("04"), new(2023, 1, 1), null, bsn: "999900018");
        var otherProvider = Allocation(10074, new Product("04"), new(2023, 1, 1), null, provider: "12345678");

        Assert.That(Found(Vow(), View(allocations: [.. VowAllocations(), otherClient, otherProvider]), "TR349"), Is.Empty);
    }
}
