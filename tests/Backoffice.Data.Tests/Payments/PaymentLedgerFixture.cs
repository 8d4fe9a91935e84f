using System.Globalization;
using Backoffice.Data.Intake;
using Dapper;

namespace Backoffice.Data.Tests.Payments;

/// <summary>One prestatie of a fixture declaration: signed cents (a debit positive, a credit negative), whether it was approved, and its client (default <see cref="PaymentLedgerFixture.Bsn"/>).</summary>
internal sealed record FixturePrestatie(string Categorie, string Code, string DeliveryMonth, long Cents, bool Approved = true, string? Bsn = null);

/// <summary>
/// A checked 323 as the declaration checks record it: the message, the declaration row, a
/// prestatie_verdict per line and a payment_ledger row per approved one. <see cref="Toegekend"/>
/// overrides the 325's total (default: the approved lines' sum) and <see cref="LedgerBatch"/> the
/// ledger rows' batch month (default: the period's), to build fixtures that do not reconcile.
/// </summary>
internal sealed record FixtureDeclaration(string Municipality, string Provider, string Period, IReadOnlyList<FixturePrestatie> Prestaties)
{
    public long? Toegekend { get; init; }

    public string? LedgerBatch { get; init; }

    public bool RejectedWhole { get; init; }
}

/// <summary>
/// Writes fixture declarations with plain SQL (the code that fills these tables is the declaration
/// checks'; the payment report only reads them). Linked into the service tests too, so the store
/// and the CLI are tested on the same rows.
/// </summary>
internal sealed class PaymentLedgerFixture(IDbConnectionFactory connections)
{
    // Fictitious test BSN (11-proef); the report must never show it.
    public const string Bsn = "999900006";

    private static readonly DateTime RecordedAt = new(2026, 4, 10, 9, 0, 0, DateTimeKind.Utc);

    private const string InsertDeclaration = """
        INSERT INTO declaration (message_id, provider, municipality, declaratie_nummer, periode_begin, periode_eind, dagtekening,
                                 ingediend_cents, toegekend_cents, rejected_whole, retourcodes, rule_set, schema_set, recorded_at)
        VALUES (@message_id, @provider, @municipality, @declaratie_nummer, @periode_begin, @periode_eind, @dagtekening,
                @ingediend_cents, @toegekend_cents, @rejected_whole, @retourcodes, 'fixture', 'fixture', @recorded_at);
        """;

    private const string InsertVerdict = """
        INSERT INTO prestatie_verdict (message_id, ordinal, municipality, provider, bsn, referentie_nummer, toewijzing_nummer,
                                       product_categorie, product_code, periode_begin, periode_eind, geleverd_volume, eenheid,
                                       bedrag_cents, debet_credit, approved, retourcodes, recorded_at)
        VALUES (@message_id, @ordinal, @municipality, @provider, @bsn, @referentie_nummer, 1,
                @product_categorie, @product_code, @periode_begin, @periode_eind, 1, '82',
                @bedrag_cents, @debet_credit, @approved, @retourcodes, @recorded_at);
        """;

    private const string SelectVerdictId = """
        SELECT id FROM prestatie_verdict WHERE message_id = @message_id AND ordinal = @ordinal;
        """;

    private const string InsertLedger = """
        INSERT INTO payment_ledger (message_id, prestatie_id, municipality, provider, product_categorie, product_code,
                                    delivery_month, batch_month, amount_cents, recorded_at)
        VALUES (@message_id, @prestatie_id, @municipality, @provider, @product_categorie, @product_code,
                @delivery_month, @batch_month, @amount_cents, @recorded_at);
        """;

    private readonly MessageIntakeStore intake = new(connections);
    private int declared;

