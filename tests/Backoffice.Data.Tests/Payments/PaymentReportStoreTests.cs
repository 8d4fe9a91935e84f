using Backoffice.Data.Payments;
using Backoffice.Data.Reference;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Payments;

/// <summary>The payment batch of a month read from fixture declarations and ledger rows, on SQLite and SQL Server.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class PaymentReportStoreTests(DatabaseProvider provider)
{
    private static readonly DateOnly March = new(2026, 3, 1);
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    private TestDatabase database = null!;
    private PaymentReportStore store = null!;
    private PaymentLedgerFixture fixture = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = await TestDatabase.CreateAsync(provider);
        store = new PaymentReportStore(database.Connections);
        fixture = new PaymentLedgerFixture(database.Connections);

        // 75750003 is left out on purpose: a provider without reference data keeps a null name.
        var reference = new ReferenceStore(database.Connections);
        await reference.ImportAsync(new ReferenceBatch(ReferenceKind.Municipalities, new string('a', 64), T0, [new MunicipalityRow(2, "0363", "Amsterdam"), new MunicipalityRow(3, "0384", "Diemen")]), CancellationToken.None);
        await reference.ImportAsync(new ReferenceBatch(ReferenceKind.Providers, new string('b', 64), T0, [new ProviderRow(2, "42420001", "Zorg Een"), new ProviderRow(3, "65656055", "Hulp Twee")]), CancellationToken.None);
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
    public async Task Lines_are_the_approved_prestaties_of_the_batch_month_per_municipality_provider_product_and_delivery_month()
    {
        await fixture.AddAsync(PaymentLedgerFixture.Region);

        var batch = await store.GetBatchAsync(new DateOnly(2026, 3, 17), null, CancellationToken.None);

        Assert.That(batch.Month, Is.EqualTo(March));
        Assert.That(batch.Lines.Select(l => (l.Municipality, l.Provider, l.ProductCategorie, l.ProductCode, StoredDates.Month(l.DeliveryMonth), l.DebitCents, l.CreditCents, l.NetCents, l.Prestaties)), Is.EqualTo(new[]
        {
            ("0363", "42420001", "01", "01A01", "2026-02", 5_000L, 5_000L, 0L, 2),
            ("0363", "42420001", "01", "01A01", "2026-03", 22_345L, 0L, 22_345L, 2),
            ("0363", "42420001", "02", "02A03", "2026-03", 7_777L, 0L, 7_777L, 1),
            ("0363", "65656055", "04", "04X01", "2026-01", 0L, 1_234L, -1_234L, 1),
            ("0363", "65656055", "04", "04X01", "2026-03", 250_000L, 0L, 250_000L, 1),
            ("0384", "42420001", "01", "01A01", "2026-02", 1_500L, 0L, 1_500L, 1),
            ("0384", "42420001", "01", "01A01", "2026-03", 3_300L, 3_300L, 0L, 2),
        }), "late lines (IV090) are in the batch of their declaration's period; rejected lines and other periods are not");
        Assert.That(batch.Lines[0].MunicipalityName, Is.EqualTo("Amsterdam"));
        Assert.That(batch.Lines[0].ProviderName, Is.EqualTo("Zorg Een"));
        Assert.That((batch.DebitCents, batch.CreditCents, batch.LedgerNetCents, batch.Prestaties), Is.EqualTo((289_922L, 9_534L, 280_388L, 10)));
    }

    [Test]
    public async Task Providers_reconcile_the_325s_sent_with_the_ledger_to_the_cent()
    {
        await fixture.AddAsync(PaymentLedgerFixture.Region);

        var batch = await store.GetBatchAsync(March, null, CancellationToken.None);

        Assert.That(batch.Providers.Select(p => (p.Municipality, p.Provider, p.Declarations, p.ToegekendCents, p.LedgerNetCents, p.Prestaties, p.Reconciles)), Is.EqualTo(new[]
        {
            ("0363", "42420001", 1, 30_122L, 30_122L, 5, true),
            ("0363", "65656055", 1, 248_766L, 248_766L, 2, true),
            ("0384", "42420001", 2, 1_500L, 1_500L, 3, true),
            ("0384", "75750003", 1, 0L, 0L, 0, true),
        }), "a 325 rejected whole is in the batch with nothing granted and nothing paid");
        Assert.That(batch.Providers[3].ProviderName, Is.Null, "no reference version, no name");
        Assert.That(batch.Providers[3].MunicipalityName, Is.EqualTo("Diemen"));
        Assert.That((batch.DeclarationCount, batch.ToegekendCents, batch.Reconciles), Is.EqualTo((5, 280_388L, true)));
        Assert.That(batch.Declarations.Select(d => (d.Provider, d.ToegekendCents, d.LedgerCents)), Is.EqualTo(new[]
        {
            ("42420001", 30_122L, 30_122L),
            ("65656055", 248_766L, 248_766L),
            ("42420001", 3_300L, 3_300L),
            ("42420001", -1_800L, -1_800L),
            ("75750003", 0L, 0L),
        }));
    }

    [Test]
    public async Task The_municipality_filter_keeps_only_its_lines_providers_and_declarations()
    {
        await fixture.AddAsync(PaymentLedgerFixture.Region);

        var batch = await store.GetBatchAsync(March, "0384", CancellationToken.None);

        Assert.That(batch.Municipality, Is.EqualTo("0384"));
        Assert.That(batch.Lines.Select(l => (l.Municipality, l.NetCents)), Is.EqualTo(new[] { ("0384", 1_500L), ("0384", 0L) }));
        Assert.That(batch.Providers.Select(p => (p.Provider, p.ToegekendCents)), Is.EqualTo(new[] { ("42420001", 1_500L), ("75750003", 0L) }));
        Assert.That(batch.Declarations, Has.Count.EqualTo(3));
        Assert.That((await store.GetBatchAsync(March, "0362", CancellationToken.None)).IsEmpty, Is.True);
    }

    [Test]
    public async Task A_325_whose_total_disagrees_with_its_ledger_rows_does_not_reconcile()
    {
        await fixture.AddAsync(PaymentLedgerFixture.Region);
        await fixture.AddAsync(new FixtureDeclaration("0384", "65656055", "2026-03", [new("04", "04X01", "2026-03", 4_000)]) { Toegekend = 4_100 });

        var batch = await store.GetBatchAsync(March, null, CancellationToken.None);

        Assert.That(batch.Reconciles, Is.False);
        Assert.That(batch.Providers.Where(p => !p.Reconciles).Select(p => (p.Municipality, p.Provider, p.ToegekendCents, p.LedgerNetCents, p.DifferenceCents)), Is.EqualTo(new[]
        {
            ("0384", "65656055", 4_100L, 4_000L, 100L),
        }));
        Assert.That(batch.Declarations.Where(d => !d.Reconciles).Select(d => d.Provider), Is.EqualTo(new[] { "65656055" }));
    }

    [Test]
    public async Task A_ledger_row_booked_in_another_batch_than_its_declaration_period_does_not_reconcile()
    {
        await fixture.AddAsync(new FixtureDeclaration("0363", "42420001", "2026-03", [new("01", "01A01", "2026-03", 2_000)]) { LedgerBatch = "2026-04" });

        var march = await store.GetBatchAsync(March, null, CancellationToken.None);
        var april = await store.GetBatchAsync(new DateOnly(2026, 4, 1), null, CancellationToken.None);

        Assert.That(march.Providers.Select(p => (p.Declarations, p.ToegekendCents, p.LedgerNetCents, p.Reconciles)), Is.EqualTo(new[] { (1, 2_000L, 0L, false) }));
        Assert.That(march.Declarations.Single().Reconciles, Is.True, "the declaration's own rows add up; it is the batch that differs");
        Assert.That(april.Providers.Select(p => (p.Declarations, p.ToegekendCents, p.LedgerNetCents, p.Reconciles)), Is.EqualTo(new[] { (0, 0L, 2_000L, false) }), "ledger lines without a 325 in the batch");
    }

    [Test]
    public async Task An_empty_month_is_an_empty_batch_with_zero_totals()
    {
        await fixture.AddAsync(PaymentLedgerFixture.Region);

        var batch = await store.GetBatchAsync(new DateOnly(2025, 12, 1), null, CancellationToken.None);

        Assert.That(batch.IsEmpty, Is.True);
        Assert.That((batch.Lines.Count, batch.Providers.Count, batch.Declarations.Count), Is.EqualTo((0, 0, 0)));
        Assert.That((batch.DebitCents, batch.CreditCents, batch.LedgerNetCents, batch.ToegekendCents, batch.Reconciles), Is.EqualTo((0L, 0L, 0L, 0L, true)));
    }
}
