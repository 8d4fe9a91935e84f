using Backoffice.Core.Reference;
using Backoffice.Core.Register;

namespace Backoffice.Data.Reference;

/// <summary>The kinds of reference data <c>backoffice import</c> loads.</summary>
public enum ReferenceKind
{
    Municipalities,
    Providers,
    Products,
    Contracts,
    Indications,
}

/// <summary>The words of the kinds, the indication statuses and the financing forms, as files, output and the CHECK constraints spell them.</summary>
public static class ReferenceWords
{
    /// <summary>
    /// The kinds in the order the README lists them, which is the order <c>import all</c> takes them
    /// in: a contract names a provider and a product, an indication a served municipality.
    /// </summary>
    public static IReadOnlyList<ReferenceKind> Kinds { get; } =
        [ReferenceKind.Municipalities, ReferenceKind.Providers, ReferenceKind.Products, ReferenceKind.Contracts, ReferenceKind.Indications];

    /// <summary>The indication statuses, in the order of <see cref="IndicationStatus"/>.</summary>
    public static IReadOnlyList<IndicationStatus> Statuses { get; } = [IndicationStatus.Active, IndicationStatus.Withdrawn, IndicationStatus.Superseded];

    /// <summary>The financing forms, in the order of <see cref="FinancingForm"/>.</summary>
    public static IReadOnlyList<FinancingForm> FinancingForms { get; } = [FinancingForm.Inspanningsgericht, FinancingForm.Outputgericht, FinancingForm.Taakgericht];

    public static string Of(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Municipalities => "municipalities",
        ReferenceKind.Providers => "providers",
        ReferenceKind.Products => "products",
        ReferenceKind.Contracts => "contracts",
        ReferenceKind.Indications => "indications",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reference kind."),
    };

    public static string Of(FinancingForm financing) => financing switch
    {
        FinancingForm.Inspanningsgericht => "inspanningsgericht",
        FinancingForm.Outputgericht => "outputgericht",
        FinancingForm.Taakgericht => "taakgericht",
        _ => throw new ArgumentOutOfRangeException(nameof(financing), financing, "Unknown financing form."),
    };

    public static string Of(IndicationStatus status) => status switch
    {
        IndicationStatus.Active => "active",
        IndicationStatus.Withdrawn => "withdrawn",
        IndicationStatus.Superseded => "superseded",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown indication status."),
    };

    /// <summary>The kind spelled exactly as <see cref="Of(ReferenceKind)"/> does.</summary>
    public static bool TryParseKind(string? word, out ReferenceKind kind) => TryParse(Kinds, Of, word, out kind);

    /// <summary>The status spelled exactly as <see cref="Of(IndicationStatus)"/> does (lower case).</summary>
    public static bool TryParseStatus(string? word, out IndicationStatus status) => TryParse(Statuses, Of, word, out status);

    /// <summary>The financing form spelled exactly as <see cref="Of(FinancingForm)"/> does (lower case).</summary>
    public static bool TryParseFinancing(string? word, out FinancingForm financing) => TryParse(FinancingForms, Of, word, out financing);

