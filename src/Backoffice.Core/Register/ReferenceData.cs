namespace Backoffice.Core.Register;

/// <summary>The status of an indication (beschikking) as the front office records it.</summary>
public enum IndicationStatus
{
    Active,
    Withdrawn,
    Superseded,
}

/// <summary>
/// One version of an indication (beschikking) from the municipality's front office: the decision an
/// allocation rests on. A product category with an optional code, or an arrangement code from the
/// regional catalogue; the period is the indication's, Einddatum null for open-ended.
/// </summary>
public sealed record Indication(
    string Number,
    int Version,
    string Municipality,
    string Bsn,
    string? ProductCategorie,
    string? ProductCode,
    string? ArrangementCode,
    DateOnly Begindatum,
    DateOnly? Einddatum,
    DateOnly DecisionDate,
    IndicationStatus Status);

/// <summary>
/// What the backoffice knows of the parties of one message (level 4, external sources): whether it
/// serves the municipality and knows the provider. Loaded for the message's Afzender and Ontvanger.
/// </summary>
public sealed record PartyView(bool MunicipalityServed, string? MunicipalityName, bool ProviderKnown, string? ProviderName);
