using Backoffice.Core.Register;
using Backoffice.Data.Reference;
using Dapper;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Reference;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class ReferenceStoreTests(DatabaseProvider provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    // Fictitious test BSNs that pass the 11-proef (the reference samples use the first two).
    private const string ClientA = "999900006";
    private const string ClientB = "999900018";

    private TestDatabase database = null!;
    private ReferenceStore store = null!;

    [SetUp]
    public async Task SetUp()
    {
        database = await TestDatabase.CreateAsync(provider);
        store = new ReferenceStore(database.Connections);
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
    public async Task New_rows_become_version_1_each_under_one_import_row()
    {
        var result = await ImportAsync(Municipalities(("0384", "Diemen"), ("0363", "Amsterdam")));

        Assert.That(result.Applied, Is.True);
        Assert.That((result.RowsRead, result.New, result.Changed, result.Unchanged, result.VersionsAdded), Is.EqualTo((2, 2, 0, 0, 2)));
        Assert.That(result.ImportId, Is.Not.Null);
        Assert.That(await CountAsync("municipality_version WHERE version = 1 AND is_current = 1"), Is.EqualTo(2));
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var import = await connection.QuerySingleAsync<(string Kind, string Sha, long Rows, long Added)>(
            "SELECT kind, file_sha256, CAST(row_count AS bigint), CAST(versions_added AS bigint) FROM reference_import");
        Assert.That(import, Is.EqualTo(("municipalities", Sha('a'), 2L, 2L)));
        Assert.That(
            await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM municipality_version WHERE import_id = @id", new { id = result.ImportId }),
            Is.EqualTo(2));
    }

    [Test]
    public async Task Importing_the_same_rows_again_changes_nothing_and_writes_no_import_row()
    {
        await ImportAsync(Municipalities(("0384", "Diemen"), ("0363", "Amsterdam")));
        await ImportAsync(Providers(("42420001", "Zorg Eén"), ("65656055", "Thuishulp Twee")));
        await ImportAsync(Indications(Indication(2, "1001", ClientA), Indication(3, "1002", ClientB)));
        var before = await SnapshotAsync();

        var again = new[]
        {
            await ImportAsync(Municipalities(("0384", "Diemen"), ("0363", "Amsterdam")), 'b'),
            await ImportAsync(Providers(("42420001", "Zorg Eén"), ("65656055", "Thuishulp Twee")), 'b'),
            await ImportAsync(Indications(Indication(2, "1001", ClientA), Indication(3, "1002", ClientB)), 'b'),
        };

        Assert.That(again.Select(r => (r.Applied, r.RowsRead, r.VersionsAdded, r.Unchanged, r.ImportId)), Is.All.EqualTo((true, 2, 0, 2, (long?)null)));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before));
    }

    [Test]
    public async Task A_changed_row_adds_the_next_version_and_the_old_one_is_no_longer_current()
    {
        await ImportAsync(Municipalities(("0384", "Diemen"), ("0363", "Amsterdam")));

        var result = await ImportAsync(Municipalities(("0384", "Gemeente Diemen"), ("0363", "Amsterdam")), 'b');

        Assert.That((result.New, result.Changed, result.Unchanged), Is.EqualTo((0, 1, 1)));
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var versions = (await connection.QueryAsync<(long Version, string Name, long Current)>(
            "SELECT CAST(version AS bigint), name, CAST(is_current AS bigint) FROM municipality_version WHERE cbs_code = '0384' ORDER BY version")).ToList();
        Assert.That(versions, Is.EqualTo(new[] { (1L, "Diemen", 0L), (2L, "Gemeente Diemen", 1L) }), "the old version is kept, never overwritten");
        Assert.That((await store.GetPartiesAsync("0384", "42420001", CancellationToken.None)).MunicipalityName, Is.EqualTo("Gemeente Diemen"));
        Assert.That(await CountAsync("reference_import"), Is.EqualTo(2));
    }

    [Test]
    public async Task Changing_a_row_back_adds_a_third_version_rather_than_reviving_the_first()
    {
        await ImportAsync(Providers(("42420001", "Zorg Eén")));
        await ImportAsync(Providers(("42420001", "Zorg Twee")), 'b');

        var result = await ImportAsync(Providers(("42420001", "Zorg Eén")), 'c');

        Assert.That(result.Changed, Is.EqualTo(1));
        Assert.That(await CountAsync("provider_version WHERE agb_code = '42420001'"), Is.EqualTo(3));
        Assert.That(await CountAsync("provider_version WHERE agb_code = '42420001' AND is_current = 1 AND version = 3"), Is.EqualTo(1));
    }

    [Test]
    public async Task A_key_the_file_leaves_out_keeps_its_current_version()
    {
        await ImportAsync(Municipalities(("0384", "Diemen"), ("0363", "Amsterdam")));

        var result = await ImportAsync(Municipalities(("0363", "Amsterdam"), ("0362", "Amstelveen")), 'b');

        Assert.That((result.New, result.Unchanged), Is.EqualTo((1, 1)));
        Assert.That(await store.IsServedMunicipalityAsync("0384", CancellationToken.None), Is.True, "absent from the file is not removed");
        Assert.That(await CountAsync("municipality_version WHERE is_current = 1"), Is.EqualTo(3));
    }

    [Test]
    public async Task A_changed_indication_gets_a_new_version_with_its_fields()
    {
        await ImportAsync(Municipalities(("0384", "Diemen")));
        await ImportAsync(Indications(Indication(2, "1001", ClientA)));

        var withdrawn = Indication(2, "1001", ClientA) with { Status = IndicationStatus.Withdrawn, Einddatum = new DateOnly(2023, 6, 30) };
        var result = await ImportAsync(Indications(withdrawn), 'b');

        Assert.That(result.Changed, Is.EqualTo(1));
        var current = await store.CurrentIndicationsAsync("0384", ClientA, CancellationToken.None);
        Assert.That(current, Is.EqualTo(new[] { withdrawn.AsVersion(2) }));
    }

    [Test]
    public async Task One_bad_indication_rejects_the_whole_file_and_writes_nothing()
    {
        await ImportAsync(Municipalities(("0384", "Diemen")));
        await ImportAsync(Indications(Indication(2, "1001", ClientA)));
        var before = await SnapshotAsync();

        var result = await ImportAsync(
            Indications(
                Indication(2, "1001", ClientA) with { Status = IndicationStatus.Superseded },
                Indication(3, "1002", ClientB),
                Indication(4, "1003", ClientB) with { Municipality = "0999" }),
            'b');

        Assert.That(result.Applied, Is.False);
        Assert.That(result.Rejected, Is.EqualTo(new[] { new ReferenceProblem(4, "municipality", result.Rejected[0].Reason) }));
        Assert.That(result.Rejected[0].ToString(), Does.StartWith("line 4: municipality: not a municipality this backoffice serves"));
        Assert.That((result.VersionsAdded, result.ImportId), Is.EqualTo((0, (long?)null)));
        Assert.That(await SnapshotAsync(), Is.EqualTo(before), "nothing of the good rows was applied");
    }

    [Test]
    public async Task An_indication_never_moves_to_another_municipality_or_client()
    {
        await ImportAsync(Municipalities(("0384", "Diemen"), ("0363", "Amsterdam")));
        await ImportAsync(Indications(Indication(2, "1001", ClientA)));

        var moved = await ImportAsync(Indications(Indication(5, "1001", ClientA) with { Municipality = "0363" }), 'b');
        var otherClient = await ImportAsync(Indications(Indication(6, "1001", ClientB)), 'c');

        Assert.That(moved.Rejected.Select(p => (p.Line, p.Column)), Is.EqualTo(new[] { (5, (string?)"municipality") }));
        Assert.That(otherClient.Rejected.Select(p => (p.Line, p.Column)), Is.EqualTo(new[] { (6, (string?)"bsn") }));
        Assert.That(otherClient.Rejected[0].Reason, Does.Not.Contain(ClientA).And.Not.Contain(ClientB), "a reason never quotes a BSN");
        Assert.That(await CountAsync("indication_version"), Is.EqualTo(1));
    }

    [Test]
    public async Task Parties_are_found_by_their_current_versions_and_a_malformed_code_is_unknown()
    {
        Assert.That(await store.AnyMunicipalitiesAsync(CancellationToken.None), Is.False);
        await ImportAsync(Municipalities(("0384", "Diemen")));
        await ImportAsync(Providers(("42420001", "Zorg Eén")));

        Assert.That(await store.AnyMunicipalitiesAsync(CancellationToken.None), Is.True);
        Assert.That(await store.GetPartiesAsync("0384", "42420001", CancellationToken.None), Is.EqualTo(new PartyView(true, "Diemen", true, "Zorg Eén")));
        Assert.That(await store.GetPartiesAsync("0363", "65656055", CancellationToken.None), Is.EqualTo(new PartyView(false, null, false, null)));
        Assert.That(await store.IsServedMunicipalityAsync("0384", CancellationToken.None), Is.True);
        Assert.That(await store.IsServedMunicipalityAsync("03845", CancellationToken.None), Is.False, "never cut to 0384 by a fixed-length parameter");
        Assert.That(await store.IsServedMunicipalityAsync("384", CancellationToken.None), Is.False);
        Assert.That(await store.IsKnownProviderAsync("42420001", CancellationToken.None), Is.True);
        Assert.That(await store.IsKnownProviderAsync("424200011", CancellationToken.None), Is.False);
        Assert.That(await store.IsKnownProviderAsync("65656055", CancellationToken.None), Is.False);
    }

    [Test]
    public async Task A_clients_current_indications_are_those_of_that_municipality_in_begindatum_order()
    {
        await ImportAsync(Municipalities(("0384", "Diemen"), ("0363", "Amsterdam")));
        var later = Indication(2, "1001", ClientA) with { Begindatum = new DateOnly(2024, 1, 1), Einddatum = null };
        var arrangement = Indication(3, "1002", ClientA) with { ProductCategorie = null, ProductCode = null, ArrangementCode = "ARR-3-4-ONT-PLUS" };
        var withdrawn = Indication(4, "1003", ClientA) with { Status = IndicationStatus.Withdrawn, Begindatum = new DateOnly(2022, 1, 1) };
        var otherMunicipality = Indication(5, "1004", ClientA) with { Municipality = "0363" };
        var otherClient = Indication(6, "1005", ClientB);
        await ImportAsync(Indications(later, arrangement, withdrawn, otherMunicipality, otherClient));

        var current = await store.CurrentIndicationsAsync("0384", ClientA, CancellationToken.None);

        Assert.That(current, Is.EqualTo(new[] { withdrawn.AsVersion(1), arrangement.AsVersion(1), later.AsVersion(1) }));
        Assert.That(await store.CurrentIndicationsAsync("0384", "99990000", CancellationToken.None), Is.Empty);
        Assert.That(await store.CurrentIndicationsAsync("0363", ClientB, CancellationToken.None), Is.Empty);
    }

    [Test]
    public async Task The_queries_run_inside_a_callers_transaction_and_see_its_writes()
    {
        await ImportAsync(Municipalities(("0384", "Diemen")));
        await ImportAsync(Providers(("42420001", "Zorg Eén")));
        await ImportAsync(Indications(Indication(2, "1001", ClientA)));

        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("UPDATE provider_version SET is_current = 0", transaction: transaction);

        Assert.That(await store.IsKnownProviderAsync(transaction, "42420001", CancellationToken.None), Is.False, "the caller's own uncommitted write");
        Assert.That(await store.IsServedMunicipalityAsync(transaction, "0384", CancellationToken.None), Is.True);
        Assert.That(await store.GetPartiesAsync(transaction, "0384", "42420001", CancellationToken.None), Is.EqualTo(new PartyView(true, "Diemen", false, null)));
        Assert.That(await store.CurrentIndicationsAsync(transaction, "0384", ClientA, CancellationToken.None), Has.Count.EqualTo(1));
        Assert.That(await store.AnyMunicipalitiesAsync(transaction, CancellationToken.None), Is.True);
        await transaction.RollbackAsync();
    }

    [Test]
    public async Task The_schema_allows_at_most_one_current_version_per_key()
    {
        await ImportAsync(Municipalities(("0384", "Diemen")));
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);

        Assert.That(
            () => connection.ExecuteAsync(
                "INSERT INTO municipality_version (cbs_code, version, name, import_id, recorded_at, is_current) SELECT cbs_code, 2, name, import_id, recorded_at, 1 FROM municipality_version"),
            Throws.InstanceOf<System.Data.Common.DbException>());
        Assert.That(
            () => connection.ExecuteAsync(
                "INSERT INTO municipality_version (cbs_code, version, name, import_id, recorded_at, is_current) SELECT cbs_code, 1, name, import_id, recorded_at, 0 FROM municipality_version"),
            Throws.InstanceOf<System.Data.Common.DbException>(),
            "unique (key, version)");
    }

    [Test]
    public async Task Concurrent_imports_of_one_file_add_its_versions_once()
    {
        await ImportAsync(Municipalities(("0384", "Diemen")));
        var batch = Municipalities(("0384", "Gemeente Diemen"), ("0363", "Amsterdam"));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => store.ImportAsync(batch with { FileSha256 = Sha('b') }, CancellationToken.None))));

        Assert.That(results.Count(r => r.ImportId is not null), Is.EqualTo(1), "one import adds the versions, the others find them current");
        Assert.That(results.Single(r => r.ImportId is not null).VersionsAdded, Is.EqualTo(2));
        Assert.That(await CountAsync("municipality_version"), Is.EqualTo(3));
    }

    [Test]
    public void A_batch_the_parser_should_have_refused_is_a_bug()
    {
        Assert.That(
            () => store.ImportAsync(new ReferenceBatch(ReferenceKind.Providers, Sha('a'), T0, [new MunicipalityRow(2, "0384", "Diemen")]), CancellationToken.None),
            Throws.ArgumentException, "a row of another kind");
        Assert.That(
            () => ImportAsync(Municipalities(("0384", "Diemen"), ("0384", "Diemen"))),
            Throws.ArgumentException, "a key twice");
        Assert.That(
            () => ImportAsync(Indications(Indication(2, "1001", "999900007"))),
            Throws.ArgumentException, "a BSN that fails the 11-proef");
        Assert.That(
            () => store.ImportAsync(Municipalities(("0384", "Diemen")) with { FileSha256 = "not-a-hash" }, CancellationToken.None),
            Throws.ArgumentException, "no SHA-256");
    }

    private static string Sha(char fill) => new(fill, 64);

    private static ReferenceBatch Municipalities(params (string Code, string Name)[] rows) =>
        new(ReferenceKind.Municipalities, Sha('a'), T0, [.. rows.Select((r, i) => new MunicipalityRow(i + 2, r.Code, r.Name))]);

    private static ReferenceBatch Providers(params (string Code, string Name)[] rows) =>
        new(ReferenceKind.Providers, Sha('a'), T0, [.. rows.Select((r, i) => new ProviderRow(i + 2, r.Code, r.Name))]);

    private static ReferenceBatch Indications(params IndicationRow[] rows) => new(ReferenceKind.Indications, Sha('a'), T0, rows);

    private static IndicationRow Indication(int line, string number, string bsn) =>
        new(line, number, "0384", bsn, "01", "01A01", null, new DateOnly(2023, 1, 1), new DateOnly(2023, 12, 31), new DateOnly(2022, 12, 15), IndicationStatus.Active);

    private Task<ReferenceImportResult> ImportAsync(ReferenceBatch batch, char sha = 'a') =>
        store.ImportAsync(batch with { FileSha256 = Sha(sha) }, CancellationToken.None);

    private async Task<long> CountAsync(string fromWhere)
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM " + fromWhere);
    }

    // Every row of every reference table, as text, to compare a database before and after.
    private async Task<string> SnapshotAsync()
    {
        await using var connection = await database.Connections.OpenAsync(CancellationToken.None);
        var parts = new List<string>();
        foreach (var (table, columns) in new[]
        {
            ("reference_import", "id, kind, file_sha256, row_count, versions_added"),
            ("municipality_version", "id, cbs_code, version, name, import_id, is_current"),
            ("provider_version", "id, agb_code, version, name, import_id, is_current"),
            ("indication_version", "id, indication_number, version, municipality, status, einddatum, import_id, is_current"),
        })
        {
            var rows = await connection.QueryAsync($"SELECT {columns} FROM {table} ORDER BY id");
            parts.Add(table + ": " + string.Join(" | ", rows.Select(r => string.Join(",", ((IDictionary<string, object?>)r).Values))));
        }

        return string.Join(Environment.NewLine, parts);
    }
}
