using Backoffice.Core.Register;

namespace Backoffice.Data.Reference;

/// <summary>The kinds of reference data <c>backoffice import</c> loads (the declarations issue adds products and contracts).</summary>
public enum ReferenceKind
{
    Municipalities,
    Providers,
    Indications,
}

/// <summary>The words of the kinds and of the indication statuses, as files, output and the CHECK constraints spell them.</summary>
public static class ReferenceWords
{
    /// <summary>The kinds in the order the README lists them.</summary>
    public static IReadOnlyList<ReferenceKind> Kinds { get; } = [ReferenceKind.Municipalities, ReferenceKind.Providers, ReferenceKind.Indications];

    /// <summary>The indication statuses, in the order of <see cref="IndicationStatus"/>.</summary>
    public static IReadOnlyList<IndicationStatus> Statuses { get; } = [IndicationStatus.Active, IndicationStatus.Withdrawn, IndicationStatus.Superseded];

    public static string Of(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Municipalities => "municipalities",
        ReferenceKind.Providers => "providers",
        ReferenceKind.Indications => "indications",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown reference kind."),
    };

    public static string Of(IndicationStatus status) => status switch
    {
        IndicationStatus.Active => "active",
        IndicationStatus.Withdrawn => "withdrawn",
        IndicationStatus.Superseded => "superseded",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown indication status."),
    };

    /// <summary>The kind spelled exactly as <see cref="Of(ReferenceKind)"/> does.</summary>
    public static bool TryParseKind(string? word, out ReferenceKind kind)
    {
        foreach (var candidate in Kinds)
        {
            if (string.Equals(Of(candidate), word, StringComparison.Ordinal))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The status spelled exactly as <see cref="Of(IndicationStatus)"/> does (lower case).</summary>
    public static bool TryParseStatus(string? word, out IndicationStatus status)
    {
        foreach (var candidate in Statuses)
        {
            if (string.Equals(Of(candidate), word, StringComparison.Ordinal))
            {
                status = candidate;
                return true;
            }
        }

        status = default;
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
/// One parsed file of one kind: its SHA-256 (lower-case hex, of the exact bytes), when it was
/// imported and its rows, each of the kind's row type, keys unique. Rows the parser rejected are
/// not here: a batch with rejected rows is never imported at all.
/// </summary>
public sealed record ReferenceBatch(ReferenceKind Kind, string FileSha256, DateTimeOffset ImportedAt, IReadOnlyList<ReferenceRow> Rows);

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
