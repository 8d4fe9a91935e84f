using System.Runtime.CompilerServices;
using Backoffice.Core.Scenarios;
using Dapper;

namespace Backoffice.Data.Scenarios;

/// <summary>One ledger row of the replayed period with what a scenario needs of its prestatie, and what names it for a trace.</summary>
/// <param name="PrestatieId">The verdict row (<c>prestatie_verdict.id</c>) the payment rests on.</param>
/// <param name="MessageId">The 323 it was declared in.</param>
public sealed record ScenarioLedgerRow(
    long PrestatieId,
    long MessageId,
    string DeclaratieNummer,
    string ReferentieNummer,
    string Municipality,
    DateOnly DeliveryMonth,
    ScenarioLine Line);

/// <summary>
/// The payments a scenario replays (README, "Scenario report"): every ledger row whose delivery
/// month lies in the period, read one at a time in ledger order, so a year of a region is never
/// held in memory; the arrangement code is the declared product's in the current catalogue.
/// </summary>
public sealed class ScenarioLedgerStore(IDbConnectionFactory connections)
{
    private const string Sql = """
        SELECT l.prestatie_id, l.message_id, d.declaratie_nummer, p.referentie_nummer, l.municipality, l.provider,
               l.product_code, pv.arrangement_code, l.delivery_month, p.periode_begin, p.geleverd_volume, p.eenheid, l.amount_cents
        FROM payment_ledger l
        JOIN prestatie_verdict p ON p.id = l.prestatie_id
        JOIN declaration d ON d.message_id = l.message_id
        LEFT JOIN product_version pv ON pv.product_categorie = l.product_categorie AND pv.product_code = l.product_code AND pv.is_current = 1
        WHERE l.delivery_month >= @from AND l.delivery_month <= @to
          AND (@municipality IS NULL OR l.municipality = @municipality)
          AND (@provider IS NULL OR l.provider = @provider)
        ORDER BY l.id;
        """;

    /// <summary>The rows of delivery months <paramref name="from"/> to <paramref name="to"/> (first days), optionally of one municipality or provider.</summary>
    public async IAsyncEnumerable<ScenarioLedgerRow> ReadAsync(
        DateOnly from, DateOnly to, string? municipality, string? provider, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var parameters = new { from = StoredDates.Month(from), to = StoredDates.Month(to), municipality, provider };
        await foreach (var r in connection.QueryUnbufferedAsync<Row>(Sql, parameters).WithCancellation(cancellationToken))
        {
            yield return new ScenarioLedgerRow(
                r.prestatie_id,
                r.message_id,
                r.declaratie_nummer.Trim(),
                r.referentie_nummer.Trim(),
                r.municipality.Trim(),
                StoredDates.ParseMonth(r.delivery_month),
                new ScenarioLine(r.provider.Trim(), r.product_code.Trim(), r.arrangement_code?.Trim(), StoredDates.ParseDay(r.periode_begin), r.geleverd_volume, r.eenheid.Trim(), r.amount_cents));
        }
    }

    private sealed class Row
    {
        public long prestatie_id { get; set; }

        public long message_id { get; set; }

        public string declaratie_nummer { get; set; } = string.Empty;

        public string referentie_nummer { get; set; } = string.Empty;

        public string municipality { get; set; } = string.Empty;

        public string provider { get; set; } = string.Empty;

        public string product_code { get; set; } = string.Empty;

        public string? arrangement_code { get; set; }

        public string delivery_month { get; set; } = string.Empty;

        public string periode_begin { get; set; } = string.Empty;

        public long geleverd_volume { get; set; }

        public string eenheid { get; set; } = string.Empty;

        public long amount_cents { get; set; }
    }
}
