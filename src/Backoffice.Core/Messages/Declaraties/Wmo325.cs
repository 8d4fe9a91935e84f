using Backoffice.Core.Messages.Common;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Messages.Declaraties;

/// <summary>
/// WMO325 Declaratie-antwoord (iwmo-3.2.md §4.3, §8.4). DeclaratieAntwoord is absent when the
/// whole 323 was rejected at header level; the header still links it through DeclaratieIdentificatie.
/// </summary>
public sealed record Wmo325(DeclaratieAntwoordHeader Header, DeclaratieAntwoord? DeclaratieAntwoord)
    : IwmoMessage<DeclaratieAntwoordHeader>(Header)
{
    public override MessageType Type => MessageType.Wmo325;
}

/// <summary>
/// Fully approved: RetourCode 8001 and no Clienten (IV087). Only rejected Prestaties come back,
/// so Clienten is often empty, which means the optional element is absent.
/// </summary>
public sealed record DeclaratieAntwoord(
    string DeclaratieNummer,
    TotaalBedragMetDC TotaalIngediendBedrag,
    TotaalBedragMetDC TotaalToegekendBedrag,
    EquatableArray<DeclaratieAntwoordClient> Clienten,
    EquatableArray<string> RetourCodes)
{
    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "DeclaratieAntwoord");
    } = Required.RetourCodes(RetourCodes, "DeclaratieAntwoord");
}

public sealed record DeclaratieAntwoordClient(
    string Bsn,
    EquatableArray<DeclaratieAntwoordPrestatie> Prestaties,
    EquatableArray<string> RetourCodes)
{
    public EquatableArray<DeclaratieAntwoordPrestatie> Prestaties
    {
        get;
        init => field = Required.AtLeastOne(value, "Client", nameof(Prestaties));
    } = Required.AtLeastOne(Prestaties, "Client", nameof(Prestaties));

    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "Client");
    } = Required.RetourCodes(RetourCodes, "Client");
}

/// <summary>A 323 Prestatie sent back unchanged (TR367) with its verdict.</summary>
public sealed record DeclaratieAntwoordPrestatie(Prestatie Prestatie, EquatableArray<string> RetourCodes)
{
    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "Prestatie");
    } = Required.RetourCodes(RetourCodes, "Prestatie");
}
