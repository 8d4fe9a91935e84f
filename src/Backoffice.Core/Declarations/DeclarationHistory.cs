using Backoffice.Core.Messages.Common;
using Backoffice.Core.Reference;

namespace Backoffice.Core.Declarations;

/// <summary>
/// What the register knew of a provider's declarations before one WMO323, as its level-3 and
/// level-4 rules see it (loaded with the <see cref="Register.RegisterView"/> of that 323): the
/// earlier prestaties on the allocations it names and with the references it uses, whether its
/// DeclaratieNummer was used, the provider's latest declaration period in this municipality, the
/// catalogue, the provider's contract lines and the regional rules in force.
/// </summary>
/// <param name="Earlier">Earlier recorded prestaties of this provider in this municipality: every one on an allocation number the 323 names, every one carrying one of its ReferentieNummers (TR314), and every one a credit in it names (TR323, TR390).</param>
/// <param name="DeclaratieNummerUsed">An earlier 323 of this provider checked at level 3 carried this DeclaratieNummer (TR333).</param>
/// <param name="LatestPeriod">The first day of the latest DeclaratiePeriode of this provider's earlier declarations to this municipality that were not rejected whole (TR318).</param>
public sealed record DeclarationHistory(
    IReadOnlyList<RecordedPrestatie> Earlier,
    bool DeclaratieNummerUsed,
    DateOnly? LatestPeriod,
    IReadOnlyList<CatalogueProduct> Products,
    IReadOnlyList<ContractTariff> Contracts,
    RegionalRules Regional)
{
    public static DeclarationHistory Empty { get; } = new([], false, null, [], [], RegionalRules.National);
}

/// <summary>One prestatie of an earlier 323 as it was recorded, with its verdict.</summary>
/// <param name="Id">The register's id of the verdict row (a credit links to it).</param>
/// <param name="CreditsId">For an approved credit: the id of the debit it undoes.</param>
public sealed record RecordedPrestatie(
    long Id,
    long MessageId,
    string Municipality,
    string Bsn,
    string ReferentieNummer,
    string? VorigReferentieNummer,
    int ToewijzingNummer,
    string ProductCategorie,
    string ProductCode,
    GeslotenPeriode ProductPeriode,
    long GeleverdVolume,
    string Eenheid,
    long Bedrag,
    DebetCredit DebetCredit,
    bool Approved,
    long? CreditsId);
