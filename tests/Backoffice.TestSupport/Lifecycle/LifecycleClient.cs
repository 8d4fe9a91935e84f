using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;

namespace Backoffice.TestSupport.Lifecycle;

/// <summary>
/// The typed messages of one client's lifecycle between one municipality and one provider, in both
/// directions: our 301 and 319 (municipality to provider), the provider's 302, 305, 307, 315 and 317
/// (provider to municipality). Every builder gives a message that passes levels 1 and 2; what the
/// register makes of it is the test's business. The client's own elements are the same in every
/// message, so the 305 to 316 carry the short form of the 301's name.
/// </summary>
public sealed record LifecycleClient(string Municipality, string Provider, string Bsn)
{
    public Geboortedatum Geboortedatum { get; init; } = new(new DateOnly(1948, 5, 17));

    public string Geslacht { get; init; } = "2";

    public string Achternaam { get; init; } = "Scenario";

    public VerkorteClientGegevens Verkort => new(Bsn, Geboortedatum, Geslacht, new VerkorteNaam(new Achternaamgegevens(Achternaam), Voorletters: "A"));

    /// <summary>A heen header from the municipality (301, 319).</summary>
    public Header FromMunicipality(string identificatie, DateOnly dagtekening) =>
        new(Municipality, Provider, new BerichtIdentificatie(identificatie, dagtekening), XsdVersie.Iwmo32);

    /// <summary>A heen header from the provider (305, 307, 315, 317).</summary>
    public Header FromProvider(string identificatie, DateOnly dagtekening) =>
        new(Provider, Municipality, new BerichtIdentificatie(identificatie, dagtekening), XsdVersie.Iwmo32);

    /// <summary>
    /// A first version of an allocation: <paramref name="hoursPerWeek"/> hours a week (Eenheid 04,
    /// Frequentie 2, which needs an Einddatum, CD076) of <paramref name="product"/>.
    /// </summary>
    public static ToegewezenProduct Allocation(
        int number,
        Product product,
        DateOnly decided,
        TimeOnly decidedAt,
        DateOnly ingangsdatum,
        DateOnly einddatum,
        int hoursPerWeek = 4,
        string? referentieAanbieder = null) =>
        new(number, referentieAanbieder, product, decided, decidedAt, ingangsdatum, einddatum, RedenWijziging: null, new Omvang(hoursPerWeek, "04", "2"), Budget: null, Commentaar: null);

    public Wmo301 Wmo301(Header header, params ToegewezenProduct[] producten) => new(
        header,
        new ToewijzingClient(
            new ToewijzingClientGegevens(
                Bsn,
                Geboortedatum,
                Geslacht,
                new VolledigeNaam(new Achternaamgegevens(Achternaam), null, "Anna", "A", "1"),
                null,
                null,
                null,
                null),
            [],
            [new Contact("01", new Adres(new Huis(12), "1111AA", "Scenariostraat", "Diemen", "NL"))],
            [.. producten]));

    /// <summary>
    /// The provider's 302 on <paramref name="toewijzing"/>: the 301's header copied (IV028) and, with
    /// <paramref name="clientCodes"/>, the client sent back with those codes on every class (all 0200:
    /// every part seen and fine); without, the header only (fully accepted).
    /// </summary>
    /// <param name="productCode">The code of one ToegewezenProduct by its number, where it is not <paramref name="clientCodes"/> (a product the provider rejects).</param>
    public static Wmo302 Wmo302(
        Wmo301 toewijzing,
        string identificatieRetour,
        DateOnly dagtekeningRetour,
        string? headerCode = null,
        string? clientCodes = null,
        Func<int, string?>? productCode = null)
    {
        ArgumentNullException.ThrowIfNull(toewijzing);
        var header = RetourHeader.For(toewijzing.Header, identificatieRetour, dagtekeningRetour, headerCode is null ? null : new EquatableArray<string>([headerCode]));
        if (clientCodes is null)
        {
            return new Wmo302(header, null);
        }

        EquatableArray<string> codes = [clientCodes];
        var client = toewijzing.Client;
        return new Wmo302(
            header,
            new ToewijzingClientRetour(
                client.Gegevens,
                [.. client.Relaties.Select(r => new RelatieRetour(r.Gegevens, new ContactRetour(r.Contact, codes), codes))],
                [.. client.Contactgegevens.Select(c => new ContactRetour(c, codes))],
                [.. client.ToegewezenProducten.Select(p => new ToegewezenProductRetour(p, productCode?.Invoke(p.ToewijzingNummer) is { } code ? [code] : codes))],
                codes));
    }