    /// <summary>
    /// The region's batch of 2026-03 with a declaration of 2026-02 and one of 2026-04 around it:
    /// two municipalities, three providers, late lines (IV090), credits, a rejected line, a
    /// provider whose one 325 was rejected whole, and a provider with two 325s in the month.
    /// </summary>
    public static IReadOnlyList<FixtureDeclaration> Region { get; } =
    [
        new("0363", "42420001", "2026-03",
        [
            new("01", "01A01", "2026-03", 12_345),
            new("01", "01A01", "2026-03", 10_000),
            new("01", "01A01", "2026-02", 5_000),
            new("01", "01A01", "2026-02", -5_000),
            new("02", "02A03", "2026-03", 7_777),
            new("01", "01A01", "2026-03", 999, Approved: false),
        ]),
        new("0363", "65656055", "2026-03",
        [
            new("04", "04X01", "2026-03", 250_000),
            new("04", "04X01", "2026-01", -1_234),
        ]),
        new("0384", "42420001", "2026-03", [new("01", "01A01", "2026-03", 3_300)]),
        new("0384", "42420001", "2026-03",
        [
            new("01", "01A01", "2026-02", 1_500),
            new("01", "01A01", "2026-03", -3_300),
        ]),
        new("0384", "75750003", "2026-03", [new("03", "03B01", "2026-03", 4_400, Approved: false)]) { RejectedWhole = true },
        new("0363", "42420001", "2026-02", [new("01", "01A01", "2026-02", 8_000)]),
        new("0363", "75750003", "2026-04", [new("03", "03B01", "2026-03", 100)]),
    ];

    public async Task AddAsync(IEnumerable<FixtureDeclaration> declarations)
    {
        foreach (var declaration in declarations)
        {
            await AddAsync(declaration);
        }
    }

    /// <summary>Adds one declaration and returns its message id.</summary>
    public async Task<long> AddAsync(FixtureDeclaration d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var number = ++declared;
        var periodBegin = d.Period + "-01";
        var periodEnd = StoredDates.Day(StoredDates.ParseDay(periodBegin).AddMonths(1).AddDays(-1));
        using var bytes = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"<declaration n=\"{number}\" p=\"{d.Provider}\"/>"));
        var receipt = await intake.ReceiveAsync(bytes, new IntakeSource("inbox", $"323-{number}.xml", new DateTimeOffset(RecordedAt)), CancellationToken.None);
        var messageId = receipt.MessageId;

        await using var connection = await connections.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(InsertDeclaration, new
        {
            message_id = messageId,
            provider = d.Provider,
            municipality = d.Municipality,
            declaratie_nummer = number.ToString("D4", CultureInfo.InvariantCulture),
            periode_begin = periodBegin,
            periode_eind = periodEnd,
            dagtekening = periodEnd,
            ingediend_cents = d.Prestaties.Sum(p => p.Cents),
            toegekend_cents = d.Toegekend ?? d.Prestaties.Where(p => p.Approved).Sum(p => p.Cents),
            rejected_whole = d.RejectedWhole,
            retourcodes = d.RejectedWhole ? "9333" : "0200",
            recorded_at = RecordedAt,
        }, transaction);

        for (var ordinal = 0; ordinal < d.Prestaties.Count; ordinal++)
        {
            var p = d.Prestaties[ordinal];
            var deliveryBegin = p.DeliveryMonth + "-01";
            await connection.ExecuteAsync(InsertVerdict, new
            {
                message_id = messageId,
                ordinal,
                municipality = d.Municipality,
                provider = d.Provider,
                bsn = p.Bsn ?? Bsn,
                referentie_nummer = string.Create(CultureInfo.InvariantCulture, $"REF-{number}-{ordinal}"),
                product_categorie = p.Categorie,
                product_code = p.Code,
                periode_begin = deliveryBegin,
                periode_eind = StoredDates.Day(StoredDates.ParseDay(deliveryBegin).AddMonths(1).AddDays(-1)),
                bedrag_cents = Math.Abs(p.Cents),
                debet_credit = p.Cents < 0 ? "C" : "D",
                approved = p.Approved,
                retourcodes = p.Approved ? "8001" : "9346",
                recorded_at = RecordedAt,
            }, transaction);
            if (!p.Approved)
            {
                continue;
            }

            var prestatieId = await connection.ExecuteScalarAsync<long>(SelectVerdictId, new { message_id = messageId, ordinal }, transaction);
            await connection.ExecuteAsync(InsertLedger, new
            {
                message_id = messageId,
                prestatie_id = prestatieId,
                municipality = d.Municipality,
                provider = d.Provider,
                product_categorie = p.Categorie,
                product_code = p.Code,
                delivery_month = p.DeliveryMonth,
                batch_month = d.LedgerBatch ?? d.Period,
                amount_cents = p.Cents,
                recorded_at = RecordedAt,
            }, transaction);
        }

        await transaction.CommitAsync();
        return messageId;
    }
}
