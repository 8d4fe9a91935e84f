using Backoffice.Core.Reference;
using Backoffice.Data.Reference;
using Dapper;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Reference;

/// <summary>The product catalogue and the contract lines in <see cref="ReferenceStore"/>: versions, the checks against the stored data, the read API.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class ReferenceStoreCatalogueTests(DatabaseProvider provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Jan2026 = new(2026, 1, 1);
    private static readonly DateOnly Dec2026 = new(2026, 12, 31);

    private const string Brug = "42420001";
    private const string Anker = "98760004";

    private TestDatabase database = null!;
    private ReferenceStore store = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = await TestDatabase.CreateAsync(provider);
        store = new ReferenceStore(database.Connections);
        await ImportAsync(new ReferenceBatch(ReferenceKind.Providers, Sha('f'), T0, [new ProviderRow(2, Brug, "De Brug"), new ProviderRow(3, Anker, "Het Anker")]), 'f');
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
    public async Task Products_become_versions_and_the_current_catalogue_reads_them_back()
    {
        var hours = Hour(2, "01A01");
        var arrangement = Arrangement(3, "02M11", "ARR-3-4-ONT-PLUS");

        var result = await ImportAsync(Products(hours, arrangement));

        Assert.That((result.Applied, result.New, result.Changed), Is.EqualTo((true, 2, 0)));
        Assert.That(await store.CurrentProductsAsync(CancellationToken.None), Is.EqualTo(new[] { hours.AsVersion(1), arrangement.AsVersion(1) }));
        Assert.That(await ImportKindAsync(), Is.EqualTo(new[] { "providers", "products" }));
    }

    [Test]
    public async Task Importing_the_same_products_and_contracts_again_changes_nothing()
    {
        await ImportAsync(Products(Hour(2, "01A01"), Arrangement(3, "02M11", "ARR-3-4-ONT-PLUS")));
        await ImportAsync(Contracts(Contract(2, Brug, "01A01"), Contract(3, Brug, "02M11", "02")));
        var before = await CountAsync("reference_import");

        var products = await ImportAsync(Products(Hour(2, "01A01"), Arrangement(3, "02M11", "ARR-3-4-ONT-PLUS")), 'b');
        var contracts = await ImportAsync(Contracts(Contract(2, Brug, "01A01"), Contract(3, Brug, "02M11", "02")), 'b');

        Assert.That(new[] { products, contracts }.Select(r => (r.Applied, r.VersionsAdded, r.Unchanged, r.ImportId)), Is.All.EqualTo((true, 0, 2, (long?)null)));
        Assert.That(await CountAsync("reference_import"), Is.EqualTo(before));
    }

    [Test]
    public async Task A_changed_product_adds_the_next_version_and_the_catalogue_shows_only_the_current_one()
    {
        await ImportAsync(Products(Hour(2, "01A01")));
        var changed = Hour(2, "01A01") with { Description = "Huishoudelijke hulp (uur), geindexeerd", Einddatum = new DateOnly(2027, 12, 31) };

        var result = await ImportAsync(Products(changed), 'b');

        Assert.That((result.New, result.Changed), Is.EqualTo((0, 1)));
        Assert.That(await store.CurrentProductsAsync(CancellationToken.None), Is.EqualTo(new[] { changed.AsVersion(2) }));
        Assert.That(await CountAsync("product_version WHERE product_code = '01A01' AND is_current = 0 AND version = 1"), Is.EqualTo(1), "the old version is kept");
    }

    [Test]
    public async Task An_arrangement_code_names_one_current_product()
    {
        await ImportAsync(Products(Arrangement(2, "02M11", "ARR-3-4-ONT-PLUS")));

        var taken = await ImportAsync(Products(Arrangement(4, "02M12", "ARR-3-4-ONT-PLUS")), 'b');
        var twice = await ImportAsync(Products(Arrangement(2, "02M13", "ARR-X"), Arrangement(5, "02M14", "ARR-X")), 'c');

        Assert.That(taken.Rejected.Select(p => (p.Line, p.Column)), Is.EqualTo(new[] { (4, (string?)"arrangement_code") }));
        Assert.That(taken.Rejected[0].Reason, Does.StartWith("another current product has this arrangement code"));
        Assert.That(twice.Rejected.Select(p => p.ToString()), Is.EqualTo(new[] { "line 5: arrangement_code: the same arrangement code as line 2; an arrangement names one product" }));
        Assert.That(await CountAsync("product_version"), Is.EqualTo(1));
    }

    [Test]
    public async Task An_arrangement_code_may_move_to_another_product_in_one_file_whatever_the_line_order()
    {
        await ImportAsync(Products(Arrangement(2, "02M11", "ARR-A"), Arrangement(3, "02M12", "ARR-B")));

        // The product taking ARR-A comes first, before the line that frees it.
        var result = await ImportAsync(Products(Arrangement(2, "02M12", "ARR-A"), Arrangement(3, "02M11", "ARR-B")), 'b');

        Assert.That((result.Applied, result.Changed), Is.EqualTo((true, 2)));
        var current = await store.CurrentProductsAsync(CancellationToken.None);
        Assert.That(current.Select(p => (p.ProductCode, p.ArrangementCode, p.Version)), Is.EqualTo(new[] { ("02M11", (string?)"ARR-B", 2), ("02M12", "ARR-A", 2) }));
    }

    [Test]
    public async Task A_contract_needs_a_known_provider_and_a_product_of_the_catalogue_in_its_category()
    {
        await ImportAsync(Products(Hour(2, "01A01")));

        var result = await ImportAsync(Contracts(
            Contract(2, Brug, "01A01"),
            Contract(3, "65656055", "01A01"),
            Contract(4, Brug, "01A99"),
            Contract(5, Brug, "01A01", categorie: "03")));

        Assert.That(result.Rejected.Select(p => (p.Line, p.Column)), Is.EqualTo(new[] { (3, (string?)"provider"), (4, "product_code"), (5, "product_code") }));
        Assert.That(result.Rejected[0].Reason, Does.StartWith("not a provider this backoffice knows"));
        Assert.That(result.Rejected[1].Reason, Does.StartWith("not a product of the catalogue"));
        Assert.That(await CountAsync("contract_version"), Is.Zero, "the good line 2 is not applied either");
    }

    [Test]
    public async Task Overlapping_periods_of_one_provider_and_product_are_refused_in_the_file_and_against_the_stored_lines()
    {
        await ImportAsync(Products(Hour(2, "01A01"), Hour(3, "01A02")));
        await ImportAsync(Contracts(Contract(2, Brug, "01A01", begin: new DateOnly(2025, 1, 1), end: new DateOnly(2025, 12, 31))));

        var result = await ImportAsync(
            Contracts(
                Contract(2, Brug, "01A01", begin: Jan2026, end: null),
                Contract(3, Brug, "01A01", begin: new DateOnly(2027, 1, 1), end: new DateOnly(2027, 12, 31)),
                Contract(4, Brug, "01A01", begin: new DateOnly(2024, 7, 1), end: new DateOnly(2025, 1, 1)),
                Contract(5, Anker, "01A01", begin: new DateOnly(2025, 6, 1), end: null),
                Contract(6, Brug, "01A02", begin: new DateOnly(2025, 6, 1), end: null)),
            'b');

        Assert.That(result.Rejected.Select(p => p.ToString()), Is.EqualTo(new[]
        {
            "line 3: begindatum: the period overlaps line 2 (the same provider and product)",
            "line 4: begindatum: the period overlaps a current contract line of this provider and product; end that one first (its einddatum, in the same file)",
        }));
        Assert.That(await CountAsync("contract_version"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_contract_line_ended_in_the_same_file_makes_room_for_the_next_period()
    {
        await ImportAsync(Products(Hour(2, "01A01")));
        await ImportAsync(Contracts(Contract(2, Brug, "01A01", begin: new DateOnly(2025, 1, 1), end: null)));

        var result = await ImportAsync(
            Contracts(
                Contract(2, Brug, "01A01", begin: new DateOnly(2025, 1, 1), end: new DateOnly(2025, 12, 31)),
                Contract(3, Brug, "01A01", begin: Jan2026, end: Dec2026) with { TariffCents = 3380 }),
            'b');

        Assert.That((result.Applied, result.New, result.Changed), Is.EqualTo((true, 1, 1)));
    }

    [Test]
    public async Task A_providers_contract_lines_are_read_back_with_every_version()
    {
        await ImportAsync(Products(Hour(2, "01A01"), Arrangement(3, "02M11", "ARR-3-4-ONT-PLUS")));
        var hours = Contract(2, Brug, "01A01");
        var monthly = Contract(3, Brug, "02M11", "02") with { TariffCents = 87750, Eenheid = "82", PartialMonthInFull = true };
        var other = Contract(4, Anker, "01A01");
        await ImportAsync(Contracts(hours, monthly, other));
        var indexed = hours with { TariffCents = 3500 };
        await ImportAsync(Contracts(indexed), 'b');

        var contracts = await store.ContractsOfProviderAsync(Brug, CancellationToken.None);

        Assert.That(contracts, Is.EqualTo(new[] { hours.AsVersion(1), indexed.AsVersion(2), monthly.AsVersion(1) }));
        Assert.That(await store.ContractsOfProviderAsync(Anker, CancellationToken.None), Is.EqualTo(new[] { other.AsVersion(1) }));
        Assert.That(await store.ContractsOfProviderAsync("65656055", CancellationToken.None), Is.Empty);
        Assert.That(await store.ContractsOfProviderAsync("4242000", CancellationToken.None), Is.Empty, "a malformed code finds nothing");
        Assert.That(await CountAsync("contract_version WHERE is_current = 1"), Is.EqualTo(3));
    }

    [Test]
    public async Task The_catalogue_and_contracts_are_read_inside_a_callers_transaction()
    {
        await ImportAsync(Products(Hour(2, "01A01")));
        await ImportAsync(Contracts(Contract(2, Brug, "01A01")));

        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("UPDATE contract_version SET tariff_cents = 1", transaction: transaction);

        Assert.That(await store.CurrentProductsAsync(transaction, CancellationToken.None), Has.Count.EqualTo(1));
        Assert.That((await store.ContractsOfProviderAsync(transaction, Brug, CancellationToken.None)).Single().TariffCents, Is.EqualTo(1), "the caller's own uncommitted write");
        await transaction.RollbackAsync();
    }

    [Test]
    public void A_product_or_contract_the_parser_should_have_refused_is_a_bug()
    {
        Assert.That(() => ImportAsync(Products(Hour(2, "01A01") with { Eenheid = "05" })), Throws.ArgumentException, "no WJ756 code");
        Assert.That(() => ImportAsync(Products(Hour(2, "01A01") with { Frequentie = "3" })), Throws.ArgumentException, "no WMO757 code");
        Assert.That(() => ImportAsync(Contracts(Contract(2, Brug, "01A01") with { TariffCents = -1 })), Throws.ArgumentException, "a negative tariff");
        Assert.That(() => ImportAsync(Contracts(Contract(2, Brug, "01A01", begin: Dec2026, end: Jan2026))), Throws.ArgumentException, "an end before the begin");
    }

    private static string Sha(char fill) => new(fill, 64);

    private static ProductRow Hour(int line, string code) =>
        new(line, code[..2], code, "Huishoudelijke hulp (uur)", "04", "2", FinancingForm.Inspanningsgericht, null, new DateOnly(2023, 1, 1), null);

    private static ProductRow Arrangement(int line, string code, string arrangement) =>
        new(line, code[..2], code, "Arrangement (maand)", "82", "4", FinancingForm.Outputgericht, arrangement, Jan2026, null);

    private static ContractRow Contract(int line, string agb, string code, string? categorie = null, DateOnly? begin = null, DateOnly? end = default) =>
        new(line, agb, categorie ?? code[..2], code, begin ?? Jan2026, begin is null && end is null ? Dec2026 : end, 3250, "04", false);

    private static ReferenceBatch Products(params ProductRow[] rows) => new(ReferenceKind.Products, Sha('a'), T0, rows);

    private static ReferenceBatch Contracts(params ContractRow[] rows) => new(ReferenceKind.Contracts, Sha('a'), T0, rows);

    private Task<ReferenceImportResult> ImportAsync(ReferenceBatch batch, char sha = 'a') =>
        store.ImportAsync(batch with { FileSha256 = Sha(sha) }, CancellationToken.None);

    private async Task<long> CountAsync(string fromWhere)
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM " + fromWhere);
    }

    private async Task<IEnumerable<string>> ImportKindAsync()
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        return await connection.QueryAsync<string>("SELECT kind FROM reference_import ORDER BY id");
    }
}