    public Wmo305 Wmo305(Header header, params StartProduct[] producten) => new(header, new StartClient(Verkort, [.. producten]));

    public Wmo307 Wmo307(Header header, params StopProduct[] producten) => new(header, new StopClient(Verkort, [.. producten]));

    /// <summary>A StartProduct of <paramref name="allocation"/>: status 1 adds it, 3 deletes the start with its key (IV008).</summary>
    public static StartProduct Start(ToegewezenProduct allocation, DateOnly begindatum, string status = "1")
    {
        ArgumentNullException.ThrowIfNull(allocation);
        return new StartProduct(allocation.ToewijzingNummer, allocation.Product, allocation.Ingangsdatum, begindatum, status);
    }

    /// <summary>A StopProduct of the start of <paramref name="allocation"/> on <paramref name="begindatum"/> (the start's key unchanged, TR382).</summary>
    public static StopProduct Stop(ToegewezenProduct allocation, DateOnly begindatum, string redenBeeindiging, DateOnly einddatum, string status = "1")
    {
        ArgumentNullException.ThrowIfNull(allocation);
        return new StopProduct(allocation.ToewijzingNummer, allocation.Product, allocation.Ingangsdatum, begindatum, redenBeeindiging, einddatum, status);
    }

    /// <summary>A VOT (315) with one requested product: hours a week from <paramref name="ingangsdatum"/> to <paramref name="einddatum"/>, referred by the municipality (Verwijzer 01).</summary>
    public Wmo315 Wmo315(Header header, string referentieAanbieder, Product product, DateOnly ingangsdatum, DateOnly einddatum, int hoursPerWeek = 2) => new(
        header,
        new VotClient(
            Verkort,
            null,
            [
                new AangevraagdProduct(
                    referentieAanbieder,
                    BeschikkingNummer: null,
                    product,
                    BeschikkingIngangsdatum: null,
                    ingangsdatum,
                    einddatum,
                    new Omvang(hoursPerWeek, "04", "2"),
                    Budget: null,
                    new Verwijzer("01"),
                    Raamcontract: null,
                    Commentaar: null),
            ]));

    /// <summary>A VOW (317, RedenVerzoek 1) that keeps <paramref name="ongewijzigd"/> and asks for <paramref name="nieuw"/>.</summary>
    public Wmo317 Wmo317(Header header, string referentieAanbieder, IEnumerable<int> ongewijzigd, params NieuwProduct[] nieuw) => new(
        header,
        new VowClient(
            Bsn,
            new Verzoek(
                referentieAanbieder,
                "1",
                [.. ongewijzigd.Select(n => new OngewijzigdProduct(n))],
                [],
                [.. nieuw])));

    /// <summary>A new product asked for in a VOW: hours a week from <paramref name="gewensteIngangsdatum"/> to <paramref name="einddatum"/>.</summary>
    public static NieuwProduct Nieuw(Product product, DateOnly gewensteIngangsdatum, DateOnly einddatum, int hoursPerWeek = 2) =>
        new(product, gewensteIngangsdatum, einddatum, new Omvang(hoursPerWeek, "04", "2"), Budget: null);

    /// <summary>Our 319 on request <paramref name="referentieAanbieder"/>: VerzoekAntwoord 2 "in onderzoek" (no reason, CD086), or 1 "afgewezen" with its reason (CD085).</summary>
    public static Wmo319 Wmo319(Header header, string referentieAanbieder, bool inOnderzoek = true, string redenAfwijzing = "7") =>
        new(header, new Antwoord(referentieAanbieder, inOnderzoek ? "2" : "1", inOnderzoek ? null : redenAfwijzing));

    /// <summary>The provider's 320 on our 319: its header copied (IV028); with <paramref name="code"/> the Antwoord sent back with it, without the header only (accepted).</summary>
    public static Wmo320 Wmo320(Wmo319 antwoord, string identificatieRetour, DateOnly dagtekeningRetour, string? code = null)
    {
        ArgumentNullException.ThrowIfNull(antwoord);
        return new Wmo320(
            RetourHeader.For(antwoord.Header, identificatieRetour, dagtekeningRetour, code is null ? null : new EquatableArray<string>(["0200"])),
            code is null ? null : new AntwoordRetour(antwoord.Antwoord, [code]));
    }

    /// <summary>The file a message is dropped into the inbox as: its bytes as our writer makes them.</summary>
    public static byte[] Bytes(IwmoMessage message) => IwmoWriter.ToBytes(message);
}
