using Backoffice.Core.Messages.Common;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Messages.Declaraties;

/// <summary>WMO323 Declaratie: the monthly claim (iwmo-3.2.md §5).</summary>
public sealed record Wmo323(Header Header, Declaratie Declaratie) : IwmoMessage<Header>(Header)
{
    public override MessageType Type => MessageType.Wmo323;
}

/// <summary>One declaration over one whole calendar month (CS340); the total is debit minus credit of the lines (TR358).</summary>
public sealed record Declaratie(
    string DeclaratieNummer,
    GeslotenPeriode DeclaratiePeriode,
    DateOnly DeclaratieDagtekening,
    TotaalBedragMetDC TotaalIngediendBedrag,
    EquatableArray<DeclaratieClient> Clienten)
{
    public EquatableArray<DeclaratieClient> Clienten
    {
        get;
        init => field = Required.AtLeastOne(value, "Declaratie", nameof(Clienten));
    } = Required.AtLeastOne(Clienten, "Declaratie", nameof(Clienten));
}

public sealed record DeclaratieClient(string Bsn, EquatableArray<Prestatie> Prestaties)
{
    public EquatableArray<Prestatie> Prestaties
    {
        get;
        init => field = Required.AtLeastOne(value, "Client", nameof(Prestaties));
    } = Required.AtLeastOne(Prestaties, "Client", nameof(Prestaties));
}

/// <summary>One claimed line. ProductTarief is empty for Eenheid 83 (CD087) and required otherwise.</summary>
public sealed record Prestatie(
    Referentie ProductReferentie,
    int ToewijzingNummer,
    string ProductCategorie,
    string ProductCode,
    GeslotenPeriode ProductPeriode,
    long GeleverdVolume,
    string Eenheid,
    long? ProductTarief,
    BedragMetDC IngediendBedrag);
