using Backoffice.Data.Payments;
using MiniExcelLibs.Attributes;

namespace Backoffice.Service.Reports;

/// <summary>
/// Writes the payment report of a batch (README, "Payment report"): the lines and the provider
/// totals with their reconciliation. CSV is two files, the lines in FILE and the provider totals in
/// FILE's name with <c>.providers</c> before the extension (a CSV file holds one table); XLSX is one
/// workbook with a sheet of each, in typed cells (amounts numbers, months dates). Every file is
/// written under a hidden temporary name, flushed and renamed into place, so a reader never sees a
/// partial report; the providers file first, so a lines file in place means both are complete.
/// Nothing in it identifies a client: the batch carries no BSN.
/// </summary>
internal static class PaymentReportFiles
{
    public const string LinesSheet = "lines";
    public const string ProvidersSheet = "providers";

    /// <summary>The value of the <c>row</c> column of the providers table's last row, the batch's totals.</summary>
    public const string TotalRow = "total";

    private const string ExcelEuroFormat = ReportFiles.ExcelEuroFormat;
    private const string ExcelMonthFormat = ReportFiles.ExcelMonthFormat;

    /// <summary>Where the CSV provider totals go beside <paramref name="path"/>: <c>payments.csv</c> gives <c>payments.providers.csv</c>.</summary>
    public static string ProvidersCsvPath(string path) => ReportFiles.Beside(path, "providers");

    /// <summary>Writes the report and returns the files written, in the order they were put in place.</summary>
    public static IReadOnlyList<string> Write(PaymentBatch batch, ReportFormat format, string path)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var lines = Lines(batch);
        var providers = Providers(batch);
        if (format == ReportFormat.Xlsx)
        {
            ReportFiles.WriteXlsx(path, [(LinesSheet, lines), (ProvidersSheet, providers)]);
            return [path];
        }

