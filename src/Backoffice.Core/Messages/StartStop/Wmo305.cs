using Backoffice.Core.Messages.Common;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Messages.StartStop;

/// <summary>WMO305 Start zorg (iwmo-3.2.md §5).</summary>
public sealed record Wmo305(Header Header, StartClient Client) : IwmoMessage<Header>(Header)
{
    public override MessageType Type => MessageType.Wmo305;
}

/// <summary>WMO306: the municipality's retour on a 305.</summary>
public sealed record Wmo306(RetourHeader Header, StartClientRetour? Client) : IwmoMessage<RetourHeader>(Header)
{
    public override MessageType Type => MessageType.Wmo306;
}

public sealed record StartClient(VerkorteClientGegevens Gegevens, EquatableArray<StartProduct> StartProducten)
{
    public EquatableArray<StartProduct> StartProducten
    {
        get;
        init => field = Required.AtLeastOne(value, "Client", nameof(StartProducten));
    } = Required.AtLeastOne(StartProducten, "Client", nameof(StartProducten));
}

/// <summary>
/// ToewijzingNummer is optional only for the "taakgericht" variant; for inspannings- and
/// outputgericht delivery the link is required (TR019, IV096). StatusAanlevering is 1 or 3 (CS058).
/// </summary>
public sealed record StartProduct(
    int? ToewijzingNummer,
    Product? Product,
    DateOnly? ToewijzingIngangsdatum,
    DateOnly Begindatum,
    string StatusAanlevering)
{
    /// <summary>ToewijzingNummer as the message wrote it when not written plainly ("0123", "+123"), for TR101 (see <see cref="AsSent"/>).</summary>
    public string? ToewijzingNummerAsSent { get; init; }
}

public sealed record StartClientRetour(
    VerkorteClientGegevens Gegevens,
    EquatableArray<StartProductRetour> StartProducten,
    EquatableArray<string> RetourCodes)
{
    public EquatableArray<StartProductRetour> StartProducten
    {
        get;
        init => field = Required.AtLeastOne(value, "Client", nameof(StartProducten));
    } = Required.AtLeastOne(StartProducten, "Client", nameof(StartProducten));

    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "Client");
    } = Required.RetourCodes(RetourCodes, "Client");
}

public sealed record StartProductRetour(StartProduct StartProduct, EquatableArray<string> RetourCodes)
{
    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "StartProduct");
    } = Required.RetourCodes(RetourCodes, "StartProduct");
}
