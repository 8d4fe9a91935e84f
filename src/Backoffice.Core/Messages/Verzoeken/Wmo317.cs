using Backoffice.Core.Messages.Common;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Messages.Verzoeken;

/// <summary>WMO317 Verzoek om wijziging (VOW), iwmo-3.2.md §5.</summary>
public sealed record Wmo317(Header Header, VowClient Client) : IwmoMessage<Header>(Header)
{
    public override MessageType Type => MessageType.Wmo317;
}

/// <summary>WMO318: the municipality's retour on a 317.</summary>
public sealed record Wmo318(RetourHeader Header, VowClientRetour? Client) : IwmoMessage<RetourHeader>(Header)
{
    public override MessageType Type => MessageType.Wmo318;
}

public sealed record VowClient(string Bsn, Verzoek Verzoek);

/// <summary>
/// A VOW lists all current allocations as ongewijzigd or te wijzigen (TR349). Each list is an
/// optional element in the XSD; an empty list means the element is absent.
/// </summary>
public sealed record Verzoek(
    string ReferentieAanbieder,
    string RedenVerzoek,
    EquatableArray<OngewijzigdProduct> OngewijzigdeProducten,
    EquatableArray<TeWijzigenProduct> TeWijzigenProducten,
    EquatableArray<NieuwProduct> NieuweProducten);

public sealed record OngewijzigdProduct(int ToewijzingNummer)
{
    /// <summary>ToewijzingNummer as the message wrote it when not written plainly ("0123", "+123"), for TR101 (see <see cref="AsSent"/>).</summary>
    public string? ToewijzingNummerAsSent { get; init; }
}

public sealed record TeWijzigenProduct(
    int ToewijzingNummer,
    DateOnly GewensteIngangsdatum,
    DateOnly? Einddatum,
    Omvang? Omvang,
    long? Budget)
{
    /// <summary>ToewijzingNummer as the message wrote it when not written plainly ("0123", "+123"), for TR101 (see <see cref="AsSent"/>).</summary>
    public string? ToewijzingNummerAsSent { get; init; }
}

public sealed record NieuwProduct(
    Product? Product,
    DateOnly GewensteIngangsdatum,
    DateOnly? Einddatum,
    Omvang? Omvang,
    long? Budget);

/// <summary>
/// Client of a 318. Bsn, and the Verzoek's ReferentieAanbieder and RedenVerzoek, are the 317's
/// own elements sent back unchanged; the product collections hold the retour form of each product.
/// </summary>
public sealed record VowClientRetour(string Bsn, VerzoekRetour Verzoek, EquatableArray<string> RetourCodes)
{
    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "Client");
    } = Required.RetourCodes(RetourCodes, "Client");
}

public sealed record VerzoekRetour(
    string ReferentieAanbieder,
    string RedenVerzoek,
    EquatableArray<OngewijzigdProductRetour> OngewijzigdeProducten,
    EquatableArray<TeWijzigenProductRetour> TeWijzigenProducten,
    EquatableArray<NieuwProductRetour> NieuweProducten,
    EquatableArray<string> RetourCodes)
{
    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "Verzoek");
    } = Required.RetourCodes(RetourCodes, "Verzoek");
}

public sealed record OngewijzigdProductRetour(OngewijzigdProduct OngewijzigdProduct, EquatableArray<string> RetourCodes)
{
    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "OngewijzigdProduct");
    } = Required.RetourCodes(RetourCodes, "OngewijzigdProduct");
}

public sealed record TeWijzigenProductRetour(TeWijzigenProduct TeWijzigenProduct, EquatableArray<string> RetourCodes)
{
    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "TeWijzigenProduct");
    } = Required.RetourCodes(RetourCodes, "TeWijzigenProduct");
}

public sealed record NieuwProductRetour(NieuwProduct NieuwProduct, EquatableArray<string> RetourCodes)
{
    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "NieuwProduct");
    } = Required.RetourCodes(RetourCodes, "NieuwProduct");
}