        var providersPath = ProvidersCsvPath(path);
        ReportFiles.WriteCsv(providersPath, providers);
        ReportFiles.WriteCsv(path, lines);
        return [providersPath, path];
    }

    internal static List<LineRow> Lines(PaymentBatch batch) =>
        [.. batch.Lines.Select(l => new LineRow
        {
            BatchMonth = Month(batch.Month),
            Municipality = l.Municipality,
            MunicipalityName = l.MunicipalityName ?? string.Empty,
            Provider = l.Provider,
            ProviderName = l.ProviderName ?? string.Empty,
            ProductCategorie = l.ProductCategorie,
            ProductCode = l.ProductCode,
            DeliveryMonth = Month(l.DeliveryMonth),
            Prestaties = l.Prestaties,
            DebitCents = l.DebitCents,
            CreditCents = l.CreditCents,
            NetCents = l.NetCents,
            DebitEuros = Euros(l.DebitCents),
            CreditEuros = Euros(l.CreditCents),
            NetEuros = Euros(l.NetCents),
        })];

    internal static List<ProviderRow> Providers(PaymentBatch batch)
    {
        var rows = batch.Providers.Select(p => Provider("provider", batch, p.Municipality, p.MunicipalityName, p.Provider, p.ProviderName, p.Declarations, p.Prestaties, p.ToegekendCents, p.LedgerNetCents, p.Reconciles)).ToList();

        // The batch's totals close the table, also for an empty month (zeros, reconciling); the
        // declarations' own check is in it too, so a total says "no" whenever any part disagrees.
        rows.Add(Provider(TotalRow, batch, batch.Municipality ?? string.Empty, null, string.Empty, null, batch.DeclarationCount, batch.Prestaties, batch.ToegekendCents, batch.LedgerNetCents, batch.Reconciles));
        return rows;
    }

    private static decimal Euros(long cents) => ReportFiles.Euros(cents);

    private static ProviderRow Provider(string row, PaymentBatch batch, string municipality, string? municipalityName, string provider, string? providerName, int declarations, int prestaties, long toegekend, long ledger, bool reconciles) => new()
    {
        Row = row,
        BatchMonth = Month(batch.Month),
        Municipality = municipality,
        MunicipalityName = municipalityName ?? string.Empty,
        Provider = provider,
        ProviderName = providerName ?? string.Empty,
        Declarations = declarations,
        Prestaties = prestaties,
        ToegekendCents = toegekend,
        LedgerNetCents = ledger,
        DifferenceCents = toegekend - ledger,
        ToegekendEuros = Euros(toegekend),
        LedgerNetEuros = Euros(ledger),
        DifferenceEuros = Euros(toegekend - ledger),
        Reconciles = reconciles ? "yes" : "no",
    };

    private static DateTime Month(DateOnly month) => ReportFiles.Date(month);

    /// <summary>One line of the report; the attributes name its CSV and XLSX columns alike.</summary>
    internal sealed class LineRow
    {
        [ExcelColumnName("batch_month"), ExcelFormat(ExcelMonthFormat)]
        public DateTime BatchMonth { get; init; }

        [ExcelColumnName("municipality")]
        public string Municipality { get; init; } = string.Empty;

        [ExcelColumnName("municipality_name")]
        public string MunicipalityName { get; init; } = string.Empty;

        [ExcelColumnName("provider")]
        public string Provider { get; init; } = string.Empty;

        [ExcelColumnName("provider_name")]
        public string ProviderName { get; init; } = string.Empty;

        [ExcelColumnName("product_categorie")]
        public string ProductCategorie { get; init; } = string.Empty;

        [ExcelColumnName("product_code")]
        public string ProductCode { get; init; } = string.Empty;

        [ExcelColumnName("delivery_month"), ExcelFormat(ExcelMonthFormat)]
        public DateTime DeliveryMonth { get; init; }

        [ExcelColumnName("prestaties")]
        public int Prestaties { get; init; }

        [ExcelColumnName("debit_cents")]
        public long DebitCents { get; init; }

        [ExcelColumnName("credit_cents")]
        public long CreditCents { get; init; }

        [ExcelColumnName("net_cents")]
        public long NetCents { get; init; }

        [ExcelColumnName("debit_eur"), ExcelFormat(ExcelEuroFormat)]
        public decimal DebitEuros { get; init; }

        [ExcelColumnName("credit_eur"), ExcelFormat(ExcelEuroFormat)]
        public decimal CreditEuros { get; init; }

        [ExcelColumnName("net_eur"), ExcelFormat(ExcelEuroFormat)]
        public decimal NetEuros { get; init; }
    }

    /// <summary>One provider at one municipality, or (<see cref="TotalRow"/>) the whole batch.</summary>
    internal sealed class ProviderRow
    {
        [ExcelColumnName("row")]
        public string Row { get; init; } = string.Empty;

        [ExcelColumnName("batch_month"), ExcelFormat(ExcelMonthFormat)]
        public DateTime BatchMonth { get; init; }

        [ExcelColumnName("municipality")]
        public string Municipality { get; init; } = string.Empty;

        [ExcelColumnName("municipality_name")]
        public string MunicipalityName { get; init; } = string.Empty;

        [ExcelColumnName("provider")]
        public string Provider { get; init; } = string.Empty;

        [ExcelColumnName("provider_name")]
        public string ProviderName { get; init; } = string.Empty;

        [ExcelColumnName("declarations")]
        public int Declarations { get; init; }

        [ExcelColumnName("prestaties")]
        public int Prestaties { get; init; }

        [ExcelColumnName("toegekend_cents")]
        public long ToegekendCents { get; init; }

        [ExcelColumnName("ledger_net_cents")]
        public long LedgerNetCents { get; init; }

        [ExcelColumnName("difference_cents")]
        public long DifferenceCents { get; init; }

        [ExcelColumnName("toegekend_eur"), ExcelFormat(ExcelEuroFormat)]
        public decimal ToegekendEuros { get; init; }

        [ExcelColumnName("ledger_net_eur"), ExcelFormat(ExcelEuroFormat)]
        public decimal LedgerNetEuros { get; init; }

        [ExcelColumnName("difference_eur"), ExcelFormat(ExcelEuroFormat)]
        public decimal DifferenceEuros { get; init; }

        [ExcelColumnName("reconciles")]
        public string Reconciles { get; init; } = string.Empty;
    }
}
