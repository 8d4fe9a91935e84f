using System.Data.Common;
using System.Globalization;
using Backoffice.Core.Declarations;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Reference;
using Backoffice.Data.Declarations;
using Backoffice.Data.Payments;
using Backoffice.Data.Reference;
using Dapper;
using static Backoffice.Data.StoredDates;

namespace Backoffice.Data.Reconciliation;

/// <summary>
/// Reads the reconciliation report (README, "Reconciliation report"): the chain indication ->
/// allocation -> prestatie -> ledger per allocation and delivery month, the rejected lines per
/// retourcode, and the exceptions an auditor looks for. Everything is grouped in SQL and read
/// unbuffered: each method returns rows as the database produces them (the connection is opened
/// when enumeration starts and closed when it ends), so a year of a large region is never held in
/// memory; the caller streams them into the file.
/// </summary>
/// <remarks>
/// The allocation of a number is its current version (latest Toewijzingsdatum + Toewijzingstijd, then
/// the row recorded last, as <c>AllocationState</c> decides), of the same provider; its indication is
/// the one the register matched it to when it was recorded, shown in its current version. Every
/// statement is the same on SQLite and SQL Server except the day of a timestamp
/// (<see cref="SqlDialect.DayOf"/>) and the JSON list of months (<see cref="SqlDialect.JsonTexts"/>);
/// the rows are ordered by the database on columns of digits only (codes, numbers, ISO dates), which
/// every collation orders alike.
/// </remarks>
public sealed class ReconciliationStore
{
    private const string Filters = """
        (@municipality IS NULL OR p.municipality = @municipality)
          AND (@provider IS NULL OR p.provider = @provider)
        """;

    private const string CurrentAllocations = """
        ranked AS (
            SELECT a.id, a.message_id, a.municipality, a.provider, a.toewijzing_nummer, a.product_categorie, a.product_code,
                   a.ingangsdatum, a.einddatum, a.reden_wijziging, a.volume, a.eenheid, a.frequentie, a.budget, a.backing,
                   a.indication_number,
                   ROW_NUMBER() OVER (PARTITION BY a.municipality, a.toewijzing_nummer
                                      ORDER BY a.toewijzingsdatum DESC, a.toewijzingstijd DESC, a.id DESC) AS rn
            FROM allocation_version a
            WHERE (@municipality IS NULL OR a.municipality = @municipality)
        ),
        allocation AS (
            SELECT id, message_id, municipality, provider, toewijzing_nummer, product_categorie, product_code, ingangsdatum, einddatum,
                   reden_wijziging, volume, eenheid, frequentie, budget, backing, indication_number,
                   CASE WHEN einddatum = ingangsdatum AND reden_wijziging IN ('13', '01') THEN 1 ELSE 0 END AS deleted
            FROM ranked
            WHERE rn = 1 AND (@provider IS NULL OR provider = @provider)
        )
        """;

    private readonly IDbConnectionFactory connections;
    private readonly PaymentReportStore payments;
    private readonly SqlDialect dialect;

