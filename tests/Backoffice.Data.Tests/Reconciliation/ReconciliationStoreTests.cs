using Backoffice.Data.Payments;
using Backoffice.Data.Reconciliation;
using Backoffice.Data.Tests.Payments;
using Dapper;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Reconciliation;

/// <summary>
/// The reconciliation store on the payment fixture's declarations, on SQLite and SQL Server: the
/// fixture's prestaties name an allocation number that was never allocated, so every paid line is
/// money without an indication, and its credits undo no recorded debit.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class ReconciliationStoreTests(DatabaseProvider provider)
{
    private static readonly ReconciliationScope FirstQuarter = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 1), null, null, new DateOnly(2026, 6, 30));

    private TestDatabase database = null!;
    private ReconciliationStore store = null!;
    private PaymentLedgerFixture fixture = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = await TestDatabase.CreateAsync(provider);
        store = new ReconciliationStore(database.Connections, new PaymentReportStore(database.Connections));
        fixture = new PaymentLedgerFixture(database.Connections);
        await fixture.AddAsync(PaymentLedgerFixture.Region);
    }

    [TearDown]
    public async Task TearDown()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Test]
    public async Task The_lines_pay_what_the_ledger_holds_for_the_delivery_months_and_the_credits_and_rejections_are_counted_apart()
    {
        var lines = store.Lines(FirstQuarter).ToList();
        var ledger = await store.LedgerTotalAsync(FirstQuarter, CancellationToken.None);
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var (rows, cents) = await connection.QuerySingleAsync<(long, long)>(
            "SELECT COUNT(*), SUM(amount_cents) FROM payment_ledger WHERE delivery_month >= '2026-01' AND delivery_month <= '2026-03'");

        Assert.That(ledger, Is.EqualTo(new LedgerTotal(rows, cents)));
        Assert.That(lines.Sum(l => l.PaidCents), Is.EqualTo(cents), "the lines add up to the ledger");
        Assert.That(lines.Sum(l => l.ApprovedCents - l.CreditedCents), Is.EqualTo(cents), "approved minus credited is what is paid");
        Assert.That(lines.Sum(l => l.RejectedLines), Is.EqualTo(2), "the rejected line and the line of the declaration rejected whole");
        Assert.That(lines, Has.All.Matches<ReconciliationLine>(l => l.AllocationMessageId is null && l.IndicationNumber is null), "nothing was allocated");
        var keys = lines.Select(l => (l.Municipality, l.Provider, l.ToewijzingNummer, l.DeliveryMonth)).ToList();
        Assert.That(keys, Is.EqualTo(keys.OrderBy(k => k.Municipality, StringComparer.Ordinal).ThenBy(k => k.Provider, StringComparer.Ordinal).ThenBy(k => k.ToewijzingNummer).ThenBy(k => k.DeliveryMonth)), "ordered by the database as the code would order them");
    }

    [Test]
    public async Task Money_without_an_indication_credits_without_a_debit_and_a_325_that_differs_from_its_ledger_are_exceptions()
    {
        var mismatch = await fixture.AddAsync(new FixtureDeclaration("0363", "65656055", "2026-02", [new("04", "04X01", "2026-02", 10_000)]) { Toegekend = 9_000 });

        var exceptions = store.Exceptions(FirstQuarter).Concat(await store.PaymentMismatchesAsync(FirstQuarter, CancellationToken.None)).ToList();

        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var paid = await connection.QueryAsync<(long, string)>(
            "SELECT p.message_id, p.referentie_nummer FROM payment_ledger l JOIN prestatie_verdict p ON p.id = l.prestatie_id WHERE l.delivery_month >= '2026-01' AND l.delivery_month <= '2026-03'");
        var credits = await connection.QueryAsync<string>(
            "SELECT referentie_nummer FROM prestatie_verdict WHERE approved = 1 AND debet_credit = 'C' AND periode_begin >= '2026-01-01' AND periode_begin <= '2026-03-31'");
        Assert.That(exceptions.Where(e => e.Kind == ReconciliationExceptionKinds.PaidWithoutIndication).Select(e => (e.MessageId, e.ReferentieNummer!)), Is.EquivalentTo(paid));
        Assert.That(exceptions.Where(e => e.Kind == ReconciliationExceptionKinds.CreditWithoutDebit).Select(e => e.ReferentieNummer), Is.EquivalentTo(credits).And.Not.Empty);
        Assert.That(exceptions.Where(e => e.Kind == ReconciliationExceptionKinds.PaymentTotalMismatch).Select(e => (e.MessageId, e.AmountCents)), Is.EqualTo(new[] { (mismatch, (long?)-1_000) }));
        Assert.That(exceptions.Select(e => e.Detail), Has.None.Contains(PaymentLedgerFixture.Bsn));
    }

    [Test]
    public void A_provider_filter_keeps_only_its_lines()
    {
        var lines = store.Lines(FirstQuarter with { Provider = "65656055" }).ToList();

        Assert.That(lines.Select(l => l.Provider).Distinct(), Is.EqualTo(new[] { "65656055" }));
        Assert.That(lines.Sum(l => l.PaidCents), Is.EqualTo(250_000 - 1_234));
    }
}

/// <summary>The SQL Server text of every reconciliation statement parses (ScriptDom), so the dialect's variant is checked where no SQL Server runs.</summary>
public sealed class ReconciliationSqlTests
{
    [Test]
    public void Every_SQL_Server_statement_parses()
    {
        var statements = ReconciliationStore.Statements(SqlDialect.SqlServer).ToList();
        Assert.That(statements, Has.Count.EqualTo(8));
        foreach (var (name, sql) in statements)
        {
            var parser = new TSql170Parser(initialQuotedIdentifiers: true);
            using var reader = new StringReader(sql);
            parser.Parse(reader, out var errors);
            Assert.That(errors.Select(e => $"{e.Line},{e.Column}: {e.Message}"), Is.Empty, name);
        }
    }
}
