namespace Backoffice.Data.Reconciliation;

/// <summary>
/// What a reconciliation report covers: the delivery months <see cref="FirstMonth"/> to
/// <see cref="LastMonth"/> (first days), optionally one municipality and one provider, and the day
/// an answer still unsent counts as overdue against (<see cref="AsOf"/>).
/// </summary>
public sealed record ReconciliationScope(DateOnly FirstMonth, DateOnly LastMonth, string? Municipality, string? Provider, DateOnly AsOf)
{
    /// <summary>The last day of <see cref="LastMonth"/>.</summary>
    public DateOnly LastDay => LastMonth.AddMonths(1).AddDays(-1);

    /// <summary>Every month of the scope, first days, in order.</summary>
    public IEnumerable<DateOnly> Months
    {
        get
        {
            for (var month = FirstMonth; month <= LastMonth; month = month.AddMonths(1))
            {
                yield return month;
            }
        }
    }
}

/// <summary>
/// One allocation (or one ToewijzingNummer a provider declared on) in one delivery month: what the
/// indication behind it indicates, what the allocation allocates, and what was declared, approved,
/// rejected, credited and paid for prestaties of that month. Volumes are in the allocation's
/// Eenheid (a line in minutes on an hours allocation counts as its minutes / 60, TR341); amounts in
/// eurocents, credits as positive numbers; <see cref="PaidCents"/> is the ledger's signed sum.
/// </summary>
public sealed record ReconciliationLine
{
    public required string Municipality { get; init; }

    /// <summary>The names from the current reference versions; null when there is none.</summary>
    public string? MunicipalityName { get; init; }

    public required string Provider { get; init; }

    public string? ProviderName { get; init; }

    public required DateOnly DeliveryMonth { get; init; }

    public string? IndicationNumber { get; init; }

    /// <summary>The current version of the indication (the reference data as it stands).</summary>
    public int? IndicationVersion { get; init; }

    public string? IndicationStatus { get; init; }

    public DateOnly? IndicationBegindatum { get; init; }

    public DateOnly? IndicationEinddatum { get; init; }

    /// <summary>The indicated product: "categorie code", "categorie" (every product of it) or the arrangement code.</summary>
    public string? IndicatedProduct { get; init; }

    /// <summary>For an arrangement: one unit of the catalogue product's Eenheid per its Frequentie, as a month maximum in the allocation's Eenheid; null for a product indication (it names no volume).</summary>
    public decimal? IndicatedVolume { get; init; }

    public required int ToewijzingNummer { get; init; }

    /// <summary>The message (our 301) of the allocation's current version; null when the number was never allocated to this provider.</summary>
    public long? AllocationMessageId { get; init; }

    public string? AllocationIdentificatie { get; init; }

    /// <summary>The register's match: backed, outside-period or unbacked.</summary>
    public string? Backing { get; init; }

    public DateOnly? AllocationIngangsdatum { get; init; }

    public DateOnly? AllocationEinddatum { get; init; }

    public string? ProductCategorie { get; init; }

    public string? ProductCode { get; init; }

    /// <summary>The Omvang as allocated: Volume, Eenheid, Frequentie.</summary>
    public long? AllocationVolume { get; init; }

    public string? Eenheid { get; init; }

    public string? Frequentie { get; init; }

    /// <summary>The month's maximum by <c>VolumeLimits.MaximumPerLine</c> (TR321); null for Frequentie 6 or without an Omvang.</summary>
    public long? AllocatedVolume { get; init; }

    /// <summary>The allocation's Budget (eurocents, for its whole period).</summary>
    public long? AllocatedBudgetCents { get; init; }

    public int DeclaredLines { get; init; }

    public decimal DeclaredVolume { get; init; }

    public long DeclaredCents { get; init; }

    public int DeclaredCreditLines { get; init; }

    public long DeclaredCreditCents { get; init; }

    public int ApprovedLines { get; init; }

    public decimal ApprovedVolume { get; init; }

    public long ApprovedCents { get; init; }

    public int RejectedLines { get; init; }

    public long RejectedCents { get; init; }

    public int CreditedLines { get; init; }

    public decimal CreditedVolume { get; init; }

    public long CreditedCents { get; init; }

