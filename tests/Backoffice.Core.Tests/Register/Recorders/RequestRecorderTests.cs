using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Register.Recorders;
using Backoffice.Core.Tests.Rules;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Register.Recorders;

/// <summary>What an accepted 315, 317, 319 and 320 change in the register, and how a 301 closes requests.</summary>
public sealed class RequestRecorderTests
{
    private static readonly RegisterView Empty = View();

    [Test]
    public void An_accepted_315_opens_one_vot_request_per_requested_product_dated_by_its_dagtekening()
    {
        var changes = RegisterRecorderSet.Standard.Changes(RuleSamples.Read<Wmo315>("WMO315.xml"), Empty);

        Assert.That(changes, Is.EqualTo(new RegisterChange[]
        {
            new RequestOpened(RequestKind.Vot, Municipality, VotProvider, Bsn, "42420001", new(2023, 7, 15)),
            new RequestOpened(RequestKind.Vot, Municipality, VotProvider, Bsn, "42420002", new(2023, 7, 15)),
        }));
    }

    [Test]
    public void An_accepted_317_opens_one_vow_request_under_the_verzoeks_reference() =>
        Assert.That(
            RegisterRecorderSet.Standard.Changes(Vow(), Empty),
            Is.EqualTo(new RegisterChange[] { new RequestOpened(RequestKind.Vow, Municipality, VowProvider, Bsn, VowReference, new(2023, 4, 2)) }));

    [Test]
    public void Our_319_afgewezen_closes_the_request_as_rejected() =>
        Assert.That(
            RegisterRecorderSet.Standard.Changes(RuleSamples.Read<Wmo319>("WMO319.xml"), Empty),
            Is.EqualTo(new RegisterChange[] { new RequestAnswered(VowProvider, VowReference, RequestState.Rejected) }));

    [Test]
    public void Our_319_in_onderzoek_marks_the_request_in_onderzoek()
    {
        var sample = RuleSamples.Read<Wmo319>("WMO319.xml");
        var inOnderzoek = sample with { Antwoord = sample.Antwoord with { VerzoekAntwoord = "2", RedenAfwijzingVerzoek = null } };

        Assert.That(
            RegisterRecorderSet.Standard.Changes(inOnderzoek, Empty),
            Is.EqualTo(new RegisterChange[] { new RequestAnswered(VowProvider, VowReference, RequestState.InOnderzoek) }));
    }

    [Test]
    public void A_320_accepting_our_319_is_recorded_against_it_without_rejections()
    {
        var answer = RuleSamples.Read<Wmo319>("WMO319.xml");
        var accepted = new Wmo320(RetourHeader.For(answer.Header, "RET320", new(2023, 4, 3)), null);

        var recorded = (RetourRecorded)RegisterRecorderSet.Standard.Changes(accepted, Empty).Single();

        Assert.That(recorded.AnswersType, Is.EqualTo("WMO319"));
        Assert.That(recorded.Afzender, Is.EqualTo(Municipality));
        Assert.That(recorded.Identificatie, Is.EqualTo("876543219"));
        Assert.That(recorded.Dagtekening, Is.EqualTo(new DateOnly(2023, 4, 2)));
        Assert.That(recorded.Rejections, Is.Empty);
    }

    [Test]
    public void A_320_rejecting_the_antwoord_lists_that_class_with_the_providers_codes()
    {
        var answer = RuleSamples.Read<Wmo319>("WMO319.xml");
        var rejected = new Wmo320(
            RetourHeader.For(answer.Header, "RET320", new(2023, 4, 3), Codes("0200")),
            new AntwoordRetour(answer.Antwoord, Codes("9355")));

        var rejection = ((RetourRecorded)RegisterRecorderSet.Standard.Changes(rejected, Empty).Single()).Rejections.Single();

        Assert.That(rejection.Path, Is.EqualTo("/Bericht/Antwoord"));
        Assert.That(rejection.Subject, Is.EqualTo("Antwoord"));
        Assert.That(rejection.Retourcodes, Is.EqualTo(new[] { "9355" }));
    }

    [Test]
    public void A_320_rejecting_at_level_2_lists_the_header_with_0001()
    {
        var answer = RuleSamples.Read<Wmo319>("WMO319.xml");
        var level2 = new Wmo320(RetourHeader.For(answer.Header, "RET320", new(2023, 4, 3), Codes("0001")), null);

        var rejection = ((RetourRecorded)RegisterRecorderSet.Standard.Changes(level2, Empty).Single()).Rejections.Single();

        Assert.That(rejection.Path, Is.EqualTo("/Bericht/Header"));
        Assert.That(rejection.Retourcodes, Is.EqualTo(new[] { "0001" }));
    }

    [Test]
    public void A_301_carrying_the_reference_of_an_open_request_closes_it_once_as_allocated()
    {
        var toewijzing = RuleSamples.Read<Wmo301>("WMO301.xml");
        var product = toewijzing.Client.ToegewezenProducten[0];
        var twice = toewijzing with { Client = toewijzing.Client with { ToegewezenProducten = [product, product with { ToewijzingNummer = 102 }] } };
        var before = View([Request("42420002", RequestState.InOnderzoek, RequestKind.Vot, provider: VotProvider, inOnderzoekOn: new(2023, 7, 16))]);

        Assert.That(product.ReferentieAanbieder, Is.EqualTo("42420002"));
        Assert.That(RequestClosing.By301(twice, before), Is.EqualTo(new[] { new RequestAnswered(VotProvider, "42420002", RequestState.Allocated) }));
    }

    [Test]
    public void A_301_closes_no_request_already_closed_unknown_or_of_another_provider()
    {
        var toewijzing = RuleSamples.Read<Wmo301>("WMO301.xml");
        var before = View(
        [
            Request("42420002", RequestState.Rejected, RequestKind.Vot, provider: VotProvider),
            Request("42420002", RequestState.Open, RequestKind.Vot, provider: "12345678"),
        ]);

        Assert.That(RequestClosing.By301(toewijzing, before), Is.Empty);
        Assert.That(RequestClosing.By301(toewijzing, Empty), Is.Empty);
    }

    private static EquatableArray<string> Codes(params string[] codes) => codes.ToEquatableArray();
}
