using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class OP087Tests
{
    private static readonly DateOnly Yesterday = Dagtekening.AddDays(-1);

    [Test]
    public void OP087_a_current_allocation_left_out_is_found_on_the_client_with_9349()
    {
        var other = Allocation(102) with { Product = new("02"), Toewijzingsdatum = Yesterday };
        var view = View(Recorded(Allocation() with { Toewijzingsdatum = Yesterday }, 1), Recorded(other, 2));

        var finding = Found("OP087", Wmo301(Allocation() with { Toewijzingsdatum = Yesterday }), view).Single();

        Assert.That(finding.Retourcode, Is.EqualTo("9349"));
        Assert.That(finding.Level, Is.EqualTo(3));
        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client"));
    }

    [Test]
    public void OP087_every_current_allocation_present_is_fine()
    {
        var first = Allocation() with { Toewijzingsdatum = Yesterday };
        var other = Allocation(102) with { Product = new("02"), Toewijzingsdatum = Yesterday };

        Assert.That(Found("OP087", Wmo301(first, other), View(Recorded(first, 1), Recorded(other, 2))), Is.Empty);
    }

    [Test]
    public void OP087_an_allocation_that_ended_before_the_dagtekening_may_be_left_out()
    {
        var ended = Allocation(102) with { Product = new("02"), Toewijzingsdatum = Yesterday, Einddatum = Yesterday };

        Assert.That(Found("OP087", Wmo301(Allocation()), View(Recorded(ended))), Is.Empty);
        Assert.That(Found("OP087", Wmo301(Allocation()), View(Recorded(ended with { Einddatum = Dagtekening }))), Has.Exactly(1).Items);
    }

    [Test]
    public void OP087_a_deleted_allocation_may_be_left_out()
    {
        var deleted = Allocation(102) with { Product = new("02"), Toewijzingsdatum = Yesterday, Einddatum = Allocation().Ingangsdatum, RedenWijziging = "13" };

        Assert.That(Found("OP087", Wmo301(Allocation()), View(Recorded(deleted))), Is.Empty);
    }

    [Test]
    public void OP087_an_allocation_decided_on_or_after_the_dagtekening_is_not_expected()
    {
        // A version decided after the 301 was made arrived first (OP080): the 301 could not hold it.
        var later = Allocation(102) with { Product = new("02"), Toewijzingsdatum = Dagtekening };

        Assert.That(Found("OP087", Wmo301(Allocation()), View(Recorded(later))), Is.Empty);
    }

    [Test]
    public void OP087_another_clients_or_providers_allocations_are_not_expected()
    {
        var other = Allocation(102) with { Product = new("02"), Toewijzingsdatum = Yesterday };

        Assert.That(Found("OP087", Wmo301(Allocation()), View(Recorded(other, bsn: OtherBsn), Recorded(other, 2, provider: "42429999"))), Is.Empty);
    }
}
