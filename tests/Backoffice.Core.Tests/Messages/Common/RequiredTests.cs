using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Messages.Common;

/// <summary>
/// What the XSD requires one or more of cannot be built empty, so the writer never gets the choice
/// between an invalid empty element and silently leaving it out (issue 6). An optional list may be empty.
/// </summary>
[TestFixture]
public sealed class RequiredTests
{
    private static readonly EquatableArray<string> Fine = MessageBuilders.Codes("0200");

    private static readonly VerkorteClientGegevens Verkort =
        new("999900006", new Geboortedatum(new DateOnly(1980, 1, 1)), "1", new VerkorteNaam(new Achternaamgegevens("Jansen")));

    private static readonly ToewijzingClientGegevens Toewijzing =
        new("999900006", new Geboortedatum(new DateOnly(1980, 1, 1)), "1",
            new VolledigeNaam(new Achternaamgegevens("Jansen"), null, null, "J", "1"), null, null, null, null);

    private static readonly StartProduct Start = new(10071, null, null, new DateOnly(2023, 5, 1), "1");

    private static readonly StopProduct Stop = new(10071, null, null, new DateOnly(2023, 5, 1), "19", new DateOnly(2023, 6, 30), "1");

    private static readonly Contact Contact = new("01");

    private static readonly ToegewezenProduct Toegewezen =
        new(10071, null, new Product("02"), new DateOnly(2023, 4, 1), new TimeOnly(12, 0), new DateOnly(2023, 5, 1), null, null, null, null, null);

    private static readonly AangevraagdProduct Aangevraagd =
        new("REF1", null, new Product("02"), null, new DateOnly(2023, 5, 1), null, null, null, new Verwijzer("01"), null, null);

    private static readonly Prestatie Prestatie =
        new(new Referentie("P1"), 10071, "02", "02A01", new GeslotenPeriode(new DateOnly(2023, 4, 1), new DateOnly(2023, 4, 30)), 4, "04", 1250,
            new BedragMetDC(5000, DebetCredit.Debet));

    public static IEnumerable<TestCaseData> EmptyRequiredLists()
    {
        yield return Case("ToewijzingClient", "Client/Contactgegevens", () => new ToewijzingClient(Toewijzing, [], [], [Toegewezen]));
        yield return Case("ToewijzingClient", "Client/ToegewezenProducten", () => new ToewijzingClient(Toewijzing, [], [Contact], []));
        yield return Case("ToewijzingClientRetour", "Client/Contactgegevens", () => new ToewijzingClientRetour(Toewijzing, [], [], [new ToegewezenProductRetour(Toegewezen, Fine)], Fine));
        yield return Case("ToewijzingClientRetour", "Client/ToegewezenProducten", () => new ToewijzingClientRetour(Toewijzing, [], [new ContactRetour(Contact, Fine)], [], Fine));
        yield return Case("StartClient", "Client/StartProducten", () => new StartClient(Verkort, []));
        yield return Case("StartClientRetour", "Client/StartProducten", () => new StartClientRetour(Verkort, [], Fine));
        yield return Case("StopClient", "Client/StopProducten", () => new StopClient(Verkort, []));
        yield return Case("StopClientRetour", "Client/StopProducten", () => new StopClientRetour(Verkort, [], Fine));
        yield return Case("VotClient", "Client/AangevraagdeProducten", () => new VotClient(Verkort, null, []));
        yield return Case("VotClientRetour", "Client/AangevraagdeProducten", () => new VotClientRetour(Verkort, null, [], Fine));
        yield return Case("Declaratie", "Declaratie/Clienten", () => new Declaratie("DN1", new GeslotenPeriode(new DateOnly(2023, 4, 1), new DateOnly(2023, 4, 30)), new DateOnly(2023, 5, 2), new TotaalBedragMetDC(0, DebetCredit.Debet), []));
        yield return Case("DeclaratieClient", "Client/Prestaties", () => new DeclaratieClient("999900006", []));
        yield return Case("DeclaratieAntwoordClient", "Client/Prestaties", () => new DeclaratieAntwoordClient("999900006", [], Fine));
        yield return Case("StartClient (default list)", "Client/StartProducten", () => new StartClient(Verkort, default));
    }