    public ReconciliationStore(IDbConnectionFactory connections, PaymentReportStore payments)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(payments);
        this.connections = connections;
        this.payments = payments;
        dialect = SqlDialect.For(connections);
    }

    /// <summary>
    /// One row per allocation (current version, of this provider) and month of the scope it runs
    /// in, and per ToewijzingNummer and month a provider declared prestaties for (ProductPeriode's
    /// month) without such an allocation; ordered by municipality, provider, number and month.
    /// </summary>
    public IEnumerable<ReconciliationLine> Lines(ReconciliationScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var sql = LinesSql(dialect);

        LineRow? pending = null;
        var rows = new List<LineRow>();
        foreach (var row in Query<LineRow>(sql, scope))
        {
            if (pending is not null && !pending.SameKey(row))
            {
                yield return Line(rows);
                rows.Clear();
            }

            rows.Add(row);
            pending = row;
        }

        if (rows.Count > 0)
        {
            yield return Line(rows);
        }
    }

    /// <summary>Every rejected prestatie of the scope (ProductPeriode's month), one row per retourcode it carries.</summary>
    public IEnumerable<ReconciliationRejection> Rejections(ReconciliationScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var sql = RejectionsSql(dialect);
        foreach (var r in Query<PrestatieRow>(sql, scope))
        {
            foreach (var code in r.retourcodes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return new ReconciliationRejection(
                    r.municipality.Trim(), r.provider.Trim(), r.indication_number, r.toewijzing_nummer, ParseMonth(r.periode_begin[..7]),
                    r.message_id, r.identificatie, r.declaratie_nummer, r.referentie_nummer, r.debet_credit.Trim(),
                    r.product_categorie.Trim(), r.product_code.Trim(), r.geleverd_volume, r.eenheid.Trim(), r.bedrag_cents, code);
            }
        }
    }

    /// <summary>
    /// The exceptions of kinds 1 to 5 (README, "Reconciliation report"), kind by kind in the order of
    /// <see cref="ReconciliationExceptionKinds.All"/>; the payment totals come from
    /// <see cref="PaymentMismatchesAsync"/>, which reuses the payment report's check.
    /// </summary>
    public IEnumerable<ReconciliationExceptionRow> Exceptions(ReconciliationScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return PaidWithoutIndication(scope)
            .Concat(DeclaredOnEndedIndication(scope))
            .Concat(AllocationsNotBacked(scope))
            .Concat(CreditsWithoutDebit(scope))
            .Concat(Answers(scope));
    }

    /// <summary>
    /// Kind 6: the declarations of the scope's batches (DeclaratiePeriode in its months) whose 325
    /// granted another sum than their ledger rows pay, found by the payment report's own query
    /// (<see cref="PaymentReportStore.GetDeclarationsAsync"/>).
    /// </summary>
    public async Task<IReadOnlyList<ReconciliationExceptionRow>> PaymentMismatchesAsync(ReconciliationScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var declarations = await payments.GetDeclarationsAsync(scope.FirstMonth, scope.LastMonth, scope.Municipality, cancellationToken);
        return
        [
            .. declarations
                .Where(d => !d.Reconciles && (scope.Provider is null || d.Provider == scope.Provider))
                .Select(d => new ReconciliationExceptionRow
                {
                    Kind = ReconciliationExceptionKinds.PaymentTotalMismatch,
                    Municipality = d.Municipality,
                    Provider = d.Provider,
                    DeliveryMonth = d.PeriodeBegin,
                    MessageId = d.MessageId,
                    MessageType = "WMO323",
                    BerichtIdentificatie = d.Identificatie,
                    DeclaratieNummer = d.DeclaratieNummer,
                    AmountCents = d.ToegekendCents - d.LedgerCents,
                    Detail = string.Create(CultureInfo.InvariantCulture, $"The 325 granted {d.ToegekendCents} cents, the ledger rows of the declaration pay {d.LedgerCents} cents (difference {d.ToegekendCents - d.LedgerCents})."),
                }),
        ];
    }

    /// <summary>The ledger's rows and net sum over the scope's delivery months, read apart from <see cref="Lines"/>: the report's total must equal it.</summary>
    public async Task<LedgerTotal> LedgerTotalAsync(ReconciliationScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var sql = LedgerTotalSql;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var (rows, cents) = await connection.QuerySingleAsync<(long, long)>(new CommandDefinition(sql, Parameters(scope), cancellationToken: cancellationToken));
        return new LedgerTotal(rows, cents);
    }

    // Kind 1: every ledger row (approved debit or credit) whose prestatie rests on no indication that
    // is active and holds the ProductPeriode, neither in its current version nor in the version that
    // stood when the declaration was judged (the latest recorded before the verdict).
    private IEnumerable<ReconciliationExceptionRow> PaidWithoutIndication(ReconciliationScope scope)
    {
        var sql = PaidWithoutIndicationSql(dialect);
        foreach (var r in Query<PrestatieRow>(sql, scope))
        {
            var why = r.indication_number is null
                ? r.backing is null ? "no allocation of this provider backs the line" : $"its allocation is {r.backing}: no indication was matched to it"
                : r.status is null ? $"indication {r.indication_number} is not in the reference data"
                : $"indication {r.indication_number} ({r.status}) does not hold the ProductPeriode";
            yield return Prestatie(r, ReconciliationExceptionKinds.PaidWithoutIndication, r.amount_cents, $"Approved money without a valid indication on the delivery period: {why}.");
        }
    }

    // Kind 2: every prestatie (approved or not) on an allocation whose indication is now withdrawn or
    // superseded, saying whether that status was recorded before the declaration was judged.
    private IEnumerable<ReconciliationExceptionRow> DeclaredOnEndedIndication(ReconciliationScope scope)
    {
        var sql = DeclaredOnEndedIndicationSql(dialect);
        foreach (var r in Query<PrestatieRow>(sql, scope))
        {
            var signed = r.approved ? (r.debet_credit.Trim() == "C" ? -r.bedrag_cents : r.bedrag_cents) : (long?)null;
            yield return Prestatie(
                r,
                ReconciliationExceptionKinds.DeclaredOnEndedIndication,
                signed,
                string.Create(CultureInfo.InvariantCulture, $"Declared ({(r.approved ? "approved" : "rejected")}) against indication {r.indication_number}, {r.status} in version {r.indication_version}, recorded {(r.known_at_verdict == 1 ? "before" : "after")} the declaration was judged."));
        }
    }

    // Kind 3: current allocations running in the scope that the register found without an
    // indication or outside its period (allocation_version.backing, IndicationMatch), and those
    // whose arrangement indication (one unit of the catalogue product per its Frequentie) holds less
    // in some month than the allocation allocates (both by VolumeLimits.MaximumPerLine).
    private IEnumerable<ReconciliationExceptionRow> AllocationsNotBacked(ReconciliationScope scope)
    {
        var sql = AllocationsNotBackedSql(dialect);
        foreach (var r in Query<AllocationRow>(sql, scope))
        {
            var exception = new ReconciliationExceptionRow
            {
                Kind = ReconciliationExceptionKinds.AllocationWithoutIndication,
                Municipality = r.municipality.Trim(),
                Provider = r.provider.Trim(),
                IndicationNumber = r.indication_number,
                ToewijzingNummer = r.toewijzing_nummer,
                DeliveryMonth = Max(ParseMonth(r.ingangsdatum!.Trim()[..7]), scope.FirstMonth),
                MessageId = r.message_id,
                MessageType = "WMO301",
                BerichtIdentificatie = r.identificatie,
                Detail = string.Empty,
            };
            switch (r.backing.Trim())
            {
                case "unbacked":
                    yield return exception with { Detail = $"Allocation {r.toewijzing_nummer} ({r.ingangsdatum} to {r.einddatum ?? "open"}) has no indication of the client for its product." };
                    continue;
                case "outside-period":
                    yield return exception with
                    {
                        Kind = ReconciliationExceptionKinds.AllocationOutsideIndication,
                        Detail = $"Allocation {r.toewijzing_nummer} ({r.ingangsdatum} to {r.einddatum ?? "open"}) lies outside the period of indication {r.indication_number} ({r.indication_begindatum} to {r.indication_einddatum ?? "open"}).",
                    };
                    continue;
                default:
                    break;
            }

            var allocation = r.Allocation();
            var above = new List<(DateOnly Month, long Allocated, long Indicated)>();
            foreach (var month in scope.Months)
            {
                var period = new GeslotenPeriode(month, month.AddMonths(1).AddDays(-1));
                if (allocation.Omvang is not { } omvang || r.Indicated() is not { } indicated
                    || VolumeLimits.MaximumPerLine(allocation, Financing(r.financing), period, omvang.Eenheid) is not { } allocated
                    || VolumeLimits.MaximumPerLine(indicated, Financing(r.arrangement_financing), period, omvang.Eenheid) is not { } indicatedVolume)
                {
                    continue;
                }

                if (allocated > indicatedVolume)
                {
                    above.Add((month, allocated, indicatedVolume));
                }
            }

            if (above.Count > 0)
            {
                var (month, allocated, indicated) = above[0];
                yield return exception with
                {
                    Kind = ReconciliationExceptionKinds.AllocationAboveIndication,
                    DeliveryMonth = month,
                    Detail = string.Create(CultureInfo.InvariantCulture, $"Allocation {r.toewijzing_nummer} allocates {allocated} (Eenheid {r.eenheid}) in {Month(month)}, its arrangement indication {r.indication_number} {indicated}; {above.Count} month(s) of the scope above the indication."),
                };
            }
        }
    }

    // Kind 4: approved credits that undo no approved debit (credits_prestatie_id NULL, or naming a
    // line that is not an approved debit). TR323 refuses these, so they show only when the store was
    // changed outside the service.
    private IEnumerable<ReconciliationExceptionRow> CreditsWithoutDebit(ReconciliationScope scope)
    {
        var sql = CreditsWithoutDebitSql(dialect);
        foreach (var r in Query<PrestatieRow>(sql, scope))
        {
            var why = r.credits_prestatie_id is null
                ? $"it is linked to no debit (VorigReferentieNummer {r.vorig_referentie_nummer ?? "none"})"
                : string.Create(CultureInfo.InvariantCulture, $"the line it undoes (prestatie {r.credits_prestatie_id}) is {(r.debit_approved == true ? "no debit" : "not approved")}");
            yield return Prestatie(r, ReconciliationExceptionKinds.CreditWithoutDebit, -r.bedrag_cents, $"Approved credit without the debit it undoes: {why}.");
        }
    }

    // Kind 5: messages whose answer was due in the scope and went out late (its Dagtekening or the
    // UTC day it was written to the outbox after the due day), or is still not written past it.
    private IEnumerable<ReconciliationExceptionRow> Answers(ReconciliationScope scope)
    {
        var sql = AnswersSql(dialect);
        foreach (var r in Query<AnswerRow>(sql, scope))
        {
            var due = ParseDay(r.answer_due_on.Trim());
            var answered = r.written_on is { } w ? ParseDay(w.Trim()) : (DateOnly?)null;
            var dated = r.answer_dagtekening is { } t ? ParseDay(t.Trim()) : (DateOnly?)null;
            var unsent = answered is null;
            yield return new ReconciliationExceptionRow
            {
                Kind = unsent ? ReconciliationExceptionKinds.AnswerUnsent : ReconciliationExceptionKinds.AnswerLate,
                Municipality = r.receiver?.Trim() ?? string.Empty,
                Provider = r.sender?.Trim() ?? string.Empty,
                MessageId = r.message_id,
                MessageType = r.message_type,
                BerichtIdentificatie = r.identificatie,
                DueOn = due,
                AnsweredOn = answered,
                Detail = unsent
                    ? $"The answer was due on {Day(due)} and {(r.answer_type is null ? "has not been made" : $"({r.answer_type} {r.answer_identificatie}) has not been written to the outbox")} as of {Day(scope.AsOf)}."
                    : $"The answer ({r.answer_type} {r.answer_identificatie}, Dagtekening {(dated is { } d ? Day(d) : "?")}) was written on {Day(answered!.Value)}, after its due day {Day(due)}.",
            };
        }
    }

    /// <summary>The ledger's own total over the scope (<see cref="LedgerTotalAsync"/>).</summary>
    internal const string LedgerTotalSql = """
            SELECT COUNT(*) AS row_count, COALESCE(SUM(p.amount_cents), 0) AS cents
            FROM payment_ledger p
            WHERE p.delivery_month >= @first_month AND p.delivery_month <= @last_month
              AND (@municipality IS NULL OR p.municipality = @municipality)
              AND (@provider IS NULL OR p.provider = @provider);
            """;

    /// <summary>Every statement of the report in <paramref name="dialect"/>, named, so a test can parse the SQL Server ones (ScriptDom).</summary>
    internal static IEnumerable<(string Name, string Sql)> Statements(SqlDialect dialect) =>
    [
        ("Lines", LinesSql(dialect)),
        ("Rejections", RejectionsSql(dialect)),
        ("PaidWithoutIndication", PaidWithoutIndicationSql(dialect)),
        ("DeclaredOnEndedIndication", DeclaredOnEndedIndicationSql(dialect)),
        ("AllocationsNotBacked", AllocationsNotBackedSql(dialect)),
        ("CreditsWithoutDebit", CreditsWithoutDebitSql(dialect)),
        ("Answers", AnswersSql(dialect)),
        ("LedgerTotal", LedgerTotalSql),
    ];

    internal static string LinesSql(SqlDialect dialect) => $"""
        WITH months AS ({dialect.JsonTexts("@months")}),
        {CurrentAllocations},
        declared AS (
            SELECT p.municipality, p.provider, p.toewijzing_nummer, SUBSTRING(p.periode_begin, 1, 7) AS month, p.eenheid AS line_eenheid,
                   MIN(p.product_categorie) AS line_categorie, MIN(p.product_code) AS line_code,
                   SUM(CASE WHEN p.debet_credit = 'D' THEN 1 ELSE 0 END) AS declared_lines,
                   SUM(CASE WHEN p.debet_credit = 'D' THEN p.geleverd_volume ELSE 0 END) AS declared_volume,
                   SUM(CASE WHEN p.debet_credit = 'D' THEN p.bedrag_cents ELSE 0 END) AS declared_cents,
                   SUM(CASE WHEN p.debet_credit = 'C' THEN 1 ELSE 0 END) AS declared_credit_lines,
                   SUM(CASE WHEN p.debet_credit = 'C' THEN p.bedrag_cents ELSE 0 END) AS declared_credit_cents,
                   SUM(CASE WHEN p.approved = 1 AND p.debet_credit = 'D' THEN 1 ELSE 0 END) AS approved_lines,
                   SUM(CASE WHEN p.approved = 1 AND p.debet_credit = 'D' THEN p.geleverd_volume ELSE 0 END) AS approved_volume,
                   SUM(CASE WHEN p.approved = 1 AND p.debet_credit = 'D' THEN p.bedrag_cents ELSE 0 END) AS approved_cents,
                   SUM(CASE WHEN p.approved = 0 THEN 1 ELSE 0 END) AS rejected_lines,
                   SUM(CASE WHEN p.approved = 0 THEN p.bedrag_cents ELSE 0 END) AS rejected_cents,
                   SUM(CASE WHEN p.approved = 1 AND p.debet_credit = 'C' THEN 1 ELSE 0 END) AS credited_lines,
                   SUM(CASE WHEN p.approved = 1 AND p.debet_credit = 'C' THEN p.geleverd_volume ELSE 0 END) AS credited_volume,
                   SUM(CASE WHEN p.approved = 1 AND p.debet_credit = 'C' THEN p.bedrag_cents ELSE 0 END) AS credited_cents,
                   SUM(COALESCE(l.amount_cents, 0)) AS paid_cents,
                   COUNT(DISTINCT p.message_id) AS declarations, MAX(p.message_id) AS last_message_id
            FROM prestatie_verdict p
            LEFT JOIN payment_ledger l ON l.prestatie_id = p.id
            WHERE p.periode_begin >= @first_day AND p.periode_begin <= @last_day
              AND {Filters}
            GROUP BY p.municipality, p.provider, p.toewijzing_nummer, SUBSTRING(p.periode_begin, 1, 7), p.eenheid
        ),
        keyed AS (
            SELECT a.municipality, a.provider, a.toewijzing_nummer, m.n AS month
            FROM months m CROSS JOIN allocation a
            WHERE a.deleted = 0
              AND SUBSTRING(a.ingangsdatum, 1, 7) <= m.n
              AND (a.einddatum IS NULL OR SUBSTRING(a.einddatum, 1, 7) >= m.n)
            UNION
            SELECT municipality, provider, toewijzing_nummer, month FROM declared
        )
        SELECT k.municipality, mv.name AS municipality_name, k.provider, pv.name AS provider_name, k.toewijzing_nummer, k.month,
               a.message_id AS allocation_message_id, am.identificatie AS allocation_identificatie, a.backing,
               a.ingangsdatum, a.einddatum, a.reden_wijziging, a.deleted, a.product_categorie, a.product_code,
               a.volume, a.eenheid, a.frequentie, a.budget, cp.financing,
               a.indication_number, i.version AS indication_version, i.status AS indication_status,
               i.begindatum AS indication_begindatum, i.einddatum AS indication_einddatum,
               i.product_categorie AS indication_categorie, i.product_code AS indication_code, i.arrangement_code,
               ip.eenheid AS arrangement_eenheid, ip.frequentie AS arrangement_frequentie, ip.financing AS arrangement_financing,
               d.line_eenheid, d.line_categorie, d.line_code, d.declared_lines, d.declared_volume, d.declared_cents,
               d.declared_credit_lines, d.declared_credit_cents, d.approved_lines, d.approved_volume, d.approved_cents,
               d.rejected_lines, d.rejected_cents, d.credited_lines, d.credited_volume, d.credited_cents, d.paid_cents,
               d.declarations, d.last_message_id, dm.identificatie AS last_identificatie, dd.declaratie_nummer AS last_declaratie_nummer
        FROM keyed k
        LEFT JOIN municipality_version mv ON mv.cbs_code = k.municipality AND mv.is_current = 1
        LEFT JOIN provider_version pv ON pv.agb_code = k.provider AND pv.is_current = 1
        LEFT JOIN allocation a ON a.municipality = k.municipality AND a.toewijzing_nummer = k.toewijzing_nummer AND a.provider = k.provider
        LEFT JOIN message am ON am.id = a.message_id
        LEFT JOIN product_version cp ON cp.product_categorie = a.product_categorie AND cp.product_code = a.product_code AND cp.is_current = 1
        LEFT JOIN indication_version i ON i.indication_number = a.indication_number AND i.is_current = 1
        LEFT JOIN product_version ip ON ip.arrangement_code = i.arrangement_code AND ip.is_current = 1
        LEFT JOIN declared d ON d.municipality = k.municipality AND d.provider = k.provider
                            AND d.toewijzing_nummer = k.toewijzing_nummer AND d.month = k.month
        LEFT JOIN message dm ON dm.id = d.last_message_id
        LEFT JOIN declaration dd ON dd.message_id = d.last_message_id
        ORDER BY k.municipality, k.provider, k.toewijzing_nummer, k.month, d.line_eenheid;
        """;

    internal static string RejectionsSql(SqlDialect dialect) => $"""
        SELECT p.message_id, m.identificatie, d.declaratie_nummer, p.municipality, p.provider, p.toewijzing_nummer, p.indication_number,
               p.referentie_nummer, p.debet_credit, p.product_categorie, p.product_code, p.periode_begin,
               p.geleverd_volume, p.eenheid, p.bedrag_cents, p.retourcodes
        FROM prestatie_verdict p
        JOIN declaration d ON d.message_id = p.message_id
        JOIN message m ON m.id = p.message_id
        WHERE p.approved = 0
          AND p.periode_begin >= @first_day AND p.periode_begin <= @last_day
          AND {Filters}
        ORDER BY p.municipality, p.provider, p.toewijzing_nummer, p.periode_begin, p.id;
        """;

    internal static string PaidWithoutIndicationSql(SqlDialect dialect) => $"""
        SELECT p.message_id, m.identificatie, d.declaratie_nummer, p.municipality, p.provider, p.toewijzing_nummer, p.indication_number,
               p.referentie_nummer, p.periode_begin, l.amount_cents, av.backing,
               (SELECT i.status FROM indication_version i WHERE i.indication_number = p.indication_number AND i.is_current = 1) AS status
        FROM payment_ledger l
        JOIN prestatie_verdict p ON p.id = l.prestatie_id
        JOIN declaration d ON d.message_id = p.message_id
        JOIN message m ON m.id = p.message_id
        LEFT JOIN allocation_version av ON av.id = p.allocation_version_id
        WHERE l.delivery_month >= @first_month AND l.delivery_month <= @last_month
          AND {Filters}
          AND NOT EXISTS (
              SELECT 1 FROM indication_version i
              WHERE i.indication_number = p.indication_number
                AND i.municipality = p.municipality
                AND i.status = 'active'
                AND i.begindatum <= p.periode_begin
                AND (i.einddatum IS NULL OR i.einddatum >= p.periode_eind)
                AND (i.is_current = 1
                     OR i.version = (SELECT MAX(t.version) FROM indication_version t
                                     WHERE t.indication_number = p.indication_number AND t.recorded_at <= d.recorded_at)))
        ORDER BY p.municipality, p.provider, p.toewijzing_nummer, p.periode_begin, p.id;
        """;

    internal static string DeclaredOnEndedIndicationSql(SqlDialect dialect) => $"""
        SELECT p.message_id, m.identificatie, d.declaratie_nummer, p.municipality, p.provider, p.toewijzing_nummer, p.indication_number,
               p.referentie_nummer, p.periode_begin, p.approved, p.debet_credit, p.bedrag_cents,
               i.status, i.version AS indication_version,
               CASE WHEN i.recorded_at <= d.recorded_at THEN 1 ELSE 0 END AS known_at_verdict
        FROM prestatie_verdict p
        JOIN declaration d ON d.message_id = p.message_id
        JOIN message m ON m.id = p.message_id
        JOIN indication_version i ON i.indication_number = p.indication_number AND i.is_current = 1
        WHERE i.status <> 'active'
          AND p.periode_begin >= @first_day AND p.periode_begin <= @last_day
          AND {Filters}
        ORDER BY p.municipality, p.provider, p.toewijzing_nummer, p.periode_begin, p.id;
        """;

    internal static string AllocationsNotBackedSql(SqlDialect dialect) => $"""
        WITH {CurrentAllocations}
        SELECT a.message_id, m.identificatie, a.municipality, a.provider, a.toewijzing_nummer, a.indication_number, a.backing,
               a.product_categorie, a.product_code, a.ingangsdatum, a.einddatum, a.reden_wijziging, a.volume, a.eenheid, a.frequentie,
               a.budget, cp.financing, i.begindatum AS indication_begindatum, i.einddatum AS indication_einddatum,
               ip.eenheid AS arrangement_eenheid, ip.frequentie AS arrangement_frequentie, ip.financing AS arrangement_financing
        FROM allocation a
        JOIN message m ON m.id = a.message_id
        LEFT JOIN product_version cp ON cp.product_categorie = a.product_categorie AND cp.product_code = a.product_code AND cp.is_current = 1
        LEFT JOIN indication_version i ON i.indication_number = a.indication_number AND i.is_current = 1
        LEFT JOIN product_version ip ON ip.arrangement_code = i.arrangement_code AND ip.is_current = 1
        WHERE a.deleted = 0
          AND a.ingangsdatum <= @last_day AND (a.einddatum IS NULL OR a.einddatum >= @first_day)
          AND (a.backing <> 'backed' OR ip.id IS NOT NULL)
        ORDER BY a.municipality, a.provider, a.toewijzing_nummer;
        """;

    internal static string CreditsWithoutDebitSql(SqlDialect dialect) => $"""
        SELECT p.message_id, m.identificatie, d.declaratie_nummer, p.municipality, p.provider, p.toewijzing_nummer, p.indication_number,
               p.referentie_nummer, p.vorig_referentie_nummer, p.periode_begin, p.bedrag_cents, p.credits_prestatie_id,
               t.approved AS debit_approved, t.debet_credit AS debit_debet_credit
        FROM prestatie_verdict p
        JOIN declaration d ON d.message_id = p.message_id
        JOIN message m ON m.id = p.message_id
        LEFT JOIN prestatie_verdict t ON t.id = p.credits_prestatie_id
        WHERE p.approved = 1 AND p.debet_credit = 'C'
          AND (p.credits_prestatie_id IS NULL OR t.approved = 0 OR t.debet_credit <> 'D')
          AND p.periode_begin >= @first_day AND p.periode_begin <= @last_day
          AND {Filters}
        ORDER BY p.municipality, p.provider, p.toewijzing_nummer, p.periode_begin, p.id;
        """;

    internal static string AnswersSql(SqlDialect dialect)
    {
        var written = dialect.DayOf("a.written_at");
        return $"""
        SELECT m.id AS message_id, m.message_type, m.identificatie, m.sender, m.receiver, m.answer_due_on,
               a.answer_type, a.identificatie AS answer_identificatie, a.dagtekening AS answer_dagtekening,
               {written} AS written_on
        FROM message m
        LEFT JOIN message_answer a ON a.message_id = m.id
        WHERE m.answer_due_on IS NOT NULL
          AND m.answer_due_on >= @first_day AND m.answer_due_on <= @last_day
          AND (@municipality IS NULL OR m.receiver = @municipality)
          AND (@provider IS NULL OR m.sender = @provider)
          AND (((a.message_id IS NULL OR a.written_at IS NULL) AND m.answer_due_on < @as_of)
               OR a.dagtekening > m.answer_due_on
               OR {written} > m.answer_due_on)
        ORDER BY m.answer_due_on, m.id;
        """;
    }

    private static ReconciliationExceptionRow Prestatie(PrestatieRow r, string kind, long? cents, string detail) => new()
    {
        Kind = kind,
        Municipality = r.municipality.Trim(),
        Provider = r.provider.Trim(),
        IndicationNumber = r.indication_number,
        ToewijzingNummer = r.toewijzing_nummer,
        DeliveryMonth = ParseMonth(r.periode_begin[..7]),
        MessageId = r.message_id,
        MessageType = "WMO323",
        BerichtIdentificatie = r.identificatie,
        DeclaratieNummer = r.declaratie_nummer,
        ReferentieNummer = r.referentie_nummer,
        AmountCents = cents,
        Detail = detail,
    };

    private static ReconciliationLine Line(List<LineRow> rows)
    {
        var first = rows[0];
        var month = ParseMonth(first.month);
        var period = new GeslotenPeriode(month, month.AddMonths(1).AddDays(-1));
        var allocation = first.allocation_message_id is null ? null : first.Allocation();
        var unit = first.eenheid?.Trim() ?? rows.Select(r => r.line_eenheid?.Trim()).FirstOrDefault(u => u is not null);
        long? allocated = allocation is { Omvang: { } omvang } && first.deleted == 0
            ? VolumeLimits.MaximumPerLine(allocation, Financing(first.financing), period, omvang.Eenheid)
            : first.deleted == 1 ? 0 : null;
        decimal? indicated = unit is not null && first.Indicated() is { } indication
            ? VolumeLimits.MaximumPerLine(indication, Financing(first.arrangement_financing), period, unit)
            : null;

        // Each group of lines in one Eenheid counts in the allocation's: a factor of 1, or 60 for
        // minutes on hours (TR341); a unit that does not fit (TR341 rejects it) adds no volume.
        decimal Volume(Func<LineRow, long?> of) => rows.Sum(r => of(r) is { } v && r.line_eenheid is { } e && unit is not null && VolumeLimits.UnitFactor(unit, e.Trim()) is { } factor ? (decimal)v / factor : 0m);
        int Count(Func<LineRow, long?> of) => checked((int)rows.Sum(r => of(r) ?? 0));
        long Cents(Func<LineRow, long?> of) => rows.Sum(r => of(r) ?? 0);
        var latest = rows.Where(r => r.last_message_id is not null).MaxBy(r => r.last_message_id);

        return new ReconciliationLine
        {
            Municipality = first.municipality.Trim(),
            MunicipalityName = first.municipality_name,
            Provider = first.provider.Trim(),
            ProviderName = first.provider_name,
            DeliveryMonth = month,
            IndicationNumber = first.indication_number,
            IndicationVersion = first.indication_version,
            IndicationStatus = first.indication_status,
            IndicationBegindatum = first.indication_begindatum is { } ib ? ParseDay(ib.Trim()) : null,
            IndicationEinddatum = first.indication_einddatum is { } ie ? ParseDay(ie.Trim()) : null,
            IndicatedProduct = first.arrangement_code
                ?? (first.indication_categorie is { } c ? (first.indication_code is { } code ? $"{c.Trim()} {code.Trim()}" : c.Trim()) : null),
            IndicatedVolume = indicated,
            ToewijzingNummer = first.toewijzing_nummer,
            AllocationMessageId = first.allocation_message_id,
            AllocationIdentificatie = first.allocation_identificatie,
            Backing = first.backing?.Trim(),
            AllocationIngangsdatum = first.ingangsdatum is { } a ? ParseDay(a.Trim()) : null,
            AllocationEinddatum = first.einddatum is { } b ? ParseDay(b.Trim()) : null,
            ProductCategorie = first.product_categorie?.Trim() ?? first.line_categorie?.Trim(),
            ProductCode = first.product_code?.Trim() ?? first.line_code?.Trim(),
            AllocationVolume = first.volume,
            Eenheid = unit,
            Frequentie = first.frequentie?.Trim(),
            AllocatedVolume = allocated,
            AllocatedBudgetCents = first.budget,
            DeclaredLines = Count(r => r.declared_lines),
            DeclaredVolume = Volume(r => r.declared_volume),
            DeclaredCents = Cents(r => r.declared_cents),
            DeclaredCreditLines = Count(r => r.declared_credit_lines),
            DeclaredCreditCents = Cents(r => r.declared_credit_cents),
            ApprovedLines = Count(r => r.approved_lines),
            ApprovedVolume = Volume(r => r.approved_volume),
            ApprovedCents = Cents(r => r.approved_cents),
            RejectedLines = Count(r => r.rejected_lines),
            RejectedCents = Cents(r => r.rejected_cents),
            CreditedLines = Count(r => r.credited_lines),
            CreditedVolume = Volume(r => r.credited_volume),
            CreditedCents = Cents(r => r.credited_cents),
            PaidCents = Cents(r => r.paid_cents),
            Declarations = Count(r => r.declarations),
            LastDeclarationMessageId = latest?.last_message_id,
            LastBerichtIdentificatie = latest?.last_identificatie,
            LastDeclaratieNummer = latest?.last_declaratie_nummer,
        };
    }

    // A product not in the catalogue (its allocation was refused nothing for it) counts as
    // inspanningsgericht: the form only changes the per-week maximum of VolumeLimits.
    private static FinancingForm Financing(string? word) =>
        ReferenceWords.TryParseFinancing(word?.Trim(), out var form) ? form : FinancingForm.Inspanningsgericht;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    /// <summary>Runs <paramref name="sql"/> unbuffered: rows come as the reader reads them, on a connection that lives as long as the enumeration.</summary>
    private IEnumerable<T> Query<T>(string sql, ReconciliationScope scope)
    {
        using DbConnection connection = connections.Open();
        foreach (var row in connection.Query<T>(sql, Parameters(scope), buffered: false, commandTimeout: 0))
        {
            yield return row;
        }
    }

    private static DynamicParameters Parameters(ReconciliationScope scope)
    {
        var p = new DynamicParameters();
        p.Add("months", DeclarationStore.Json(scope.Months.Select(Month)));
        p.Add("first_day", Ansi(Day(scope.FirstMonth), 10));
        p.Add("last_day", Ansi(Day(scope.LastDay), 10));
        p.Add("first_month", Ansi(Month(scope.FirstMonth), 7));
        p.Add("last_month", Ansi(Month(scope.LastMonth), 7));
        p.Add("as_of", Ansi(Day(scope.AsOf), 10));
        p.Add("municipality", Ansi(scope.Municipality, 4));
        p.Add("provider", Ansi(scope.Provider, 8));
        return p;
    }

    private static DbString Ansi(string? value, int length) => new() { Value = value, IsAnsi = true, IsFixedLength = true, Length = length };

