namespace Backoffice.Core.Messages.Common;

/// <summary>CDT_BerichtIdentificatie. Identificatie is unique per message type per sender (TR056).</summary>
public sealed record BerichtIdentificatie(string Identificatie, DateOnly Dagtekening);

/// <summary>CDT_XsdVersie: the schema versions a message was built with (IV034: copied from the XSD annotations).</summary>
public sealed record XsdVersie(string BasisschemaXsdVersie, string BerichtXsdVersie)
{
    /// <summary>The BerichtXsdVersie/BasisschemaXsdVersie of every iWmo 3.2 XSD (iwmo-3.2.md §1).</summary>
    public static XsdVersie Iwmo32 { get; } = new("1.0.0", "1.0.0");
}

/// <summary>
/// The fields every header starts with. BerichtCode, BerichtVersie (3) and BerichtSubversie (2)
/// are fixed per message by the XSD, so they follow from <see cref="IwmoMessage.Type"/> and are not stored.
/// In a retour these fields are copies of the heen message's header (IV028).
/// </summary>
public abstract record MessageHeader(
    string Afzender,
    string Ontvanger,
    BerichtIdentificatie BerichtIdentificatie,
    XsdVersie XsdVersie);

/// <summary>Header of the heen messages 301, 305, 307, 315, 317, 319 and 323 (iwmo-3.2.md §4.1).</summary>
public sealed record Header(
    string Afzender,
    string Ontvanger,
    BerichtIdentificatie BerichtIdentificatie,
    XsdVersie XsdVersie)
    : MessageHeader(Afzender, Ontvanger, BerichtIdentificatie, XsdVersie);

/// <summary>
/// Header of the retours 302, 306, 308, 316, 318 and 320 (iwmo-3.2.md §4.2): the heen header
/// copied, then the retour's own identification. RetourCodes is absent (null) when the message was
/// fully accepted, and holds at least one code when it is present: an empty list cannot be built,
/// because written it would vanish and turn a rejection into "fully accepted".
/// </summary>
public sealed record RetourHeader(
    string Afzender,
    string Ontvanger,
    BerichtIdentificatie BerichtIdentificatie,
    XsdVersie XsdVersie,
    string IdentificatieRetour,
    DateOnly DagtekeningRetour,
    string? XsltVersie,
    XsdVersie XsdVersieRetour,
    EquatableArray<string>? RetourCodes)
    : MessageHeader(Afzender, Ontvanger, BerichtIdentificatie, XsdVersie)
{
    public EquatableArray<string>? RetourCodes
    {
        get;
        init => field = Required.OptionalRetourCodes(value);
    } = Required.OptionalRetourCodes(RetourCodes);

    /// <summary>Starts a retour header from the heen header it answers (IV028 copies Afzender, Ontvanger, identification and versions).</summary>
    public static RetourHeader For(Header heen, string identificatieRetour, DateOnly dagtekeningRetour, EquatableArray<string>? retourCodes = null) =>
        new(heen.Afzender, heen.Ontvanger, heen.BerichtIdentificatie, heen.XsdVersie,
            identificatieRetour, dagtekeningRetour, null, XsdVersie.Iwmo32, retourCodes);
}

/// <summary>
/// Header of the WMO325 (iwmo-3.2.md §4.3): its own identification, then that of the 323 it
/// answers (TR337, TR371). RetourCodes is 1..1 here, with at least one code, because no separate
/// retour on the 323 exists.
/// </summary>
public sealed record DeclaratieAntwoordHeader(
    string Afzender,
    string Ontvanger,
    BerichtIdentificatie BerichtIdentificatie,
    XsdVersie XsdVersie,
    BerichtIdentificatie DeclaratieIdentificatie,
    string? XsltVersie,
    XsdVersie XsdVersieDeclaratie,
    EquatableArray<string> RetourCodes)
    : MessageHeader(Afzender, Ontvanger, BerichtIdentificatie, XsdVersie)
{
    public EquatableArray<string> RetourCodes
    {
        get;
        init => field = Required.RetourCodes(value, "Header");
    } = Required.RetourCodes(RetourCodes, "Header");
}
