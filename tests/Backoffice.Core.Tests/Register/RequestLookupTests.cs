using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Register;

public sealed class RequestLookupTests
{
    [Test]
    public void Open_requests_are_those_of_the_client_provider_and_municipality_not_yet_allocated_or_rejected()
    {
        var open = Request("A");
        var inOnderzoek = Request("B", RequestState.InOnderzoek, RequestKind.Vot);
        var view = View(
        [
            open,
            inOnderzoek,
            Request("C", RequestState.Allocated),
            Request("D", RequestState.Rejected),
            Request("E", bsn: "999900018"),
            Request("F", provider: "12345678"),
            Request("G", municipality: "0363"),
        ]);

        Assert.That(RequestLookup.OpenFor(view, Municipality, VowProvider, Bsn), Is.EqualTo(new[] { open, inOnderzoek }));
    }

    [Test]
    public void By_reference_finds_every_request_of_the_provider_with_that_reference_in_any_state_and_municipality()
    {
        var rejected = Request("A", RequestState.Rejected);
        var elsewhere = Request("A", municipality: "0363", bsn: "999900018");
        var view = View([rejected, elsewhere, Request("A", provider: "12345678"), Request("a")]);

        Assert.That(RequestLookup.ByReference(view, VowProvider, "A"), Is.EqualTo(new[] { rejected, elsewhere }));
    }
}
