using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR379Tests
{
    [Test]
    public void TR379_a_reference_to_no_request_is_found_on_the_referentieaanbieder_with_9379()
    {
        var message = Wmo301(Allocation() with { ReferentieAanbieder = "VOT-1" });

        var finding = Found("TR379", message, View()).Single();

        Assert.That(finding.Retourcode, Is.EqualTo("9379"));
        Assert.That(finding.Level, Is.EqualTo(3));
        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct/ReferentieAanbieder"));
    }

    [Test]
    public void TR379_the_first_answer_to_an_open_vot_line_is_fine()
    {
        var view = View() with { Requests = [Request("VOT-1")] };

        Assert.That(Found("TR379", Wmo301(Allocation() with { ReferentieAanbieder = "VOT-1" }), view), Is.Empty);
    }

    [Test]
    public void TR379_no_reference_is_fine() => Assert.That(Found("TR379", Wmo301(Allocation()), View()), Is.Empty);

    [Test]
    public void TR379_a_reference_of_another_clients_request_is_found() =>
        Assert.That(
            Found("TR379", Wmo301(Allocation() with { ReferentieAanbieder = "VOT-1" }), View() with { Requests = [Request("VOT-1", bsn: OtherBsn)] }),
            Has.Exactly(1).Items);

    [TestCase(RequestState.Allocated)]
    [TestCase(RequestState.Rejected)]
    public void TR379_a_new_version_carrying_the_reference_of_an_answered_request_is_found(RequestState state)
    {
        var answer = Allocation() with { ReferentieAanbieder = "VOT-1" };
        var view = View(Recorded(answer)) with { Requests = [Request("VOT-1", state: state)] };

        var finding = Found("TR379", Wmo301(Later(answer)), view).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct/ReferentieAanbieder"));
    }

    [Test]
    public void TR379_the_answering_version_sent_again_may_carry_the_reference()
    {
        var answer = Allocation() with { ReferentieAanbieder = "VOT-1" };
        var view = View(Recorded(answer)) with { Requests = [Request("VOT-1", state: RequestState.Allocated)] };

        Assert.That(Found("TR379", Wmo301(answer), view), Is.Empty);
    }

    [Test]
    public void TR379_a_301_honouring_a_vow_carries_its_reference_on_every_product()
    {
        var view = View() with { Requests = [Request("VOW-1", RequestKind.Vow)] };
        var changed = Allocation(101) with { ReferentieAanbieder = "VOW-1" };
        var unchanged = Allocation(102) with { Product = new("02", "02A01") };

        var finding = Found("TR379", Wmo301(changed, unchanged), view).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]"));
        Assert.That(Found("TR379", Wmo301(changed, unchanged with { ReferentieAanbieder = "VOW-1" }), view), Is.Empty);
    }

    [Test]
    public void TR379_a_301_honouring_one_vot_line_need_not_carry_it_on_the_other_products()
    {
        var view = View() with { Requests = [Request("VOT-1")] };

        Assert.That(Found("TR379", Wmo301(Allocation(101) with { ReferentieAanbieder = "VOT-1" }, Allocation(102) with { Product = new("02") }), view), Is.Empty);
    }
}