    public static IEnumerable<TestCaseData> RetourClassesWithoutCodes()
    {
        yield return Case("ToewijzingClientRetour", "Client/RetourCodes", () => new ToewijzingClientRetour(Toewijzing, [], [new ContactRetour(Contact, Fine)], [new ToegewezenProductRetour(Toegewezen, Fine)], []));
        yield return Case("RelatieRetour", "Relatie/RetourCodes", () => new RelatieRetour(new RelatieGegevens("1", null, "01", null, null, Toewijzing.Naam), new ContactRetour(Contact, Fine), []));
        yield return Case("ContactRetour", "Contact/RetourCodes", () => new ContactRetour(Contact, []));
        yield return Case("ToegewezenProductRetour", "ToegewezenProduct/RetourCodes", () => new ToegewezenProductRetour(Toegewezen, []));
        yield return Case("StartClientRetour", "Client/RetourCodes", () => new StartClientRetour(Verkort, [new StartProductRetour(Start, Fine)], []));
        yield return Case("StartProductRetour", "StartProduct/RetourCodes", () => new StartProductRetour(Start, []));
        yield return Case("StopClientRetour", "Client/RetourCodes", () => new StopClientRetour(Verkort, [new StopProductRetour(Stop, Fine)], []));
        yield return Case("StopProductRetour", "StopProduct/RetourCodes", () => new StopProductRetour(Stop, []));
        yield return Case("VotClientRetour", "Client/RetourCodes", () => new VotClientRetour(Verkort, null, [new AangevraagdProductRetour(Aangevraagd, Fine)], []));
        yield return Case("AangevraagdProductRetour", "AangevraagdProduct/RetourCodes", () => new AangevraagdProductRetour(Aangevraagd, []));
        yield return Case("VowClientRetour", "Client/RetourCodes", () => new VowClientRetour("999900006", new VerzoekRetour("REF1", "1", [], [], [], Fine), []));
        yield return Case("VerzoekRetour", "Verzoek/RetourCodes", () => new VerzoekRetour("REF1", "1", [], [], [], []));
        yield return Case("OngewijzigdProductRetour", "OngewijzigdProduct/RetourCodes", () => new OngewijzigdProductRetour(new OngewijzigdProduct(10071), []));
        yield return Case("TeWijzigenProductRetour", "TeWijzigenProduct/RetourCodes", () => new TeWijzigenProductRetour(new TeWijzigenProduct(10071, new DateOnly(2023, 5, 1), null, null, null), []));
        yield return Case("NieuwProductRetour", "NieuwProduct/RetourCodes", () => new NieuwProductRetour(new NieuwProduct(null, new DateOnly(2023, 5, 1), null, null, null), []));
        yield return Case("AntwoordRetour", "Antwoord/RetourCodes", () => new AntwoordRetour(new Antwoord("REF1", "2", null), []));
        yield return Case("DeclaratieAntwoord", "DeclaratieAntwoord/RetourCodes", () => new DeclaratieAntwoord("DN1", new TotaalBedragMetDC(0, DebetCredit.Debet), new TotaalBedragMetDC(0, DebetCredit.Debet), [], []));
        yield return Case("DeclaratieAntwoordClient", "Client/RetourCodes", () => new DeclaratieAntwoordClient("999900006", [new DeclaratieAntwoordPrestatie(Prestatie, Fine)], []));
        yield return Case("DeclaratieAntwoordPrestatie", "Prestatie/RetourCodes", () => new DeclaratieAntwoordPrestatie(Prestatie, []));
        yield return Case("DeclaratieAntwoordHeader", "Header/RetourCodes", () => new DeclaratieAntwoordHeader(
            "0384", "42420001", new BerichtIdentificatie("DA1", new DateOnly(2023, 5, 3)), XsdVersie.Iwmo32,
            new BerichtIdentificatie("D1", new DateOnly(2023, 5, 2)), null, XsdVersie.Iwmo32, []));
    }

    [TestCaseSource(nameof(EmptyRequiredLists))]
    public void Required_list_cannot_be_constructed_empty(string element, Func<object> build)
    {
        var ex = Assert.Throws<ArgumentException>(() => build());

        Assert.That(ex!.Message, Does.StartWith(element + " needs at least one item"));
    }

    [TestCaseSource(nameof(RetourClassesWithoutCodes))]
    public void Retour_class_cannot_be_constructed_without_a_RetourCode(string element, Func<object> build)
    {
        var ex = Assert.Throws<ArgumentException>(() => build());

        Assert.That(ex!.Message, Does.StartWith(element + " needs at least one RetourCode"));
        Assert.That(ex.ParamName, Is.EqualTo("RetourCodes"));
    }

    [Test]
    public void Required_list_cannot_be_emptied_with_a_with_expression()
    {
        var client = new StartClient(Verkort, [Start]);

        Assert.Throws<ArgumentException>(() => _ = client with { StartProducten = [] });
        Assert.Throws<ArgumentException>(() => _ = new StartProductRetour(Start, Fine) with { RetourCodes = [] });
    }

    [Test]
    public void Retour_header_has_no_RetourCodes_or_at_least_one_never_an_empty_list()
    {
        var heen = MessageBuilders.Header();

        Assert.That(RetourHeader.For(heen, "R1", MessageBuilders.Dagtekening).RetourCodes, Is.Null, "fully accepted: absent");
        Assert.That(RetourHeader.For(heen, "R1", MessageBuilders.Dagtekening, MessageBuilders.Codes("0001")).RetourCodes, Is.EqualTo(MessageBuilders.Codes("0001")));
        var ex = Assert.Throws<ArgumentException>(() => RetourHeader.For(heen, "R1", MessageBuilders.Dagtekening, MessageBuilders.Codes()));
        Assert.That(ex!.Message, Does.Contain("use null (no RetourCodes) for a fully accepted message"));
        Assert.Throws<ArgumentException>(() => _ = MessageBuilders.RetourHeader(retourCodes: "0001") with { RetourCodes = MessageBuilders.Codes() });
    }

    [Test]
    public void Optional_lists_may_be_empty()
    {
        Assert.That(new ToewijzingClient(Toewijzing, [], [Contact], [Toegewezen]).Relaties, Is.Empty);
        Assert.That(new Verzoek("REF1", "1", [], [], []).NieuweProducten, Is.Empty);
        Assert.That(new DeclaratieAntwoord("DN1", new TotaalBedragMetDC(0, DebetCredit.Debet), new TotaalBedragMetDC(0, DebetCredit.Debet), [], MessageBuilders.Codes("8001")).Clienten, Is.Empty);
    }

    private static TestCaseData Case(string record, string element, Func<object> build) =>
        new TestCaseData(element, build).SetArgDisplayNames(record, element);
}