    public long PaidCents { get; init; }

    /// <summary>How many 323s carried prestaties of this allocation and month (per Eenheid declared, summed).</summary>
    public int Declarations { get; init; }

    /// <summary>The latest of those 323s (highest message id): the message, its BerichtIdentificatie and DeclaratieNummer.</summary>
    public long? LastDeclarationMessageId { get; init; }

    public string? LastBerichtIdentificatie { get; init; }

    public string? LastDeclaratieNummer { get; init; }

    /// <summary>Approved minus credited volume: what stands as delivered for the month.</summary>
    public decimal NetVolume => ApprovedVolume - CreditedVolume;

    /// <summary>Benutting: <see cref="NetVolume"/> / <see cref="AllocatedVolume"/> in percent, two decimals; null without an allocated volume above 0.</summary>
    public decimal? BenuttingPercent => AllocatedVolume is > 0 and var allocated ? Math.Round(NetVolume * 100m / allocated, 2, MidpointRounding.AwayFromZero) : null;

    /// <summary>Onderbenutting: <see cref="AllocatedVolume"/> minus <see cref="NetVolume"/> (negative when more stands than allocated).</summary>
    public decimal? Onderbenutting => AllocatedVolume is { } allocated ? allocated - NetVolume : null;
}

/// <summary>One retourcode of one rejected prestatie (a line with two codes is two rows).</summary>
public sealed record ReconciliationRejection(
    string Municipality,
    string Provider,
    string? IndicationNumber,
    int ToewijzingNummer,
    DateOnly DeliveryMonth,
    long MessageId,
    string? BerichtIdentificatie,
    string DeclaratieNummer,
    string ReferentieNummer,
    string DebetCredit,
    string ProductCategorie,
    string ProductCode,
    long GeleverdVolume,
    string Eenheid,
    long BedragCents,
    string Retourcode);

/// <summary>The kinds of exception the reconciliation report lists (README, "Reconciliation report").</summary>
public static class ReconciliationExceptionKinds
{
    public const string PaidWithoutIndication = "paid-without-indication";
    public const string DeclaredOnEndedIndication = "declared-on-ended-indication";
    public const string AllocationWithoutIndication = "allocation-without-indication";
    public const string AllocationOutsideIndication = "allocation-outside-indication";
    public const string AllocationAboveIndication = "allocation-above-indication";
    public const string CreditWithoutDebit = "credit-without-debit";
    public const string AnswerLate = "answer-late";
    public const string AnswerUnsent = "answer-unsent";
    public const string PaymentTotalMismatch = "payment-total-mismatch";

    /// <summary>Every kind, in the order the report lists them.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        PaidWithoutIndication, DeclaredOnEndedIndication, AllocationWithoutIndication, AllocationOutsideIndication, AllocationAboveIndication,
        CreditWithoutDebit, AnswerLate, AnswerUnsent, PaymentTotalMismatch,
    ];
}

/// <summary>
/// One exception an auditor looks for, naming the message behind it: the message id, its
/// BerichtIdentificatie, and for a prestatie the DeclaratieNummer and ReferentieNummer. Fields that
/// do not apply to the kind are null.
/// </summary>
public sealed record ReconciliationExceptionRow
{
    public required string Kind { get; init; }

    public required string Municipality { get; init; }

    public required string Provider { get; init; }

    public string? IndicationNumber { get; init; }

    public int? ToewijzingNummer { get; init; }

    public DateOnly? DeliveryMonth { get; init; }

    public required long MessageId { get; init; }

    public string? MessageType { get; init; }

    public string? BerichtIdentificatie { get; init; }

    public string? DeclaratieNummer { get; init; }

    public string? ReferentieNummer { get; init; }

    /// <summary>The money concerned, signed as in the ledger (a credit negative); null where no amount applies.</summary>
    public long? AmountCents { get; init; }

    public DateOnly? DueOn { get; init; }

    public DateOnly? AnsweredOn { get; init; }

    /// <summary>Why it is an exception, in words; never a BSN or a name.</summary>
    public required string Detail { get; init; }
}

/// <summary>The ledger's own sum over the scope (delivery months), read apart from the report's lines.</summary>
public sealed record LedgerTotal(long Rows, long Cents);
