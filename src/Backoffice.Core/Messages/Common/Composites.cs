namespace Backoffice.Core.Messages.Common;

// The CDT_* composite types of the basisschema (iwmo-3.2.md §6). Their children live in the
// basisschema namespace, unlike the message-level element that holds them (§2).
// Codes stay strings because leading zeros are significant ("01", "04").

/// <summary>CDT_Geboortedatum. DatumGebruik (1, 2, 3) says which parts of Datum are unknown.</summary>
public sealed record Geboortedatum(DateOnly Datum, string? DatumGebruik = null);

/// <summary>CDT_Achternaam (a type named Achternaam could not hold a property Achternaam in C#).</summary>
public sealed record Achternaamgegevens(string Achternaam, string? Voorvoegsel = null);

/// <summary>CDT_VolledigeNaam, used by the 301/302.</summary>
public sealed record VolledigeNaam(
    Achternaamgegevens Geslachtsnaam,
    Achternaamgegevens? Partnernaam,
    string? Voornamen,
    string? Voorletters,
    string NaamGebruik);

/// <summary>CDT_VerkorteNaam, used by the 305 to 316.</summary>
public sealed record VerkorteNaam(
    Achternaamgegevens Geslachtsnaam,
    string? Voornamen = null,
    string? Voorletters = null);

/// <summary>CDT_Communicatie.</summary>
public sealed record Communicatie(string Vorm, string? Taal = null);

/// <summary>CDT_Huis.</summary>
public sealed record Huis(
    int Huisnummer,
    string? Huisletter = null,
    string? HuisnummerToevoeging = null,
    string? AanduidingWoonadres = null);

/// <summary>CDT_Adres; every part is optional in the XSD (TR006 asks house number and postcode or a phone number).</summary>
public sealed record Adres(
    Huis? Huis = null,
    string? Postcode = null,
    string? Straatnaam = null,
    string? Plaatsnaam = null,
    string? LandCode = null);

/// <summary>CDT_Telefoon.</summary>
public sealed record Telefoon(string Telefoonnummer, string Landnummer);

/// <summary>CDT_Telefoonnummers.</summary>
public sealed record Telefoonnummers(Telefoon Telefoon01, Telefoon? Telefoon02 = null);

/// <summary>CDT_OpenPeriode.</summary>
public sealed record OpenPeriode(DateOnly? Begindatum, DateOnly? Einddatum);

/// <summary>CDT_GeslotenPeriode.</summary>
public sealed record GeslotenPeriode(DateOnly Begindatum, DateOnly Einddatum);

/// <summary>CDT_Product: Categorie (WMO020) with an optional product code from the contract.</summary>
public sealed record Product(string Categorie, string? Code = null);

/// <summary>CDT_Omvang. Volume is an integer; for Eenheid 83 it is eurocents (IV042).</summary>
public sealed record Omvang(long Volume, string Eenheid, string Frequentie);

/// <summary>CDT_Verwijzer.</summary>
public sealed record Verwijzer(string Type, string? Naam = null, string? ZorgverlenerCode = null);

/// <summary>CDT_Referentie: a credit line points at its debit through VorigReferentieNummer (IV091).</summary>
public sealed record Referentie(string ReferentieNummer, string? VorigReferentieNummer = null);

/// <summary>CDT_BedragMetDC, in eurocents (IV024).</summary>
public sealed record BedragMetDC(long Bedrag, DebetCredit DebetCredit)
{
    /// <summary>The amount in eurocents with its sign: a debit positive, a credit negative.</summary>
    public long Cents => DebetCredit == DebetCredit.Credit ? -Bedrag : Bedrag;
}

/// <summary>CDT_TotaalBedragMetDC, in eurocents.</summary>
public sealed record TotaalBedragMetDC(long TotaalBedrag, DebetCredit DebetCredit)
{
    /// <summary>TotaalBedrag as the message wrote it when not written plainly ("0123", "+123"), for TR358 (see <see cref="AsSent"/>).</summary>
    public string? TotaalBedragAsSent { get; init; }

    /// <summary>The total in eurocents with its sign: a debit positive, a credit negative.</summary>
    public long Cents => DebetCredit == DebetCredit.Credit ? -TotaalBedrag : TotaalBedrag;

    /// <summary>The total for eurocents with their sign (a credit negative); 0 carries D (CS325).</summary>
    public static TotaalBedragMetDC FromCents(long cents) => new(Math.Abs(cents), cents < 0 ? DebetCredit.Credit : DebetCredit.Debet);
}
