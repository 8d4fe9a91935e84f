using Dapper;

namespace Backoffice.Data.Payments;

/// <summary>
/// What the payment batch of one month pays for one municipality, provider, product and month of
/// delivery: the approved prestaties of the ledger, debits and credits apart.
/// </summary>
/// <param name="DeliveryMonth">The first day of the ProductPeriode's month.</param>
/// <param name="CreditCents">The credits as a positive number; <see cref="NetCents"/> is debit minus credit.</param>
public sealed record PaymentLine(
    string Municipality,
    string? MunicipalityName,
    string Provider,
    string? ProviderName,
    string ProductCategorie,
    string ProductCode,
    DateOnly DeliveryMonth,
    long DebitCents,
    long CreditCents,
    long NetCents,
    int Prestaties);

/// <summary>
/// One provider at one municipality in the batch, from two sources that must agree: the 325s sent
/// (their number and the sum of their TotaalToegekendBedrag) and the ledger (the net of its lines).
/// </summary>
public sealed record PaymentProviderTotal(
    string Municipality,
    string? MunicipalityName,
    string Provider,
    string? ProviderName,
    int Declarations,
    long ToegekendCents,
    long LedgerNetCents,
    int Prestaties)
{
    public bool Reconciles => ToegekendCents == LedgerNetCents;

    /// <summary>What the 325s granted minus what the ledger pays.</summary>
    public long DifferenceCents => ToegekendCents - LedgerNetCents;
}

/// <summary>
/// One declaration (323 with its 325) of the batch: what its 325 granted and what the ledger holds
/// for it in any batch, so a provider that does not reconcile can be traced to its declarations.
/// </summary>
/// <param name="Identificatie">The 323's BerichtIdentificatie.</param>
/// <param name="PeriodeBegin">The first day of its DeclaratiePeriode (its batch month).</param>
public sealed record PaymentDeclaration(
    long MessageId,
    string Municipality,
    string Provider,
    string DeclaratieNummer,
    long ToegekendCents,
    long LedgerCents,
    string? Identificatie = null,
    DateOnly? PeriodeBegin = null)
{
    public bool Reconciles => ToegekendCents == LedgerCents;
}

/// <summary>The payment batch of a month (optionally of one municipality), ordered by municipality, provider, product, delivery month.</summary>
public sealed record PaymentBatch(
    DateOnly Month,
    string? Municipality,
    IReadOnlyList<PaymentLine> Lines,
    IReadOnlyList<PaymentProviderTotal> Providers,
    IReadOnlyList<PaymentDeclaration> Declarations)
{
    public bool Reconciles => Providers.All(p => p.Reconciles) && Declarations.All(d => d.Reconciles);

    public bool IsEmpty => Lines.Count == 0 && Providers.Count == 0;

    public long DebitCents => Lines.Sum(l => l.DebitCents);

    public long CreditCents => Lines.Sum(l => l.CreditCents);

    public long LedgerNetCents => Lines.Sum(l => l.NetCents);

    public long ToegekendCents => Providers.Sum(p => p.ToegekendCents);

    public int DeclarationCount => Providers.Sum(p => p.Declarations);

    public int Prestaties => Lines.Sum(l => l.Prestaties);
}

/// <summary>
/// Reads the payment batch of a month: everything approved in the declarations whose
/// DeclaratiePeriode is that month (payment_ledger.batch_month), late lines of earlier months
/// included (IV090: a prestatie is declared in a later period than it was delivered), per
/// municipality, provider, product and delivery month; and the reconciliation per provider of the
/// ledger against the 325s sent (declaration.toegekend_cents of the declarations with that period).
/// </summary>
/// <remarks>
/// The two sides are read by separate queries from separate tables and compared here, so a ledger
/// row in the wrong batch, a missing one or a 325 whose total was built differently shows as a
/// difference instead of agreeing with itself. Ordering is done here (ordinal), not by the
/// database, so SQLite and SQL Server (whose collation would order mixed-case product codes
/// differently) give the same report; the statements are the same on both.
/// </remarks>
public sealed class PaymentReportStore
{
    // Names from the current reference version; a party without one keeps a null name.
    private const string SelectLines = """
        SELECT l.municipality, mv.name AS municipality_name, l.provider, pv.name AS provider_name,
               l.product_categorie, l.product_code, l.delivery_month,
               SUM(CASE WHEN l.amount_cents > 0 THEN l.amount_cents ELSE 0 END) AS debit_cents,
               SUM(CASE WHEN l.amount_cents < 0 THEN -l.amount_cents ELSE 0 END) AS credit_cents,
               SUM(l.amount_cents) AS net_cents,
               COUNT(*) AS prestaties
        FROM payment_ledger l
        LEFT JOIN municipality_version mv ON mv.cbs_code = l.municipality AND mv.is_current = 1
        LEFT JOIN provider_version pv ON pv.agb_code = l.provider AND pv.is_current = 1
        WHERE l.batch_month = @batch_month
          AND (@municipality IS NULL OR l.municipality = @municipality)
        GROUP BY l.municipality, mv.name, l.provider, pv.name, l.product_categorie, l.product_code, l.delivery_month;
        """;

