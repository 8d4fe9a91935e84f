using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Register.Recorders;

public sealed class Wmo302RecorderTests
{
    private static readonly DateOnly RetourDag = Dagtekening.AddDays(1);

    private static Wmo302 Retour(Wmo301 heen, EquatableArray<string>? headerCodes, ToewijzingClientRetour? client) =>
        new(RetourHeader.For(heen.Header, "RET0001", RetourDag, headerCodes), client);

    private static ToewijzingClientRetour Client(Wmo301 heen, string clientCode, string contactCode, params string[][] productCodes) => new(
        heen.Client.Gegevens,
        [],
        [.. heen.Client.Contactgegevens.Select(c => new ContactRetour(c, [contactCode]))],
        [.. heen.Client.ToegewezenProducten.Select((p, i) => new ToegewezenProductRetour(p, [.. productCodes[i]]))],
        [clientCode]);

    [Test]
    public void A_302_is_keyed_to_the_municipality_and_provider_of_the_301_whose_header_it_copies()
    {
        var heen = Wmo301(Allocation());

        var key = RegisterKey.For(Retour(heen, null, null));

        // IV028: the retour's Afzender is the 301's (the municipality), its Ontvanger the provider.
        Assert.That((key.Municipality, key.Provider), Is.EqualTo((Municipality, Provider)));
    }

    [Test]
    public void A_302_from_a_provider_we_know_to_a_municipality_we_serve_passes_the_party_check()
    {
        var retour = Retour(Wmo301(Allocation()), null, null);

        Assert.That(PartyCheck.Refusal(retour, new PartyView(true, "Diemen", true, "Thuiszorg")), Is.Null);
        Assert.That(PartyCheck.Refusal(retour, new PartyView(false, null, true, "Thuiszorg")), Does.Contain("Header Afzender"));
        Assert.That(PartyCheck.Refusal(retour, new PartyView(true, "Diemen", false, null)), Does.Contain("Header Ontvanger"));
    }

    [Test]
    public void A_302_on_a_301_we_never_sent_is_recorded_as_such()
    {
        var retour = Retour(Wmo301(Allocation()), null, null);

        var change = (RetourRecorded)RegisterRecorderSet.Standard.Changes(retour, View() with { AnswersSentMessage = false }).Single();

        Assert.That(change.AnswersSentMessage, Is.False);
    }

    [Test]
    public void An_accepted_301_is_recorded_against_its_identification_without_rejections()
    {
        var heen = Wmo301(Allocation());

        var change = (RetourRecorded)RegisterRecorderSet.Standard.Changes(Retour(heen, null, null), View()).Single();

        Assert.That(change.AnswersType, Is.EqualTo("WMO301"));
        Assert.That(change.Afzender, Is.EqualTo(Municipality));
        Assert.That(change.Identificatie, Is.EqualTo("TW0001"));
        Assert.That(change.Dagtekening, Is.EqualTo(Dagtekening));
        Assert.That(change.Rejections, Is.Empty);
    }

    [Test]
    public void Every_class_whose_codes_are_not_just_0200_is_listed_with_the_providers_codes()
    {
        var heen = Wmo301(Allocation(), Allocation(102) with { Product = new("02") });
        var retour = Retour(heen, new EquatableArray<string>(["0200"]), Client(heen, "0200", "0200", ["0200"], ["9332", "9379"]));

        var rejection = ((RetourRecorded)RegisterRecorderSet.Standard.Changes(retour, View()).Single()).Rejections.Single();

        Assert.That(rejection.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]"));
        Assert.That(rejection.Subject, Is.EqualTo("ToegewezenProduct with ToewijzingNummer 102"));
        Assert.That(rejection.Retourcodes, Is.EqualTo(new[] { "9332", "9379" }));
    }

    [Test]
    public void A_header_error_a_client_error_and_not_checked_classes_are_listed_in_document_order()
    {
        var heen = Wmo301(Allocation());
        var retour = Retour(heen, new EquatableArray<string>(["8848"]), Client(heen, "S300", "0233", ["0233"]));

        var rejections = ((RetourRecorded)RegisterRecorderSet.Standard.Changes(retour, View()).Single()).Rejections;

        Assert.That(rejections.Select(r => r.Path), Is.EqualTo(new[]
        {
            "/Bericht/Header",
            "/Bericht/Client",
            "/Bericht/Client/Contactgegevens/Contact",
            "/Bericht/Client/ToegewezenProducten/ToegewezenProduct",
        }));
        Assert.That(rejections.Select(r => r.Retourcodes.Single()), Is.EqualTo(new[] { "8848", "S300", "0233", "0233" }));
    }

    [Test]
    public void A_relatie_and_its_contact_are_listed_under_the_relatie()
    {
        var heen = Wmo301(Allocation());
        var relatie = new RelatieRetour(
            new RelatieGegevens("1", null, "03", null, null, new VolledigeNaam(new Achternaamgegevens("Jansen"), null, null, "A", "1")),
            new ContactRetour(new Contact("01", new Adres(new Huis(2), "2222BB")), ["0001"]),
            ["0200"]);
        var client = Client(heen, "0200", "0200", ["0200"]) with { Relaties = [relatie, relatie with { RetourCodes = ["0233"] }] };

        var rejections = ((RetourRecorded)RegisterRecorderSet.Standard.Changes(Retour(heen, new EquatableArray<string>(["0200"]), client), View()).Single()).Rejections;

        Assert.That(rejections.Select(r => (r.Path, r.Subject)), Is.EqualTo(new[]
        {
            ("/Bericht/Client/Relaties/Relatie/Contact", "Contact of Relatie 1"),
            ("/Bericht/Client/Relaties/Relatie[2]", "Relatie 2"),
            ("/Bericht/Client/Relaties/Relatie[2]/Contact", "Contact of Relatie 2"),
        }));
    }
}
