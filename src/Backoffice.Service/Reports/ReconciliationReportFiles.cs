using Backoffice.Data.Reconciliation;
using MiniExcelLibs.Attributes;
using static Backoffice.Service.Reports.ReportFiles;

namespace Backoffice.Service.Reports;

/// <summary>What was written: the rows per table, the totals of the lines and the exceptions per kind.</summary>
internal sealed record ReconciliationWritten(
    IReadOnlyList<string> Files,
    int Lines,
    int DeclaredLines,
    int RejectedLines,
    int Rejections,
    long PaidCents,
    IReadOnlyDictionary<string, int> ExceptionsByKind);

/// <summary>
/// Writes the reconciliation report (README, "Reconciliation report") as its rows come from the
/// store: the lines per allocation and delivery month with a last <c>total</c> row, the rejected
/// prestaties per retourcode, and the exceptions. CSV is three files (FILE, and FILE with
/// <c>.rejections</c> and <c>.exceptions</c> before the extension), XLSX one workbook with a sheet
/// each; the conventions (typed cells, cents and euros side by side, inert text, atomic files) are
/// <see cref="ReportFiles"/>'. The lines file is put in place last, so when it is there all are.
/// Nothing in it identifies a client: indication and allocation numbers only, never a BSN.
/// </summary>
internal static class ReconciliationReportFiles
{
    public const string LinesSheet = "lines";
    public const string RejectionsSheet = "rejections";
    public const string ExceptionsSheet = "exceptions";
    public const string TotalRow = "total";

    public static IReadOnlyList<string> CsvPaths(string path) => [Beside(path, ExceptionsSheet), Beside(path, RejectionsSheet), path];

    public static ReconciliationWritten Write(
        IEnumerable<ReconciliationLine> lines,
        IEnumerable<ReconciliationRejection> rejections,
        IEnumerable<ReconciliationExceptionRow> exceptions,
        ReportFormat format,
        string path)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(rejections);
        ArgumentNullException.ThrowIfNull(exceptions);
        var totals = new Totals();
        var kinds = ReconciliationExceptionKinds.All.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        var rejected = 0;
        var lineRows = LineRows(lines, totals);
        var rejectionRows = rejections.Select(r =>
        {
            rejected++;
            return RejectionRow.From(r);
        });
        var exceptionRows = exceptions.Select(e =>
        {
            kinds[e.Kind] = kinds.GetValueOrDefault(e.Kind) + 1;
            return ExceptionRow.From(e);
        });

        IReadOnlyList<string> files;
        if (format == ReportFormat.Xlsx)
        {
            WriteXlsx(path, [(LinesSheet, lineRows), (RejectionsSheet, rejectionRows), (ExceptionsSheet, exceptionRows)]);
            files = [path];
        }
        else
        {
            files = CsvPaths(path);
            WriteCsv(files[0], exceptionRows);
            WriteCsv(files[1], rejectionRows);
            WriteCsv(files[2], lineRows);
        }