    // The declarations of the batches from @first_period to @last_period (one month for the payment
    // report, a range for the reconciliation report), each with the sum of its own ledger rows.
    private const string SelectDeclarations = """
        SELECT d.message_id, d.municipality, mv.name AS municipality_name, d.provider, pv.name AS provider_name,
               d.declaratie_nummer, d.toegekend_cents, m.identificatie, d.periode_begin,
               (SELECT COALESCE(SUM(l.amount_cents), 0) FROM payment_ledger l WHERE l.message_id = d.message_id) AS ledger_cents
        FROM declaration d
        JOIN message m ON m.id = d.message_id
        LEFT JOIN municipality_version mv ON mv.cbs_code = d.municipality AND mv.is_current = 1
        LEFT JOIN provider_version pv ON pv.agb_code = d.provider AND pv.is_current = 1
        WHERE d.periode_begin >= @first_period AND d.periode_begin <= @last_period
          AND (@municipality IS NULL OR d.municipality = @municipality);
        """;

    private readonly IDbConnectionFactory connections;

    public PaymentReportStore(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        this.connections = connections;
    }

    /// <summary>
    /// The batch of the month holding <paramref name="month"/>, of every municipality or only of
    /// <paramref name="municipality"/> (a CBS code). An empty month is an empty batch, not an error.
    /// </summary>
    public async Task<PaymentBatch> GetBatchAsync(DateOnly month, string? municipality, CancellationToken cancellationToken)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        var filter = new DbString { Value = municipality, IsAnsi = true, IsFixedLength = true, Length = 4 };
        await using var connection = await connections.OpenAsync(cancellationToken);

        var lineRows = await connection.QueryAsync<LineRow>(new CommandDefinition(
            SelectLines,
            new { batch_month = new DbString { Value = StoredDates.Month(first), IsAnsi = true, IsFixedLength = true, Length = 7 }, municipality = filter },
            cancellationToken: cancellationToken));
        var declarationRows = await QueryDeclarationsAsync(connection, first, first, filter, cancellationToken);

        var lines = lineRows
            .Select(r => new PaymentLine(
                r.municipality.Trim(),
                r.municipality_name,
                r.provider.Trim(),
                r.provider_name,
                r.product_categorie.Trim(),
                r.product_code.Trim(),
                StoredDates.ParseMonth(r.delivery_month),
                r.debit_cents,
                r.credit_cents,
                r.net_cents,
                checked((int)r.prestaties)))
            .OrderBy(l => l.Municipality, StringComparer.Ordinal)
            .ThenBy(l => l.Provider, StringComparer.Ordinal)
            .ThenBy(l => l.ProductCategorie, StringComparer.Ordinal)
            .ThenBy(l => l.ProductCode, StringComparer.Ordinal)
            .ThenBy(l => l.DeliveryMonth)
            .ToList();
        var declarations = declarationRows.ToList();

