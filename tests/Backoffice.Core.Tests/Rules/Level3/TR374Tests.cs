using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR374Tests
{
    [Test]
    public void TR374_a_vow_while_an_earlier_request_of_the_client_is_open_is_rejected_with_9374_on_the_verzoek()
    {
        var finding = Found(Vow(), View([Request("VOT-1", kind: RequestKind.Vot)]), "TR374").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Verzoek"));
        Assert.That(finding.Retourcode, Is.EqualTo("9374"));
        Assert.That(finding.Level, Is.EqualTo(3));
    }

    [Test]
    public void TR374_a_vot_while_a_request_is_in_onderzoek_is_rejected_with_9374_on_the_client()
    {
        var vot = RuleSamples.Read<Wmo315>("WMO315.xml");
        var open = Request("VOW-1", RequestState.InOnderzoek, provider: VotProvider, inOnderzoekOn: new(2023, 3, 3));

        var finding = Found(vot, View([open]), "TR374").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client"));
        Assert.That(finding.Retourcode, Is.EqualTo("9374"));
    }

    [Test]
    public void TR374_the_same_vow_sent_twice_is_rejected_with_9374() =>
        Assert.That(Found(Vow(), View([Request(VowReference)]), "TR374"), Has.Exactly(1).Items);

    [Test]
    public void TR374_requests_closed_by_a_301_or_a_319_afgewezen_leave_room_for_a_new_one()
    {
        var closed = View([Request("VOT-1", RequestState.Allocated, RequestKind.Vot), Request("VOW-0", RequestState.Rejected)]);

        Assert.That(Found(Vow(), closed, "TR374"), Is.Empty);
    }

    [Test]
    public void TR374_an_open_request_of_another_client_or_provider_or_to_another_municipality_does_not_count()
    {
        var others = View(
        [
            Request("A", bsn: "999900018"),
            Request("B", provider: "12345678"),
            Request("C", municipality: "0363"),
        ]);

        Assert.That(Found(Vow(), others, "TR374"), Is.Empty);
    }
}