        return new ReconciliationWritten(files, totals.Rows, totals.Line.DeclaredLines, totals.Line.RejectedLines, rejected, totals.Line.PaidCents, kinds);
    }

    /// <summary>The lines as rows, summed as they pass, and the <see cref="TotalRow"/> after the last.</summary>
    private static IEnumerable<LineRow> LineRows(IEnumerable<ReconciliationLine> lines, Totals totals)
    {
        foreach (var line in lines)
        {
            totals.Add(line);
            yield return LineRow.From("line", line);
        }

        yield return LineRow.Total(totals.Line);
    }

    /// <summary>The sums of every line so far: counts and amounts (volumes of different units are not summed).</summary>
    private sealed class Totals
    {
        public int Rows { get; private set; }

        public ReconciliationLine Line { get; private set; } = new() { Municipality = string.Empty, Provider = string.Empty, DeliveryMonth = default, ToewijzingNummer = 0 };

        public void Add(ReconciliationLine l)
        {
            Rows++;
            Line = Line with
            {
                DeclaredLines = Line.DeclaredLines + l.DeclaredLines,
                DeclaredCents = Line.DeclaredCents + l.DeclaredCents,
                DeclaredCreditLines = Line.DeclaredCreditLines + l.DeclaredCreditLines,
                DeclaredCreditCents = Line.DeclaredCreditCents + l.DeclaredCreditCents,
                ApprovedLines = Line.ApprovedLines + l.ApprovedLines,
                ApprovedCents = Line.ApprovedCents + l.ApprovedCents,
                RejectedLines = Line.RejectedLines + l.RejectedLines,
                RejectedCents = Line.RejectedCents + l.RejectedCents,
                CreditedLines = Line.CreditedLines + l.CreditedLines,
                CreditedCents = Line.CreditedCents + l.CreditedCents,
                PaidCents = Line.PaidCents + l.PaidCents,
            };
        }
    }

    /// <summary>One allocation in one delivery month, or (<see cref="TotalRow"/>) the sums of all; the attributes name its CSV and XLSX columns alike.</summary>
    internal sealed class LineRow
    {
        [ExcelColumnName("row")]
        public string Row { get; init; } = string.Empty;

        [ExcelColumnName("delivery_month"), ExcelFormat(ExcelMonthFormat)]
        public DateTime? DeliveryMonth { get; init; }

        [ExcelColumnName("municipality")]
        public string Municipality { get; init; } = string.Empty;

        [ExcelColumnName("municipality_name")]
        public string MunicipalityName { get; init; } = string.Empty;

        [ExcelColumnName("provider")]
        public string Provider { get; init; } = string.Empty;

        [ExcelColumnName("provider_name")]
        public string ProviderName { get; init; } = string.Empty;

        [ExcelColumnName("indication_number")]
        public string IndicationNumber { get; init; } = string.Empty;

        [ExcelColumnName("indication_version")]
        public int? IndicationVersion { get; init; }

        [ExcelColumnName("indication_status")]
        public string IndicationStatus { get; init; } = string.Empty;

        [ExcelColumnName("indication_begindatum"), ExcelFormat(ExcelDayFormat)]
        public DateTime? IndicationBegindatum { get; init; }

        [ExcelColumnName("indication_einddatum"), ExcelFormat(ExcelDayFormat)]
        public DateTime? IndicationEinddatum { get; init; }

        [ExcelColumnName("indicated_product")]
        public string IndicatedProduct { get; init; } = string.Empty;

        [ExcelColumnName("indicated_volume")]
        public decimal? IndicatedVolume { get; init; }

        [ExcelColumnName("allocation_number")]
        public int? AllocationNumber { get; init; }

        [ExcelColumnName("allocation_message_id")]
        public long? AllocationMessageId { get; init; }

        [ExcelColumnName("allocation_bericht_identificatie")]
        public string AllocationIdentificatie { get; init; } = string.Empty;

        [ExcelColumnName("backing")]
        public string Backing { get; init; } = string.Empty;

        [ExcelColumnName("allocation_ingangsdatum"), ExcelFormat(ExcelDayFormat)]
        public DateTime? AllocationIngangsdatum { get; init; }

        [ExcelColumnName("allocation_einddatum"), ExcelFormat(ExcelDayFormat)]
        public DateTime? AllocationEinddatum { get; init; }

        [ExcelColumnName("product_categorie")]
        public string ProductCategorie { get; init; } = string.Empty;

        [ExcelColumnName("product_code")]
        public string ProductCode { get; init; } = string.Empty;

        [ExcelColumnName("allocation_volume")]
        public long? AllocationVolume { get; init; }

        [ExcelColumnName("eenheid")]
        public string Eenheid { get; init; } = string.Empty;

        [ExcelColumnName("frequentie")]
        public string Frequentie { get; init; } = string.Empty;

        [ExcelColumnName("allocated_volume")]
        public long? AllocatedVolume { get; init; }

        [ExcelColumnName("allocated_budget_cents")]
        public long? AllocatedBudgetCents { get; init; }

        [ExcelColumnName("declared_lines")]
        public int DeclaredLines { get; init; }

        [ExcelColumnName("declared_volume")]
        public decimal? DeclaredVolume { get; init; }

        [ExcelColumnName("declared_cents")]
        public long DeclaredCents { get; init; }

        [ExcelColumnName("declared_credit_lines")]
        public int DeclaredCreditLines { get; init; }

        [ExcelColumnName("declared_credit_cents")]
        public long DeclaredCreditCents { get; init; }

        [ExcelColumnName("approved_lines")]
        public int ApprovedLines { get; init; }

        [ExcelColumnName("approved_volume")]
        public decimal? ApprovedVolume { get; init; }

        [ExcelColumnName("approved_cents")]
        public long ApprovedCents { get; init; }

        [ExcelColumnName("rejected_lines")]
        public int RejectedLines { get; init; }

        [ExcelColumnName("rejected_cents")]
        public long RejectedCents { get; init; }

        [ExcelColumnName("credited_lines")]
        public int CreditedLines { get; init; }

        [ExcelColumnName("credited_volume")]
        public decimal? CreditedVolume { get; init; }

        [ExcelColumnName("credited_cents")]
        public long CreditedCents { get; init; }

        [ExcelColumnName("paid_cents")]
        public long PaidCents { get; init; }

        [ExcelColumnName("declarations")]
        public int Declarations { get; init; }

        [ExcelColumnName("last_declaration_message_id")]
        public long? LastDeclarationMessageId { get; init; }

        [ExcelColumnName("last_declaration_bericht_identificatie")]
        public string LastBerichtIdentificatie { get; init; } = string.Empty;

        [ExcelColumnName("last_declaratie_nummer")]
        public string LastDeclaratieNummer { get; init; } = string.Empty;

        [ExcelColumnName("net_volume")]
        public decimal? NetVolume { get; init; }

        [ExcelColumnName("benutting_pct")]
        public decimal? BenuttingPercent { get; init; }

        [ExcelColumnName("onderbenutting")]
        public decimal? Onderbenutting { get; init; }

        [ExcelColumnName("allocated_budget_eur"), ExcelFormat(ExcelEuroFormat)]
        public decimal? AllocatedBudgetEuros { get; init; }

        [ExcelColumnName("declared_eur"), ExcelFormat(ExcelEuroFormat)]
        public decimal DeclaredEuros { get; init; }

        [ExcelColumnName("declared_credit_eur"), ExcelFormat(ExcelEuroFormat)]
        public decimal DeclaredCreditEuros { get; init; }

        [ExcelColumnName("approved_eur"), ExcelFormat(ExcelEuroFormat)]
        public decimal ApprovedEuros { get; init; }

        [ExcelColumnName("rejected_eur"), ExcelFormat(ExcelEuroFormat)]
        public decimal RejectedEuros { get; init; }

        [ExcelColumnName("credited_eur"), ExcelFormat(ExcelEuroFormat)]
        public decimal CreditedEuros { get; init; }

        [ExcelColumnName("paid_eur"), ExcelFormat(ExcelEuroFormat)]
        public decimal PaidEuros { get; init; }

        public static LineRow From(string row, ReconciliationLine l) => new()
        {
            Row = row,
            DeliveryMonth = Date(l.DeliveryMonth),
            Municipality = l.Municipality,
            MunicipalityName = l.MunicipalityName ?? string.Empty,
            Provider = l.Provider,
            ProviderName = l.ProviderName ?? string.Empty,
            IndicationNumber = l.IndicationNumber ?? string.Empty,
            IndicationVersion = l.IndicationVersion,
            IndicationStatus = l.IndicationStatus ?? string.Empty,
            IndicationBegindatum = Date(l.IndicationBegindatum),
            IndicationEinddatum = Date(l.IndicationEinddatum),
            IndicatedProduct = l.IndicatedProduct ?? string.Empty,
            IndicatedVolume = l.IndicatedVolume,
            AllocationNumber = l.ToewijzingNummer,
            AllocationMessageId = l.AllocationMessageId,
            AllocationIdentificatie = l.AllocationIdentificatie ?? string.Empty,
            Backing = l.Backing ?? string.Empty,
            AllocationIngangsdatum = Date(l.AllocationIngangsdatum),
            AllocationEinddatum = Date(l.AllocationEinddatum),
            ProductCategorie = l.ProductCategorie ?? string.Empty,
            ProductCode = l.ProductCode ?? string.Empty,
            AllocationVolume = l.AllocationVolume,
            Eenheid = l.Eenheid ?? string.Empty,
            Frequentie = l.Frequentie ?? string.Empty,
            AllocatedVolume = l.AllocatedVolume,
            AllocatedBudgetCents = l.AllocatedBudgetCents,
            DeclaredLines = l.DeclaredLines,
            DeclaredVolume = l.DeclaredVolume,
            DeclaredCents = l.DeclaredCents,
            DeclaredCreditLines = l.DeclaredCreditLines,
            DeclaredCreditCents = l.DeclaredCreditCents,
            ApprovedLines = l.ApprovedLines,
            ApprovedVolume = l.ApprovedVolume,
            ApprovedCents = l.ApprovedCents,
            RejectedLines = l.RejectedLines,
            RejectedCents = l.RejectedCents,
            CreditedLines = l.CreditedLines,
            CreditedVolume = l.CreditedVolume,
            CreditedCents = l.CreditedCents,
            PaidCents = l.PaidCents,
            Declarations = l.Declarations,
            LastDeclarationMessageId = l.LastDeclarationMessageId,
            LastBerichtIdentificatie = l.LastBerichtIdentificatie ?? string.Empty,
            LastDeclaratieNummer = l.LastDeclaratieNummer ?? string.Empty,
            NetVolume = l.NetVolume,
            BenuttingPercent = l.BenuttingPercent,
            Onderbenutting = l.Onderbenutting,
            AllocatedBudgetEuros = l.AllocatedBudgetCents is { } budget ? Euros(budget) : null,
            DeclaredEuros = Euros(l.DeclaredCents),
            DeclaredCreditEuros = Euros(l.DeclaredCreditCents),
            ApprovedEuros = Euros(l.ApprovedCents),
            RejectedEuros = Euros(l.RejectedCents),
            CreditedEuros = Euros(l.CreditedCents),
            PaidEuros = Euros(l.PaidCents),
        };

        /// <summary>The sums: counts and amounts of every line; what is per allocation (numbers, dates, volumes) stays empty.</summary>
        public static LineRow Total(ReconciliationLine sums) => new()
        {
            Row = TotalRow,
            DeclaredLines = sums.DeclaredLines,
            DeclaredCents = sums.DeclaredCents,
            DeclaredCreditLines = sums.DeclaredCreditLines,
            DeclaredCreditCents = sums.DeclaredCreditCents,
            ApprovedLines = sums.ApprovedLines,
            ApprovedCents = sums.ApprovedCents,
            RejectedLines = sums.RejectedLines,
            RejectedCents = sums.RejectedCents,
            CreditedLines = sums.CreditedLines,
            CreditedCents = sums.CreditedCents,
            PaidCents = sums.PaidCents,
            DeclaredEuros = Euros(sums.DeclaredCents),
            DeclaredCreditEuros = Euros(sums.DeclaredCreditCents),
            ApprovedEuros = Euros(sums.ApprovedCents),
            RejectedEuros = Euros(sums.RejectedCents),
            CreditedEuros = Euros(sums.CreditedCents),
            PaidEuros = Euros(sums.PaidCents),
        };
    }

    /// <summary>One retourcode of one rejected prestatie.</summary>
    internal sealed class RejectionRow
    {
        [ExcelColumnName("delivery_month"), ExcelFormat(ExcelMonthFormat)]
        public DateTime DeliveryMonth { get; init; }

        [ExcelColumnName("municipality")]
        public string Municipality { get; init; } = string.Empty;

        [ExcelColumnName("provider")]
        public string Provider { get; init; } = string.Empty;

        [ExcelColumnName("indication_number")]
        public string IndicationNumber { get; init; } = string.Empty;

        [ExcelColumnName("allocation_number")]
        public int AllocationNumber { get; init; }

        [ExcelColumnName("retourcode")]
        public string Retourcode { get; init; } = string.Empty;

        [ExcelColumnName("message_id")]
        public long MessageId { get; init; }

        [ExcelColumnName("bericht_identificatie")]
        public string BerichtIdentificatie { get; init; } = string.Empty;

        [ExcelColumnName("declaratie_nummer")]
        public string DeclaratieNummer { get; init; } = string.Empty;

        [ExcelColumnName("referentie_nummer")]
        public string ReferentieNummer { get; init; } = string.Empty;

        [ExcelColumnName("debet_credit")]
        public string DebetCredit { get; init; } = string.Empty;

        [ExcelColumnName("product_categorie")]
        public string ProductCategorie { get; init; } = string.Empty;

        [ExcelColumnName("product_code")]
        public string ProductCode { get; init; } = string.Empty;

        [ExcelColumnName("geleverd_volume")]
        public long GeleverdVolume { get; init; }

        [ExcelColumnName("eenheid")]
        public string Eenheid { get; init; } = string.Empty;

        [ExcelColumnName("bedrag_cents")]
        public long BedragCents { get; init; }

        [ExcelColumnName("bedrag_eur"), ExcelFormat(ExcelEuroFormat)]
        public decimal BedragEuros { get; init; }

        public static RejectionRow From(ReconciliationRejection r) => new()
        {
            DeliveryMonth = Date(r.DeliveryMonth),
            Municipality = r.Municipality,
            Provider = r.Provider,
            IndicationNumber = r.IndicationNumber ?? string.Empty,
            AllocationNumber = r.ToewijzingNummer,
            Retourcode = r.Retourcode,
            MessageId = r.MessageId,
            BerichtIdentificatie = r.BerichtIdentificatie ?? string.Empty,
            DeclaratieNummer = r.DeclaratieNummer,
            ReferentieNummer = r.ReferentieNummer,
            DebetCredit = r.DebetCredit,
            ProductCategorie = r.ProductCategorie,
            ProductCode = r.ProductCode,
            GeleverdVolume = r.GeleverdVolume,
            Eenheid = r.Eenheid,
            BedragCents = r.BedragCents,
            BedragEuros = Euros(r.BedragCents),
        };
    }

    /// <summary>One exception, naming the message behind it.</summary>
    internal sealed class ExceptionRow
    {
        [ExcelColumnName("kind")]
        public string Kind { get; init; } = string.Empty;

        [ExcelColumnName("municipality")]
        public string Municipality { get; init; } = string.Empty;

        [ExcelColumnName("provider")]
        public string Provider { get; init; } = string.Empty;

        [ExcelColumnName("indication_number")]
        public string IndicationNumber { get; init; } = string.Empty;

        [ExcelColumnName("allocation_number")]
        public int? AllocationNumber { get; init; }

        [ExcelColumnName("delivery_month"), ExcelFormat(ExcelMonthFormat)]
        public DateTime? DeliveryMonth { get; init; }

        [ExcelColumnName("message_id")]
        public long MessageId { get; init; }

        [ExcelColumnName("message_type")]
        public string MessageType { get; init; } = string.Empty;

        [ExcelColumnName("bericht_identificatie")]
        public string BerichtIdentificatie { get; init; } = string.Empty;

        [ExcelColumnName("declaratie_nummer")]
        public string DeclaratieNummer { get; init; } = string.Empty;

        [ExcelColumnName("referentie_nummer")]
        public string ReferentieNummer { get; init; } = string.Empty;

        [ExcelColumnName("amount_cents")]
        public long? AmountCents { get; init; }

        [ExcelColumnName("amount_eur"), ExcelFormat(ExcelEuroFormat)]
        public decimal? AmountEuros { get; init; }

        [ExcelColumnName("due_on"), ExcelFormat(ExcelDayFormat)]
        public DateTime? DueOn { get; init; }

        [ExcelColumnName("answered_on"), ExcelFormat(ExcelDayFormat)]
        public DateTime? AnsweredOn { get; init; }

        [ExcelColumnName("detail")]
        public string Detail { get; init; } = string.Empty;

        public static ExceptionRow From(ReconciliationExceptionRow e) => new()
        {
            Kind = e.Kind,
            Municipality = e.Municipality,
            Provider = e.Provider,
            IndicationNumber = e.IndicationNumber ?? string.Empty,
            AllocationNumber = e.ToewijzingNummer,
            DeliveryMonth = Date(e.DeliveryMonth),
            MessageId = e.MessageId,
            MessageType = e.MessageType ?? string.Empty,
            BerichtIdentificatie = e.BerichtIdentificatie ?? string.Empty,
            DeclaratieNummer = e.DeclaratieNummer ?? string.Empty,
            ReferentieNummer = e.ReferentieNummer ?? string.Empty,
            AmountCents = e.AmountCents,
            AmountEuros = e.AmountCents is { } cents ? Euros(cents) : null,
            DueOn = Date(e.DueOn),
            AnsweredOn = Date(e.AnsweredOn),
            Detail = e.Detail,
        };
    }
}