        return new PaymentBatch(
            first,
            municipality,
            lines,
            Reconcile(lines, declarations),
            [.. declarations
                .Select(d => d.ToRecord())
                .OrderBy(d => d.Municipality, StringComparer.Ordinal)
                .ThenBy(d => d.Provider, StringComparer.Ordinal)
                .ThenBy(d => d.MessageId)]);
    }

    /// <summary>
    /// The declarations of the batches <paramref name="firstMonth"/> to <paramref name="lastMonth"/>
    /// (their DeclaratiePeriode), each with what its 325 granted and what its own ledger rows pay,
    /// ordered by batch, municipality, provider and message: the check the payment report makes per
    /// declaration, over several batches (the reconciliation report's "payment totals that do not
    /// equal the 325 totals").
    /// </summary>
    public async Task<IReadOnlyList<PaymentDeclaration>> GetDeclarationsAsync(DateOnly firstMonth, DateOnly lastMonth, string? municipality, CancellationToken cancellationToken)
    {
        var filter = new DbString { Value = municipality, IsAnsi = true, IsFixedLength = true, Length = 4 };
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await QueryDeclarationsAsync(connection, new DateOnly(firstMonth.Year, firstMonth.Month, 1), new DateOnly(lastMonth.Year, lastMonth.Month, 1), filter, cancellationToken);
        return [.. rows
            .Select(d => d.ToRecord())
            .OrderBy(d => d.PeriodeBegin)
            .ThenBy(d => d.Municipality, StringComparer.Ordinal)
            .ThenBy(d => d.Provider, StringComparer.Ordinal)
            .ThenBy(d => d.MessageId)];
    }

    private static async Task<List<DeclarationRow>> QueryDeclarationsAsync(System.Data.Common.DbConnection connection, DateOnly first, DateOnly last, DbString municipality, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<DeclarationRow>(new CommandDefinition(
            SelectDeclarations,
            new
            {
                first_period = new DbString { Value = StoredDates.Day(first), IsAnsi = true, IsFixedLength = true, Length = 10 },
                last_period = new DbString { Value = StoredDates.Day(last), IsAnsi = true, IsFixedLength = true, Length = 10 },
                municipality,
            },
            cancellationToken: cancellationToken))];

    /// <summary>
    /// Every municipality and provider on either side: the 325s' sums from the declarations, the
    /// ledger net from the lines. A side that is missing counts as zero (a provider with ledger
    /// lines and no 325 in the batch, or with 325s that granted nothing).
    /// </summary>
    private static List<PaymentProviderTotal> Reconcile(List<PaymentLine> lines, List<DeclarationRow> declarations)
    {
        var granted = declarations
            .GroupBy(d => (Municipality: d.municipality.Trim(), Provider: d.provider.Trim()))
            .ToDictionary(g => g.Key, g => (Count: g.Count(), Cents: g.Sum(d => d.toegekend_cents), g.First().municipality_name, g.First().provider_name));
        var paid = lines
            .GroupBy(l => (l.Municipality, l.Provider))
            .ToDictionary(g => g.Key, g => (Cents: g.Sum(l => l.NetCents), Prestaties: g.Sum(l => l.Prestaties), g.First().MunicipalityName, g.First().ProviderName));

        return [.. granted.Keys.Union(paid.Keys)
            .Select(key =>
            {
                var hasGranted = granted.TryGetValue(key, out var g);
                var hasPaid = paid.TryGetValue(key, out var p);
                return new PaymentProviderTotal(
                    key.Municipality,
                    hasGranted ? g.municipality_name : p.MunicipalityName,
                    key.Provider,
                    hasGranted ? g.provider_name : p.ProviderName,
                    hasGranted ? g.Count : 0,
                    hasGranted ? g.Cents : 0,
                    hasPaid ? p.Cents : 0,
                    hasPaid ? p.Prestaties : 0);
            })
            .OrderBy(t => t.Municipality, StringComparer.Ordinal)
            .ThenBy(t => t.Provider, StringComparer.Ordinal)];
    }


#pragma warning disable IDE1006, CA1812, S3459 // Dapper fills these by column name; names follow the columns.
    private sealed class LineRow
    {
        public string municipality { get; set; } = string.Empty;

        public string? municipality_name { get; set; }

        public string provider { get; set; } = string.Empty;

        public string? provider_name { get; set; }

        public string product_categorie { get; set; } = string.Empty;

        public string product_code { get; set; } = string.Empty;

        public string delivery_month { get; set; } = string.Empty;

        public long debit_cents { get; set; }

        public long credit_cents { get; set; }

        public long net_cents { get; set; }

        public long prestaties { get; set; }
    }

    private sealed class DeclarationRow
    {
        public long message_id { get; set; }

        public string municipality { get; set; } = string.Empty;

        public string? municipality_name { get; set; }

        public string provider { get; set; } = string.Empty;

        public string? provider_name { get; set; }

        public string declaratie_nummer { get; set; } = string.Empty;

        public long toegekend_cents { get; set; }

        public long ledger_cents { get; set; }

        public string? identificatie { get; set; }

        public string periode_begin { get; set; } = string.Empty;

        public PaymentDeclaration ToRecord() =>
            new(message_id, municipality.Trim(), provider.Trim(), declaratie_nummer, toegekend_cents, ledger_cents, identificatie, StoredDates.ParseDay(periode_begin.Trim()));
    }
#pragma warning restore IDE1006, CA1812, S3459
}
