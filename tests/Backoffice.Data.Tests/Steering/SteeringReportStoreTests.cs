using Backoffice.Core.Reference;
using Backoffice.Data.Intake;
using Backoffice.Data.Reference;
using Backoffice.Data.Steering;
using Backoffice.Data.Tests.Payments;
using Dapper;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Steering;

/// <summary>
/// The steering figures on a small region whose every number is worked out by hand in the
/// comments: four clients (A to D), two municipalities, two providers, ledger rows in and out of the
/// period (2026-01 to 2026-02), a credit that takes a client's net to zero, allocations that are
/// shortened, followed by another cell or given another product in a new version, and stops with
/// RedenBeeindiging 19, 23, a temporary 20 and one deleted again. On SQLite and SQL Server.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class SteeringReportStoreTests(DatabaseProvider provider)
{
    // Fictitious clients; only counts of them may leave the store.
    private const string A = "999900006";
    private const string B = "999900031";
    private const string C = "999900043";
    private const string D = "999900055";

    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly SteeringSelection JanuaryToFebruary = new(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), [], null);

    private TestDatabase database = null!;
    private SteeringReportStore store = null!;
    private int messages;

    [SetUp]
    public async Task SetUp()
    {
        database = await TestDatabase.CreateAsync(provider);
        store = new SteeringReportStore(database.Connections);
        var reference = new ReferenceStore(database.Connections);
        await reference.ImportAsync(new ReferenceBatch(ReferenceKind.Municipalities, new string('a', 64), T0, [new MunicipalityRow(2, "0363", "Amsterdam"), new MunicipalityRow(3, "0384", "Diemen")]), CancellationToken.None);
        await reference.ImportAsync(new ReferenceBatch(ReferenceKind.Providers, new string('b', 64), T0, [new ProviderRow(2, "42420001", "Zorg Een"), new ProviderRow(3, "65656055", "Hulp Twee")]), CancellationToken.None);
        await reference.ImportAsync(new ReferenceBatch(ReferenceKind.Products, new string('c', 64), T0,
        [
            Product(2, "02", "02M01", "ARR-1-2-BEH-GEM"),
            Product(3, "02", "02M08", "ARR-3-4-BEH-PLUS"),
            Product(4, "02", "02M15", "ARR-5-BEH-PLUSPLUS"),
            Product(5, "10", "10I01", "IWO-BEP-ACT-GEM"),
            Product(6, "01", "01A01", null),
        ]), CancellationToken.None);
        await AddRegionAsync();
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
    public async Task Clients_and_spend_per_municipality_and_cell_count_a_client_once_per_group_when_their_net_is_above_zero()
    {
        var f = await store.ReadAsync(JanuaryToFebruary, CancellationToken.None);

        // 0363 in the period: A 78000 + 78000 (02M08), B 78000 - 78000 (credited: net 0, no client),
        // C 3380 (01A01); A's 5000 delivered in 2025-12 is outside. Clients A, C = 2; spend
        // 156000 + 0 + 3380 = 159380; 5 ledger rows. 0384: D 26000, C 27300 (C counts here too);
        // D's 156000 of 2026-03 is outside and the rejected line is not in the ledger: 2 / 53300 / 2.
        Assert.That(f.Municipalities.Select(m => (m.Municipality, m.Name, m.Figures)), Is.EqualTo(new[]
        {
            ("0363", (string?)"Amsterdam", new ClientSpend(2, 159_380, 5)),
            ("0384", "Diemen", new ClientSpend(2, 53_300, 2)),
        }));

        // Distinct clients over the selection: A 156000, C 3380 + 27300 = 30680, D 26000 (B 0): 3;
        // spend 159380 + 53300 = 212680.
        Assert.That(f.Total, Is.EqualTo(new ClientSpend(3, 212_680, 7)));

        // Cells: ARR-1-2-BEH-GEM D 26000; ARR-3-4-BEH-PLUS A 156000 (B nets 0); IWO-BEP-ACT-GEM C
        // 27300; the hour product 01A01 is its own cell, C 3380. Arrangements first, then products.
        Assert.That(f.Cells.Select(c => (c.Key.Label, c.Figures.Clients, c.Figures.SpendCents)), Is.EqualTo(new[]
        {
            ("ARR-1-2-BEH-GEM", 1, 26_000L),
            ("ARR-3-4-BEH-PLUS", 1, 156_000L),
            ("IWO-BEP-ACT-GEM", 1, 27_300L),
            ("01 01A01", 1, 3_380L),
        }));
        Assert.That(f.Cells[0].Description, Is.EqualTo("Product 02M01"));
    }

    [Test]
    public async Task Providers_are_ranked_by_spend_with_their_cumulative_share_and_the_small_provider_tail()
    {
        var f = await store.ReadAsync(JanuaryToFebruary, CancellationToken.None);
        var c = f.Concentration;

        // 42420001: A 156000, B 0, C 3380 = 159380, 2 clients; 65656055: C 27300 + D 26000 = 53300, 2.
        // Rank 1 carries 159380 / 212680 = 74.94 % (rounds to 75 < 80), rank 2 100 %: N(80) = N(90) = 2.
        Assert.That(c.Ranked.Select(r => (r.Rank, r.Provider.Provider, r.Provider.Figures.Clients, r.Provider.Figures.SpendCents, r.CumulativeCents, r.CumulativePercent)), Is.EqualTo(new[]
        {
            (1, "42420001", 2, 159_380L, 159_380L, 75L),
            (2, "65656055", 2, 53_300L, 212_680L, 100L),
        }));
        Assert.That(c.Ranked[0].CumulativeShare, Is.EqualTo(159_380d / 212_680d));
        Assert.That((c.Carrying(80)?.Rank, c.Carrying(90)?.Rank), Is.EqualTo((2, 2)));

        // Both have fewer than 7 clients: the tail is 2 providers with all 212680.
        Assert.That((c.Small.Count, c.Small.Sum(s => s.Provider.Figures.SpendCents)), Is.EqualTo((2, 212_680L)));
    }

    [Test]
    public async Task Weight_and_intensity_are_counted_per_model_from_the_parsed_arrangement_codes()
    {
        var f = await store.ReadAsync(JanuaryToFebruary, CancellationToken.None);

        // ARR: D 26000 in 1-2 GEM (weight 1, intensity 1), A 156000 in 3-4 PLUS (weight 2, intensity 2);
        // B nets 0. The model: 2 clients, 182000. IWO: C 27300 in BEP GEM (weight 1, intensity 1).
        Assert.That(f.Dimensions.Select(d => (d.Model.Prefix, d.Dimension, d.Token, d.Figures.Clients, d.Figures.SpendCents, d.ModelFigures.Clients, d.ModelFigures.SpendCents)), Is.EqualTo(new[]
        {
            ("ARR", "weight", "1-2", 1, 26_000L, 2, 182_000L),
            ("ARR", "weight", "3-4", 1, 156_000L, 2, 182_000L),
            ("ARR", "intensity", "GEM", 1, 26_000L, 2, 182_000L),
            ("ARR", "intensity", "PLUS", 1, 156_000L, 2, 182_000L),
            ("IWO", "weight", "BEP", 1, 27_300L, 1, 27_300L),
            ("IWO", "intensity", "GEM", 1, 27_300L, 1, 27_300L),
        }));
    }

    [Test]
    public async Task Movements_between_cells_are_the_next_allocation_from_the_day_after_and_a_new_version_with_another_product()
    {
        var f = await store.ReadAsync(JanuaryToFebruary, CancellationToken.None);

        // A: 1001 (3-4 PLUS) shortened by its second version to end 2026-01-31, 1002 (1-2 GEM) from
        // 2026-02-01: weight 2 -> 1, intensity 2 -> 1, afschalen (its first version, ending in June,
        // would have matched nothing). B: 1003 (1-2 GEM) ends 2026-01-15, 1004 (5 PLUSPLUS) from
        // 2026-01-16: opschalen. D: 2001 version 2 names 10I01 instead of 02M01, from 2026-01-01:
        // across models, lateral. C's 01A01 -> 02M08 starts 2026-03-01, after the period: not counted.
        Assert.That(f.Movements.Select(m => (m.From.Label, m.To.Label, m.Direction, m.ByNextAllocation, m.ByNewVersion)), Is.EqualTo(new[]
        {
            ("ARR-1-2-BEH-GEM", "ARR-5-BEH-PLUSPLUS", CellMovement.Opschalen, 1, 0),
            ("ARR-1-2-BEH-GEM", "IWO-BEP-ACT-GEM", CellMovement.Lateral, 0, 1),
            ("ARR-3-4-BEH-PLUS", "ARR-1-2-BEH-GEM", CellMovement.Afschalen, 1, 0),
        }));
    }

    [Test]
    public async Task Durations_run_from_the_first_allocated_day_to_the_last_or_the_period_end()
    {
        var f = await store.ReadAsync(JanuaryToFebruary, CancellationToken.None);

        // Current versions overlapping 2026-01-01..2026-02-28, per client and cell:
        //   A 3-4 PLUS  2025-07-01..2026-01-31          -> 7 whole months            = 7.00
        //   A 1-2 GEM   2026-02-01..open (2026-02-28)   -> 1 month, running          = 1.00
        //   B 1-2 GEM   2025-01-01..2026-01-15          -> 12 months + 15/31         = 12.48
        //   B 5 PLUSPLUS 2026-01-16..2026-12-31 (02-28) -> 1 month + 13/28, running  = 1.46
        //   D IWO BEP   2026-01-01..2026-06-30 (02-28)  -> 2 months, running (v2; v1's 02M01 is no longer current) = 2.00
        //   C 01A01     2026-02-01..2026-02-28          -> 1 month, ended at the period end = 1.00
        //   (C's 02M08 from 2026-03-01 has no day in the period.)
        // Sorted 1.00 1.00 1.46 2.00 7.00 12.48: median (1.46 + 2.00) / 2 = 1.73; mean 24.94 / 6 = 4.16.
        var total = f.Durations.Total;
        Assert.That((total.Trajectories, total.Running, total.MeanMonths, total.MedianMonths), Is.EqualTo((6, 3, 4.16m, 1.73m)));
        Assert.That(total.Buckets, Is.EqualTo(new[] { 4, 0, 1, 1, 0 }));
        Assert.That(f.Durations.Cells.Select(c => (c.Cell.Label, c.Summary.Trajectories, c.Summary.Running, c.Summary.MeanMonths, c.Summary.MedianMonths)), Is.EqualTo(new[]
        {
            ("ARR-1-2-BEH-GEM", 2, 1, 6.74m, 6.74m),
            ("ARR-3-4-BEH-PLUS", 1, 0, 7.00m, 7.00m),
            ("ARR-5-BEH-PLUSPLUS", 1, 1, 1.46m, 1.46m),
            ("IWO-BEP-ACT-GEM", 1, 1, 2.00m, 2.00m),
            ("01 01A01", 1, 0, 1.00m, 1.00m),
        }));
    }

    [Test]
    public async Task Outflow_counts_definitive_stops_of_the_period_per_reason_with_19_as_goal_realisation()
    {
        var f = await store.ReadAsync(JanuaryToFebruary, CancellationToken.None);

        // Stops ending in the period: A 23 (2026-01-31), B 19 (2026-01-15), C 19 (2026-02-28).
        // Not outflow: D's temporary stop (20), B's 21 deleted by a later message (status 3), A's 19 of 2025-12-31.
        Assert.That(f.Outflow, Is.EqualTo(new[] { new OutflowFigure("19", 2, 2), new OutflowFigure("23", 1, 1) }));
        Assert.That(f.OutflowClients, Is.EqualTo(3), "A, B and C; goal realisation 2 of 3");
    }

    [Test]
    public async Task The_municipality_and_provider_filters_narrow_every_figure()
    {
        var diemen = await store.ReadAsync(JanuaryToFebruary with { Municipalities = ["0384"] }, CancellationToken.None);

        // 0384 only: C 27300 and D 26000.
        Assert.That(diemen.Municipalities.Select(m => m.Municipality), Is.EqualTo(new[] { "0384" }));
        Assert.That(diemen.Total, Is.EqualTo(new ClientSpend(2, 53_300, 2)));
        Assert.That(diemen.Movements.Select(m => m.To.Label), Is.EqualTo(new[] { "IWO-BEP-ACT-GEM" }));
        Assert.That(diemen.OutflowClients, Is.Zero, "D's only stop was temporary");

        var zorgEen = await store.ReadAsync(JanuaryToFebruary with { Provider = "42420001" }, CancellationToken.None);

        // 42420001 only: A 156000, B 0, C 3380.
        Assert.That(zorgEen.Total, Is.EqualTo(new ClientSpend(2, 159_380, 5)));
        Assert.That(zorgEen.Providers.Select(p => p.Provider), Is.EqualTo(new[] { "42420001" }));
        Assert.That(zorgEen.Durations.Total.Trajectories, Is.EqualTo(5), "D's trajectory is at the other provider");
    }

    [Test]
    public async Task An_empty_period_has_zero_figures_and_still_lists_the_served_municipalities()
    {
        var f = await store.ReadAsync(new SteeringSelection(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 1), [], null), CancellationToken.None);

        Assert.That(f.Municipalities.Select(m => (m.Municipality, m.Figures)), Is.EqualTo(new[] { ("0363", ClientSpend.None), ("0384", ClientSpend.None) }));
        Assert.That((f.Total, f.Cells.Count, f.Providers.Count, f.Concentration.Carrying(80)), Is.EqualTo((ClientSpend.None, 0, 0, (RankedProvider?)null)));
    }

    private static ProductRow Product(int line, string categorie, string code, string? arrangement) =>
        new(line, categorie, code, "Product " + code, "82", "4", FinancingForm.Outputgericht, arrangement, new DateOnly(2020, 1, 1), null);

    private async Task AddRegionAsync()
    {
        var ledger = new PaymentLedgerFixture(database.Connections);
        await ledger.AddAsync(
        [
            new("0363", "42420001", "2026-01",
            [
                new("02", "02M08", "2026-01", 78_000, Bsn: A),
                new("02", "02M08", "2026-01", 78_000, Bsn: B),
                new("01", "01A01", "2025-12", 5_000, Bsn: A),
            ]),
            new("0363", "42420001", "2026-02",
            [
                new("02", "02M08", "2026-02", 78_000, Bsn: A),
                new("02", "02M08", "2026-01", -78_000, Bsn: B),
                new("01", "01A01", "2026-02", 3_380, Bsn: C),
            ]),
            new("0384", "65656055", "2026-02",
            [
                new("02", "02M01", "2026-02", 26_000, Bsn: D),
                new("10", "10I01", "2026-02", 27_300, Bsn: C),
                new("02", "02M15", "2026-03", 156_000, Bsn: D),
                new("02", "02M01", "2026-02", 26_000, Approved: false, Bsn: D),
            ]),
        ]);

        await Allocation("0363", "42420001", A, 1001, "02", "02M08", "2025-06-20", "2025-07-01", "2026-06-30");
        await Allocation("0363", "42420001", A, 1001, "02", "02M08", "2026-01-20", "2025-07-01", "2026-01-31");
        await Allocation("0363", "42420001", A, 1002, "02", "02M01", "2026-01-20", "2026-02-01", null);
        await Allocation("0363", "42420001", B, 1003, "02", "02M01", "2024-12-10", "2025-01-01", "2026-01-15");
        await Allocation("0363", "42420001", B, 1004, "02", "02M15", "2026-01-10", "2026-01-16", "2026-12-31");
        await Allocation("0363", "42420001", C, 1005, "01", "01A01", "2026-01-25", "2026-02-01", "2026-02-28");
        await Allocation("0363", "42420001", C, 1006, "02", "02M08", "2026-02-20", "2026-03-01", null);
        await Allocation("0384", "65656055", D, 2001, "02", "02M01", "2025-12-15", "2026-01-01", "2026-06-30");
        await Allocation("0384", "65656055", D, 2001, "10", "10I01", "2026-02-10", "2026-01-01", "2026-06-30");

        var stops = await NewMessageAsync();
        await Stop(stops, "0363", "42420001", A, 1001, "02", "02M08", "2025-07-01", "23", "2026-01-31", "1");
        await Stop(stops, "0363", "42420001", B, 1003, "02", "02M01", "2025-01-01", "19", "2026-01-15", "1");
        await Stop(stops, "0363", "42420001", C, 1005, "01", "01A01", "2026-02-01", "19", "2026-02-28", "1");
        await Stop(stops, "0384", "65656055", D, 2001, "10", "10I01", "2026-01-01", "20", "2026-02-10", "1");
        await Stop(stops, "0363", "42420001", B, 1004, "02", "02M15", "2026-01-16", "21", "2026-02-05", "1");
        await Stop(stops, "0363", "42420001", A, 999, "01", "01A01", "2025-01-01", "19", "2025-12-31", "1");
        var deletion = await NewMessageAsync();
        await Stop(deletion, "0363", "42420001", B, 1004, "02", "02M15", "2026-01-16", "21", "2026-02-05", "3");
    }

    private async Task<long> NewMessageAsync()
    {
        var number = ++messages;
        using var bytes = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"<steering-fixture n=\"{number}\"/>"));
        var receipt = await new MessageIntakeStore(database.Connections).ReceiveAsync(bytes, new IntakeSource("inbox", $"fixture-{number}.xml", T0), CancellationToken.None);
        return receipt.MessageId;
    }

    private async Task Allocation(string municipality, string provider, string bsn, int nummer, string categorie, string code, string toewijzingsdatum, string ingang, string? einde)
    {
        var message = await NewMessageAsync();
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("""
            INSERT INTO allocation_version (message_id, municipality, provider, bsn, toewijzing_nummer, product_categorie, product_code,
                                            toewijzingsdatum, toewijzingstijd, ingangsdatum, einddatum, backing, recorded_at)
            VALUES (@message, @municipality, @provider, @bsn, @nummer, @categorie, @code, @toewijzingsdatum, '12:00:00', @ingang, @einde, 'unbacked', @at);
            """, new { message, municipality, provider, bsn, nummer, categorie, code, toewijzingsdatum, ingang, einde, at = T0.UtcDateTime });
    }

    private async Task Stop(long message, string municipality, string provider, string bsn, int nummer, string categorie, string code, string begin, string reason, string einde, string status)
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        await connection.ExecuteAsync("""
            INSERT INTO care_line (message_id, kind, municipality, provider, bsn, toewijzing_nummer, product_categorie, product_code,
                                   begindatum, einddatum, reden_beeindiging, status_aanlevering, recorded_at)
            VALUES (@message, 'stop', @municipality, @provider, @bsn, @nummer, @categorie, @code, @begin, @einde, @reason, @status, @at);
            """, new { message, municipality, provider, bsn, nummer, categorie, code, begin, einde, reason, status, at = T0.UtcDateTime });
    }
}
