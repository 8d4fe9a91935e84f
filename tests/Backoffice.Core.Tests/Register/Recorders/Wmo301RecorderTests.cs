using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Register.Recorders;

public sealed class Wmo301RecorderTests
{
    private static readonly Indication Beschikking = new(
        "B-1", 1, Municipality, Bsn, "01", "01A01", null, new DateOnly(2026, 1, 1), null, new DateOnly(2025, 12, 1), IndicationStatus.Active);

    private static IReadOnlyList<RegisterChange> Changes(Core.Messages.IwmoMessage message, RegisterView view) =>
        RegisterRecorderSet.Standard.Changes(message, view);

    [Test]
    public void Each_toegewezenproduct_is_recorded_with_the_indication_behind_it()
    {
        var other = Allocation(102) with { Product = new("02", "02A01") };
        var view = View() with { Indications = [Beschikking] };

        var changes = Changes(Wmo301(Allocation(), other), view);

        Assert.That(changes, Is.EqualTo(new RegisterChange[]
        {
            new AllocationRecorded(Municipality, Provider, Bsn, Allocation(), IndicationBacking.Backed, Beschikking),
            new AllocationRecorded(Municipality, Provider, Bsn, other, IndicationBacking.Unbacked, null),
        }));
    }

    [Test]
    public void An_identical_resend_changes_nothing() =>
        Assert.That(Changes(Wmo301(Allocation()), View(Recorded(Allocation()))), Is.Empty);

    [Test]
    public void The_same_version_sent_with_a_referentieaanbieder_is_recorded_again()
    {
        var answer = Allocation() with { ReferentieAanbieder = "VOW-1" };

        Assert.That(Changes(Wmo301(answer), View(Recorded(Allocation()))).OfType<AllocationRecorded>().Single().Version, Is.EqualTo(answer));
    }

    [Test]
    public void A_version_older_than_the_current_one_is_recorded_and_does_not_become_current()
    {
        var current = Later(Allocation(), days: 3) with { Einddatum = new DateOnly(2026, 6, 30) };
        var view = View(Recorded(current));

        var recorded = Changes(Wmo301(Allocation()), view).OfType<AllocationRecorded>().Single();
        var after = AllocationState.Current([.. view.Allocations, Recorded(recorded.Version, 2)]);

        Assert.That(recorded.Version, Is.EqualTo(Allocation()));
        Assert.That(after.Single().Version, Is.EqualTo(current));
    }

    [Test]
    public void A_vow_reference_on_every_product_answers_the_request_once()
    {
        var view = View() with { Requests = [Request("VOW-1", RequestKind.Vow)] };
        var message = Wmo301(Allocation() with { ReferentieAanbieder = "VOW-1" }, Allocation(102) with { Product = new("02"), ReferentieAanbieder = "VOW-1" });

        Assert.That(Changes(message, view).OfType<RequestAnswered>(), Is.EqualTo(new[] { new RequestAnswered(Provider, "VOW-1", RequestState.Allocated) }));
    }

    [Test]
    public void A_request_already_answered_or_of_another_client_is_not_answered_again()
    {
        var answered = View() with { Requests = [Request("VOT-1", state: RequestState.Allocated), Request("VOT-2", bsn: OtherBsn, id: 2)] };
        var message = Wmo301(Allocation() with { ReferentieAanbieder = "VOT-1" }, Allocation(102) with { Product = new("02"), ReferentieAanbieder = "VOT-2" });

        Assert.That(Changes(message, answered).OfType<RequestAnswered>(), Is.Empty);
    }
}
