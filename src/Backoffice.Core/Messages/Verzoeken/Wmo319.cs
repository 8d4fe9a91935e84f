using Backoffice.Core.Messages.Common;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Messages.Verzoeken;

/// <summary>
/// WMO319 Antwoordbericht: rejection of, or "in onderzoek" for, a VOT/VOW. Unlike JW319 the iWmo
/// 319 has no Woonplaatsbeginsel (iwmo-3.2.md §5).
/// </summary>
public sealed record Wmo319(Header Header, Antwoord Antwoord) : IwmoMessage<Header>(Header)
{
    public override MessageType Type => MessageType.Wmo319;
}

/// <summary>WMO320: the provider's retour on a 319.</summary>
public sealed record Wmo320(RetourHeader Header, AntwoordRetour? Antwoord) : IwmoMessage<RetourHeader>(Header)
{
    public override MessageType Type => MessageType.Wmo320;
}

/// <summary>RedenAfwijzingVerzoek is required with VerzoekAntwoord 1 (CD085) and empty with 2 (CD086).</summary>
public sealed record Antwoord(string ReferentieAanbieder, string VerzoekAntwoord, string? RedenAfwijzingVerzoek);

public sealed record AntwoordRetour(Antwoord Antwoord, EquatableArray<string> RetourCodes)
{
    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "Antwoord");
    } = Required.RetourCodes(RetourCodes, "Antwoord");
}