#pragma warning disable IDE1006, CA1812, S3459 // Dapper fills these by column name; names follow the columns.
    /// <summary>The columns of an allocation version that make its ToegewezenProduct, and of the arrangement product of its indication.</summary>
    private abstract class AllocationColumns
    {
        public int toewijzing_nummer { get; set; }

        public string? product_categorie { get; set; }

        public string? product_code { get; set; }

        public string? ingangsdatum { get; set; }

        public string? einddatum { get; set; }

        public string? reden_wijziging { get; set; }

        public long? volume { get; set; }

        public string? eenheid { get; set; }

        public string? frequentie { get; set; }

        public long? budget { get; set; }

        public string? financing { get; set; }

        public string? indication_begindatum { get; set; }

        public string? indication_einddatum { get; set; }

        public string? arrangement_eenheid { get; set; }

        public string? arrangement_frequentie { get; set; }

        public string? arrangement_financing { get; set; }

        public ToegewezenProduct Allocation() => new(
            toewijzing_nummer,
            null,
            product_categorie is { } c ? new Product(c.Trim(), product_code?.Trim()) : null,
            default,
            default,
            ParseDay(ingangsdatum!.Trim()),
            einddatum is { } e ? ParseDay(e.Trim()) : null,
            reden_wijziging?.Trim(),
            volume is { } v && eenheid is { } u && frequentie is { } f ? new Omvang(v, u.Trim(), f.Trim()) : null,
            budget,
            null);

        /// <summary>What an arrangement indication indicates, as an allocation of one unit of its catalogue product per its Frequentie over the indication's period; null for a product indication.</summary>
        public ToegewezenProduct? Indicated() =>
            arrangement_eenheid is { } u && arrangement_frequentie is { } f && indication_begindatum is { } begin
                ? new ToegewezenProduct(
                    toewijzing_nummer,
                    null,
                    product_categorie is { } c ? new Product(c.Trim(), product_code?.Trim()) : null,
                    default,
                    default,
                    ParseDay(begin.Trim()),
                    indication_einddatum is { } e ? ParseDay(e.Trim()) : null,
                    null,
                    new Omvang(1, u.Trim(), f.Trim()),
                    null,
                    null)
                : null;
    }

    private sealed class LineRow : AllocationColumns
    {
        public string municipality { get; set; } = string.Empty;

        public string provider { get; set; } = string.Empty;

        public string month { get; set; } = string.Empty;

        public string? municipality_name { get; set; }

        public string? provider_name { get; set; }

        public long? allocation_message_id { get; set; }

        public string? allocation_identificatie { get; set; }

        public string? backing { get; set; }

        public long deleted { get; set; }

        public string? indication_number { get; set; }

        public int? indication_version { get; set; }

        public string? indication_status { get; set; }

        public string? indication_categorie { get; set; }

        public string? indication_code { get; set; }

        public string? arrangement_code { get; set; }

        public string? line_eenheid { get; set; }

        public string? line_categorie { get; set; }

        public string? line_code { get; set; }

        public long? declared_lines { get; set; }

        public long? declared_volume { get; set; }

        public long? declared_cents { get; set; }

        public long? declared_credit_lines { get; set; }

        public long? declared_credit_cents { get; set; }

        public long? approved_lines { get; set; }

        public long? approved_volume { get; set; }

        public long? approved_cents { get; set; }

        public long? rejected_lines { get; set; }

        public long? rejected_cents { get; set; }

        public long? credited_lines { get; set; }

        public long? credited_volume { get; set; }

        public long? credited_cents { get; set; }

        public long? paid_cents { get; set; }

        public long? declarations { get; set; }

        public long? last_message_id { get; set; }

        public string? last_identificatie { get; set; }

        public string? last_declaratie_nummer { get; set; }

        public bool SameKey(LineRow other) =>
            municipality == other.municipality && provider == other.provider && toewijzing_nummer == other.toewijzing_nummer && month == other.month;
    }

    private sealed class AllocationRow : AllocationColumns
    {
        public long message_id { get; set; }

        public string? identificatie { get; set; }

        public string municipality { get; set; } = string.Empty;

        public string provider { get; set; } = string.Empty;

        public string? indication_number { get; set; }

        public string backing { get; set; } = string.Empty;
    }

    private sealed class PrestatieRow
    {
        public long message_id { get; set; }

        public string? identificatie { get; set; }

        public string declaratie_nummer { get; set; } = string.Empty;

        public string municipality { get; set; } = string.Empty;

        public string provider { get; set; } = string.Empty;

        public int toewijzing_nummer { get; set; }

        public string? indication_number { get; set; }

        public string referentie_nummer { get; set; } = string.Empty;

        public string? vorig_referentie_nummer { get; set; }

        public string debet_credit { get; set; } = string.Empty;

        public string product_categorie { get; set; } = string.Empty;

        public string product_code { get; set; } = string.Empty;

        public string periode_begin { get; set; } = string.Empty;

        public long geleverd_volume { get; set; }

        public string eenheid { get; set; } = string.Empty;

        public long bedrag_cents { get; set; }

        public string retourcodes { get; set; } = string.Empty;

        public long amount_cents { get; set; }

        public string? backing { get; set; }

        public string? status { get; set; }

        public bool approved { get; set; }

        public int? indication_version { get; set; }

        public long known_at_verdict { get; set; }

        public long? credits_prestatie_id { get; set; }

        public bool? debit_approved { get; set; }

        public string? debit_debet_credit { get; set; }
    }

    private sealed class AnswerRow
    {
        public long message_id { get; set; }

        public string? message_type { get; set; }

        public string? identificatie { get; set; }

        public string? sender { get; set; }

        public string? receiver { get; set; }

        public string answer_due_on { get; set; } = string.Empty;

        public string? answer_type { get; set; }

        public string? answer_identificatie { get; set; }

        public string? answer_dagtekening { get; set; }

        public string? written_on { get; set; }
    }
#pragma warning restore IDE1006, CA1812, S3459
}
