using Backoffice.Core.Messages.Common;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Messages.Verzoeken;

/// <summary>WMO315 Verzoek om toewijzing (VOT), iwmo-3.2.md §5.</summary>
public sealed record Wmo315(Header Header, VotClient Client) : IwmoMessage<Header>(Header)
{
    public override MessageType Type => MessageType.Wmo315;
}

/// <summary>WMO316: the municipality's retour on a 315.</summary>
public sealed record Wmo316(RetourHeader Header, VotClientRetour? Client) : IwmoMessage<RetourHeader>(Header)
{
    public override MessageType Type => MessageType.Wmo316;
}

public sealed record VotClient(
    VerkorteClientGegevens Gegevens,
    string? Commentaar,
    EquatableArray<AangevraagdProduct> AangevraagdeProducten)
{
    public EquatableArray<AangevraagdProduct> AangevraagdeProducten
    {
        get;
        init => field = Required.AtLeastOne(value, "Client", nameof(AangevraagdeProducten));
    } = Required.AtLeastOne(AangevraagdeProducten, "Client", nameof(AangevraagdeProducten));
}

/// <summary>ReferentieAanbieder is the key; it must be unique within the VOT (TR383) and per provider (TR347).</summary>
public sealed record AangevraagdProduct(
    string ReferentieAanbieder,
    int? BeschikkingNummer,
    Product? Product,
    DateOnly? BeschikkingIngangsdatum,
    DateOnly ToewijzingIngangsdatum,
    DateOnly? ToewijzingEinddatum,
    Omvang? Omvang,
    long? Budget,
    Verwijzer Verwijzer,
    string? Raamcontract,
    string? Commentaar);

public sealed record VotClientRetour(
    VerkorteClientGegevens Gegevens,
    string? Commentaar,
    EquatableArray<AangevraagdProductRetour> AangevraagdeProducten,
    EquatableArray<string> RetourCodes)
{
    public EquatableArray<AangevraagdProductRetour> AangevraagdeProducten
    {
        get;
        init => field = Required.AtLeastOne(value, "Client", nameof(AangevraagdeProducten));
    } = Required.AtLeastOne(AangevraagdeProducten, "Client", nameof(AangevraagdeProducten));

    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "Client");
    } = Required.RetourCodes(RetourCodes, "Client");
}

public sealed record AangevraagdProductRetour(AangevraagdProduct AangevraagdProduct, EquatableArray<string> RetourCodes)
{
    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "AangevraagdProduct");
    } = Required.RetourCodes(RetourCodes, "AangevraagdProduct");
}
