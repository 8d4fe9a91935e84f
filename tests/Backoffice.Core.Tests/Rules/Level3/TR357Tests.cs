using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR357Tests
{
    private static readonly Product Aspecific = new("02");

    [Test]
    public void TR357_a_change_on_the_dagtekening_from_the_original_ingangsdatum_is_fine() =>
        Assert.That(Found(Vow(), View(allocations: VowAllocations()), "TR357"), Is.Empty);

    [Test]
    public void TR357_a_change_on_the_dagtekening_for_an_allocation_that_started_earlier_is_rejected_with_9357()
    {
        var earlier = Allocation(10072, Aspecific, new(2023, 1, 1), new(2023, 6, 30));

        var finding = Found(Vow(), View(allocations: [VowAllocations()[0], earlier]), "TR357").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct/GewensteIngangsdatum"));
        Assert.That(finding.Retourcode, Is.EqualTo("9357"));
        Assert.That(finding.Level, Is.EqualTo(3));
    }

    [Test]
    public void TR357_a_change_before_the_dagtekening_must_start_at_the_original_ingangsdatum_too()
    {
        var vow = Vow();
        var earlier = Allocation(10072, Aspecific, new(2023, 1, 1), new(2023, 6, 30));
        var fromMarch = WithTeWijzigen(vow, vow.Client.Verzoek.TeWijzigenProducten[0] with { GewensteIngangsdatum = new(2023, 3, 1) });

        Assert.That(Found(fromMarch, View(allocations: [VowAllocations()[0], earlier]), "TR357"), Has.Exactly(1).Items);
    }

    [Test]
    public void TR357_a_change_starting_after_the_dagtekening_may_start_on_another_day_than_the_original()
    {
        var vow = Vow();
        var earlier = Allocation(10072, Aspecific, new(2023, 1, 1), new(2023, 6, 30));
        var fromTomorrow = WithTeWijzigen(vow, vow.Client.Verzoek.TeWijzigenProducten[0] with { GewensteIngangsdatum = new(2023, 4, 3) });

        Assert.That(Found(fromTomorrow, View(allocations: [VowAllocations()[0], earlier]), "TR357"), Is.Empty);
    }
}
