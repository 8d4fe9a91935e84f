using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Register;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;

namespace Backoffice.Core.Tests.Register;

/// <summary>
/// Messages and register views for the level-3/4 rules and the recorders, built in code so they run
/// without the reference: one municipality (Diemen, a code of the CBS list), one provider, one
/// client, dates in 2026 (on or after the CBS list's indeling). A test changes what its case is
/// about with <c>with</c>.
/// </summary>
internal static class RegisterSamples
{
    public const string Municipality = "0384";
    public const string Provider = "42420001";
    public const string Bsn = "999900006";
    public const string OtherBsn = "999900018";

    public static readonly DateOnly Dagtekening = new(2026, 3, 2);

    /// <summary>The processing date: the day after the Dagtekening.</summary>
    public static readonly DateOnly Today = Dagtekening.AddDays(1);

    /// <summary>A first version: 4 hours a week of 01A01 for 2026, decided on 2 March 2026 at 10:00.</summary>
    public static ToegewezenProduct Allocation(int number = 101) => new(
        number,
        ReferentieAanbieder: null,
        new Product("01", "01A01"),
        Toewijzingsdatum: Dagtekening,
        Toewijzingstijd: new TimeOnly(10, 0),
        Ingangsdatum: new DateOnly(2026, 1, 1),
        Einddatum: new DateOnly(2026, 12, 31),
        RedenWijziging: null,
        new Omvang(4, "04", "2"),
        Budget: null,
        Commentaar: null);

    /// <summary>A later version of <paramref name="version"/>, decided <paramref name="days"/> days later.</summary>
    public static ToegewezenProduct Later(ToegewezenProduct version, int days = 1, string? redenWijziging = "05") =>
        version with { Toewijzingsdatum = version.Toewijzingsdatum.AddDays(days), RedenWijziging = redenWijziging };

    public static Header Header(string identificatie = "TW0001", DateOnly? dagtekening = null, string afzender = Municipality, string ontvanger = Provider) =>
        new(afzender, ontvanger, new BerichtIdentificatie(identificatie, dagtekening ?? Dagtekening), XsdVersie.Iwmo32);

    public static Wmo301 Wmo301(params ToegewezenProduct[] producten) => Wmo301(Header(), producten);

    public static Wmo301 Wmo301(Header header, params ToegewezenProduct[] producten) => new(
        header,
        new ToewijzingClient(
            new ToewijzingClientGegevens(
                Bsn,
                new Geboortedatum(new DateOnly(1950, 6, 1)),
                "1",
                new VolledigeNaam(new Achternaamgegevens("Jansen"), null, null, "J", "1"),
                null,
                null,
                null,
                null),
            [],
            [new Contact("01", new Adres(new Huis(1), "1111AA"))],
            [.. producten]));

    /// <summary>A 305 starting allocation <paramref name="number"/>, from the provider to the municipality.</summary>
    public static Wmo305 Wmo305(string identificatie = "ST0001", DateOnly? dagtekening = null, DateOnly? toewijzingIngangsdatum = null, int number = 101) => new(
        Header(identificatie, dagtekening, afzender: Provider, ontvanger: Municipality),
        new StartClient(
            new VerkorteClientGegevens(Bsn, new Geboortedatum(new DateOnly(1950, 6, 1)), "1", new VerkorteNaam(new Achternaamgegevens("Jansen"))),
            [new StartProduct(number, new Product("01", "01A01"), toewijzingIngangsdatum ?? new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), "1")]));

    /// <summary>A recorded version of the client's allocation at the provider, unless told otherwise.</summary>
    public static RecordedAllocation Recorded(
        ToegewezenProduct version,
        long id = 1,
        string bsn = Bsn,
        string provider = Provider,
        string municipality = Municipality) =>
        new(id, id, municipality, provider, bsn, version, IndicationBacking.Backed, null);

    /// <summary>An empty register on <see cref="Today"/> holding <paramref name="allocations"/>.</summary>
    public static RegisterView View(params RecordedAllocation[] allocations) =>
        RegisterView.Empty(Today) with { Allocations = allocations };

    public static RecordedRequest Request(
        string reference,
        RequestKind kind = RequestKind.Vot,
        RequestState state = RequestState.Open,
        string bsn = Bsn,
        long id = 1) =>
        new(id, id, kind, Municipality, Provider, bsn, reference, Dagtekening.AddDays(-10), Dagtekening.AddDays(-9), state, null);

    /// <summary>The findings of <paramref name="rule"/> among all level-3/4 rules run on <paramref name="message"/>.</summary>
    public static Finding[] Found(string rule, IwmoMessage message, RegisterView view) =>
        [.. RegisterRuleSet.Standard.Check(message, view).Where(f => f.Rule == rule)];
}
