using System.Data.Common;
using Dapper;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Declarations;

/// <summary>What was declared, judged and paid is never changed in place: the database itself refuses it.</summary>
public sealed class AppendOnlyTests
{
    private const string Fixture = """
        INSERT INTO message (id, sha256, size_bytes, received_at, source, original_name, status)
        VALUES (7, '0000000000000000000000000000000000000000000000000000000000000007', 1, '2026-04-01 10:00:00', 'inbox', 'd.xml', 'processed');
        INSERT INTO declaration (message_id, provider, municipality, declaratie_nummer, periode_begin, periode_eind, dagtekening,
                                 ingediend_cents, toegekend_cents, rejected_whole, retourcodes, rule_set, schema_set, recorded_at)
        VALUES (7, '42420001', '0384', 'D1', '2026-03-01', '2026-03-31', '2026-04-01', 1000, 1000, 0, '8001', 'iwmo-3.2 national', 'basis 1 bericht 1', '2026-04-01 10:00:00');
        INSERT INTO prestatie_verdict (message_id, ordinal, municipality, provider, bsn, referentie_nummer, toewijzing_nummer, product_categorie,
                                       product_code, periode_begin, periode_eind, geleverd_volume, eenheid, product_tarief, bedrag_cents,
                                       debet_credit, approved, retourcodes, recorded_at)
        VALUES (7, 0, '0384', '42420001', '999900006', 'R1', 101, '01', '01A01', '2026-03-01', '2026-03-31', 1, '04', 1000, 1000, 'D', 1, '8001', '2026-04-01 10:00:00');
        INSERT INTO payment_ledger (message_id, prestatie_id, municipality, provider, product_categorie, product_code, delivery_month, batch_month, amount_cents, recorded_at)
        SELECT 7, id, '0384', '42420001', '01', '01A01', '2026-03', '2026-03', 1000, '2026-04-01 10:00:00' FROM prestatie_verdict;
        """;

    [TestCase("UPDATE declaration SET toegekend_cents = 2000")]
    [TestCase("DELETE FROM declaration")]
    [TestCase("UPDATE prestatie_verdict SET approved = 0, retourcodes = '9338'")]
    [TestCase("DELETE FROM prestatie_verdict")]
    [TestCase("UPDATE payment_ledger SET amount_cents = 0")]
    [TestCase("DELETE FROM payment_ledger")]
    public async Task Declarations_verdicts_and_the_ledger_refuse_updates_and_deletes(string change)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync(Fixture);

        Assert.That(async () => await connection.ExecuteAsync(change), Throws.InstanceOf<DbException>().With.Message.Contains("append-only"));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT SUM(amount_cents) FROM payment_ledger"), Is.EqualTo(1000));
    }
}
