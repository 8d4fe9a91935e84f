using Backoffice.Core.Messages.Common;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Messages.StartStop;

/// <summary>WMO307 Stop zorg (iwmo-3.2.md §5).</summary>
public sealed record Wmo307(Header Header, StopClient Client) : IwmoMessage<Header>(Header)
{
    public override MessageType Type => MessageType.Wmo307;
}

/// <summary>WMO308: the municipality's retour on a 307.</summary>
public sealed record Wmo308(RetourHeader Header, StopClientRetour? Client) : IwmoMessage<RetourHeader>(Header)
{
    public override MessageType Type => MessageType.Wmo308;
}

public sealed record StopClient(VerkorteClientGegevens Gegevens, EquatableArray<StopProduct> StopProducten)
{
    public EquatableArray<StopProduct> StopProducten
    {
        get;
        init => field = Required.AtLeastOne(value, "Client", nameof(StopProducten));
    } = Required.AtLeastOne(StopProducten, "Client", nameof(StopProducten));
}

/// <summary>RedenBeeindiging 20 is a temporary stop; any other code is definitive (TR413-TR415).</summary>
public sealed record StopProduct(
    int? ToewijzingNummer,
    Product? Product,
    DateOnly? ToewijzingIngangsdatum,
    DateOnly Begindatum,
    string RedenBeeindiging,
    DateOnly Einddatum,
    string StatusAanlevering)
{
    /// <summary>ToewijzingNummer as the message wrote it when not written plainly ("0123", "+123"), for TR101 (see <see cref="AsSent"/>).</summary>
    public string? ToewijzingNummerAsSent { get; init; }
}

public sealed record StopClientRetour(
    VerkorteClientGegevens Gegevens,
    EquatableArray<StopProductRetour> StopProducten,
    EquatableArray<string> RetourCodes)
{
    public EquatableArray<StopProductRetour> StopProducten
    {
        get;
        init => field = Required.AtLeastOne(value, "Client", nameof(StopProducten));
    } = Required.AtLeastOne(StopProducten, "Client", nameof(StopProducten));

    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "Client");
    } = Required.RetourCodes(RetourCodes, "Client");
}

public sealed record StopProductRetour(StopProduct StopProduct, EquatableArray<string> RetourCodes)
{
    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "StopProduct");
    } = Required.RetourCodes(RetourCodes, "StopProduct");
}