    /// <summary>The one of <paramref name="candidates"/> that <paramref name="of"/> spells exactly as <paramref name="word"/>.</summary>
    public static bool TryParse<T>(IReadOnlyList<T> candidates, Func<T, string> of, string? word, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in candidates)
        {
            if (string.Equals(of(candidate), word, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}

/// <summary>One data row of a reference file, with the physical line it starts on (the header is line 1).</summary>
public abstract record ReferenceRow(int Line)
{
    /// <summary>What identifies the row across files and versions (CBS code, AGB code, indication number).</summary>
    public abstract string Key { get; }
}

/// <summary>A municipality this backoffice serves: CBS code (4 digits) and name.</summary>
public sealed record MunicipalityRow(int Line, string CbsCode, string Name) : ReferenceRow(Line)
{
    public override string Key => CbsCode;
}

/// <summary>A provider: AGB code (8 digits) and name.</summary>
public sealed record ProviderRow(int Line, string AgbCode, string Name) : ReferenceRow(Line)
{
    public override string Key => AgbCode;
}

/// <summary>
/// An indication as the front office's file states it; the store gives it its version. The same
/// fields as <see cref="Indication"/> without the version. Its text form leaves the BSN out, so a
/// row that ends up in a log or an assertion message does not carry it.
/// </summary>
public sealed record IndicationRow(
    int Line,
    string Number,
    string Municipality,
    string Bsn,
    string? ProductCategorie,
    string? ProductCode,
    string? ArrangementCode,
    DateOnly Begindatum,
    DateOnly? Einddatum,
    DateOnly DecisionDate,
    IndicationStatus Status) : ReferenceRow(Line)
{
    public override string Key => Number;

    /// <summary>This row as version <paramref name="version"/> of its indication.</summary>
    public Indication AsVersion(int version) =>
        new(Number, version, Municipality, Bsn, ProductCategorie, ProductCode, ArrangementCode, Begindatum, Einddatum, DecisionDate, Status);

    public override string ToString() => $"IndicationRow {{ Line = {Line}, Number = {Number}, Municipality = {Municipality} }}";
}

/// <summary>
/// A product of the regional catalogue as the region's file states it; the store gives it its
/// version. Keyed by category and code (TR381: a code belongs to its category).
/// </summary>
public sealed record ProductRow(
    int Line,
    string ProductCategorie,
    string ProductCode,
    string Description,
    string Eenheid,
    string Frequentie,
    FinancingForm Financing,
    string? ArrangementCode,
    DateOnly Begindatum,
    DateOnly? Einddatum) : ReferenceRow(Line)
{
    public override string Key => ProductKey(ProductCategorie, ProductCode);

    /// <summary>The key of product <paramref name="code"/> in <paramref name="categorie"/>, as <see cref="Key"/> spells it.</summary>
    public static string ProductKey(string categorie, string code) => categorie + "/" + code;

    /// <summary>This row as version <paramref name="version"/> of its product.</summary>
    public CatalogueProduct AsVersion(int version) =>
        new(ProductCategorie, ProductCode, version, Description, Eenheid, Frequentie, Financing, ArrangementCode, Begindatum, Einddatum);

    /// <summary>The row a stored version was made from (line 0), to compare a file's row with.</summary>
    public static ProductRow Of(CatalogueProduct p) =>
        new(0, p.ProductCategorie, p.ProductCode, p.Description, p.Eenheid, p.Frequentie, p.Financing, p.ArrangementCode, p.Begindatum, p.Einddatum);
}

/// <summary>
/// A contract line as the region's file states it: what <see cref="Provider"/> may deliver of one
/// product of the catalogue from <see cref="Begindatum"/>, at <see cref="TariffCents"/> per unit of
/// <see cref="Eenheid"/>. Keyed by provider, product and begindatum; the store gives it its version.
/// </summary>
public sealed record ContractRow(
    int Line,
    string Provider,
    string ProductCategorie,
    string ProductCode,
    DateOnly Begindatum,
    DateOnly? Einddatum,
    long TariffCents,
    string Eenheid,
    bool PartialMonthInFull) : ReferenceRow(Line)
{
    public override string Key => Provider + "/" + ProductRow.ProductKey(ProductCategorie, ProductCode) + "/" + StoredDates.Day(Begindatum);

    /// <summary>This row as version <paramref name="version"/> of its contract line.</summary>
    public ContractTariff AsVersion(int version) =>
        new(Provider, ProductCategorie, ProductCode, version, Begindatum, Einddatum, TariffCents, Eenheid, PartialMonthInFull);

    /// <summary>The row a stored version was made from (line 0), to compare a file's row with.</summary>
    public static ContractRow Of(ContractTariff c) =>
        new(0, c.Provider, c.ProductCategorie, c.ProductCode, c.Begindatum, c.Einddatum, c.TariffCents, c.Eenheid, c.PartialMonthInFull);
}

/// <summary>
/// One parsed file of one kind: its SHA-256 (lower-case hex, of the exact bytes), when it was
/// imported and its rows, each of the kind's row type, keys unique. Rows the parser rejected are
/// not here: a batch with rejected rows is never imported at all.
/// </summary>
public sealed record ReferenceBatch(ReferenceKind Kind, string FileSha256, DateTimeOffset ImportedAt, IReadOnlyList<ReferenceRow> Rows)
{
    /// <summary>The person importing (the audit trail's who and why); null: the service itself.</summary>
    public Audit.AuditActor? By { get; init; }
}

/// <summary>A rejected row: its line, the column at fault when there is one, and why. Never quotes a value.</summary>
public sealed record ReferenceProblem(int Line, string? Column, string Reason)
{
    public override string ToString() => Column is null ? $"line {Line}: {Reason}" : $"line {Line}: {Column}: {Reason}";
}

/// <summary>
/// What an import did: rows read, versions added (<see cref="New"/> keys plus <see cref="Changed"/>
/// ones), rows identical to the current version. With any <see cref="Rejected"/> row nothing was
/// written; <see cref="ImportId"/> is null also when nothing changed (then nothing was written either).
/// </summary>
public sealed record ReferenceImportResult(
    ReferenceKind Kind,
    int RowsRead,
    int New,
    int Changed,
    int Unchanged,
    long? ImportId,
    IReadOnlyList<ReferenceProblem> Rejected)
{
    public int VersionsAdded => New + Changed;

    public bool Applied => Rejected.Count == 0;
}
