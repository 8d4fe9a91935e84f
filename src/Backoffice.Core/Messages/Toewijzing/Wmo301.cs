using Backoffice.Core.Messages.Common;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Messages.Toewijzing;

/// <summary>WMO301 Toewijzing: the municipality's order to deliver (iwmo-3.2.md §5).</summary>
public sealed record Wmo301(Header Header, ToewijzingClient Client) : IwmoMessage<Header>(Header)
{
    public override MessageType Type => MessageType.Wmo301;
}

/// <summary>WMO302: the provider's retour on a 301. Client is absent when the message was accepted or failed at header level (IV028).</summary>
public sealed record Wmo302(RetourHeader Header, ToewijzingClientRetour? Client) : IwmoMessage<RetourHeader>(Header)
{
    public override MessageType Type => MessageType.Wmo302;
}

/// <summary>
/// Client of a 301. An empty <see cref="Relaties"/> means the optional Relaties element is absent
/// (when present it holds at least one Relatie). Contactgegevens and ToegewezenProducten are
/// required (1..n), so the record cannot be built with either empty; the same holds for every
/// required list and every class's RetourCodes in the message records (see <c>Required</c>).
/// </summary>
public sealed record ToewijzingClient(
    ToewijzingClientGegevens Gegevens,
    EquatableArray<Relatie> Relaties,
    EquatableArray<Contact> Contactgegevens,
    EquatableArray<ToegewezenProduct> ToegewezenProducten)
{
    public EquatableArray<Contact> Contactgegevens
    {
        get;
        init => field = Required.AtLeastOne(value, "Client", nameof(Contactgegevens));
    } = Required.AtLeastOne(Contactgegevens, "Client", nameof(Contactgegevens));

    public EquatableArray<ToegewezenProduct> ToegewezenProducten
    {
        get;
        init => field = Required.AtLeastOne(value, "Client", nameof(ToegewezenProducten));
    } = Required.AtLeastOne(ToegewezenProducten, "Client", nameof(ToegewezenProducten));
}

/// <summary>The Client's own elements, before its collections; the 302 sends them back unchanged.</summary>
public sealed record ToewijzingClientGegevens(
    string Bsn,
    Geboortedatum Geboortedatum,
    string Geslacht,
    VolledigeNaam Naam,
    Communicatie? Communicatie,
    string? JuridischeStatus,
    string? WettelijkeVertegenwoordiging,
    string? Commentaar);

public sealed record Relatie(RelatieGegevens Gegevens, Contact Contact);

/// <summary>The Relatie's own elements, before its Contact; the 302 sends them back unchanged.</summary>
public sealed record RelatieGegevens(
    string Nummer,
    int? Volgorde,
    string Soort,
    Geboortedatum? Geboortedatum,
    string? Geslacht,
    VolledigeNaam Naam);

public sealed record Contact(
    string Soort,
    Adres? Adres = null,
    string? Organisatie = null,
    Telefoonnummers? Telefoon = null,
    string? Emailadres = null,
    OpenPeriode? Periode = null);

/// <summary>One allocation. The current version is the one with the latest Toewijzingsdatum + Toewijzingstijd (IV013).</summary>
public sealed record ToegewezenProduct(
    int ToewijzingNummer,
    string? ReferentieAanbieder,
    Product? Product,
    DateOnly Toewijzingsdatum,
    TimeOnly Toewijzingstijd,
    DateOnly Ingangsdatum,
    DateOnly? Einddatum,
    string? RedenWijziging,
    Omvang? Omvang,
    long? Budget,
    string? Commentaar)
{
    /// <summary>ToewijzingNummer as the message wrote it when not written plainly ("0123", "+123"), for TR101 (see <see cref="AsSent"/>).</summary>
    public string? ToewijzingNummerAsSent { get; init; }
}

/// <summary>
/// Client of a 302: the 301 client sent back with a RetourCode on every class (IV028). Its own
/// elements are the 301's; its collections hold the retour form of each class.
/// </summary>
public sealed record ToewijzingClientRetour(
    ToewijzingClientGegevens Gegevens,
    EquatableArray<RelatieRetour> Relaties,
    EquatableArray<ContactRetour> Contactgegevens,
    EquatableArray<ToegewezenProductRetour> ToegewezenProducten,
    EquatableArray<string> RetourCodes)
{
    public EquatableArray<ContactRetour> Contactgegevens
    {
        get;
        init => field = Required.AtLeastOne(value, "Client", nameof(Contactgegevens));
    } = Required.AtLeastOne(Contactgegevens, "Client", nameof(Contactgegevens));

    public EquatableArray<ToegewezenProductRetour> ToegewezenProducten
    {
        get;
        init => field = Required.AtLeastOne(value, "Client", nameof(ToegewezenProducten));
    } = Required.AtLeastOne(ToegewezenProducten, "Client", nameof(ToegewezenProducten));

    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "Client");
    } = Required.RetourCodes(RetourCodes, "Client");
}

public sealed record RelatieRetour(RelatieGegevens Gegevens, ContactRetour Contact, EquatableArray<string> RetourCodes)
{
    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "Relatie");
    } = Required.RetourCodes(RetourCodes, "Relatie");
}

public sealed record ContactRetour(Contact Contact, EquatableArray<string> RetourCodes)
{
    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "Contact");
    } = Required.RetourCodes(RetourCodes, "Contact");
}

public sealed record ToegewezenProductRetour(ToegewezenProduct ToegewezenProduct, EquatableArray<string> RetourCodes)
{
    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "ToegewezenProduct");
    } = Required.RetourCodes(RetourCodes, "ToegewezenProduct");
}
