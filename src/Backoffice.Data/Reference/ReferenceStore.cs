using System.Data;
using System.Data.Common;
using System.Globalization;
using Backoffice.Core.Reference;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;
using Backoffice.Data.Audit;
using Dapper;

namespace Backoffice.Data.Reference;

/// <summary>
/// The reference data (municipalities served, providers, the product catalogue, contracts, indications) as versions: imports of a
/// whole parsed file in one transaction, and the questions the register and the level-4 checks ask,
/// each on its own connection or inside the caller's transaction.
/// </summary>
/// <remarks>
/// An import compares every row with the current version of its key: identical adds nothing, a
/// new key adds version 1, a changed row adds version n+1 and clears is_current of version n (in
/// that order, so the filtered unique index never sees two current versions). Keys the file leaves
/// out keep their current version: a file is a delivery of rows, not the whole list. Indications
/// are checked against the data already there: their municipality must be served, and an indication
/// keeps its municipality and its client for all its versions. A product's arrangement code names
/// no other current product; a contract names a known provider and a product of the catalogue, and
/// the periods of one provider's contract lines for one product never overlap.
/// </remarks>
public sealed class ReferenceStore
{
    /// <summary>How long an import waits for another one on the same database (SQL Server; SQLite waits busy_timeout).</summary>
    public static readonly TimeSpan ImportWait = TimeSpan.FromMinutes(2);

    private const int NameLength = 200;

    private const string SelectCurrentMunicipalities = """
        SELECT cbs_code, version, name FROM municipality_version WHERE is_current = 1;
        """;

    private const string RetireMunicipality = """
        UPDATE municipality_version SET is_current = 0 WHERE cbs_code = @key AND is_current = 1;
        """;

    private const string InsertMunicipality = """
        INSERT INTO municipality_version (cbs_code, version, name, import_id, recorded_at, is_current)
        VALUES (@cbs_code, @version, @name, @import_id, @recorded_at, 1);
        """;

    private const string SelectCurrentProviders = """
        SELECT agb_code, version, name FROM provider_version WHERE is_current = 1;
        """;

    private const string RetireProvider = """
        UPDATE provider_version SET is_current = 0 WHERE agb_code = @key AND is_current = 1;
        """;

    private const string InsertProvider = """
        INSERT INTO provider_version (agb_code, version, name, import_id, recorded_at, is_current)
        VALUES (@agb_code, @version, @name, @import_id, @recorded_at, 1);
        """;

    private const string SelectCurrentIndications = """
        SELECT indication_number, version, municipality, bsn, product_categorie, product_code, arrangement_code,
               begindatum, einddatum, decision_date, status
        FROM indication_version
        WHERE is_current = 1;
        """;

    private const string RetireIndication = """
        UPDATE indication_version SET is_current = 0 WHERE indication_number = @key AND is_current = 1;
        """;

    private const string InsertIndication = """
        INSERT INTO indication_version (indication_number, version, municipality, bsn, product_categorie, product_code,
                                        arrangement_code, begindatum, einddatum, decision_date, status, import_id, recorded_at, is_current)
        VALUES (@indication_number, @version, @municipality, @bsn, @product_categorie, @product_code,
                @arrangement_code, @begindatum, @einddatum, @decision_date, @status, @import_id, @recorded_at, 1);
        """;

    private const string SelectCurrentProducts = """
        SELECT product_categorie, product_code, version, description, eenheid, frequentie, financing, arrangement_code,
               begindatum, einddatum
        FROM product_version
        WHERE is_current = 1
        ORDER BY product_categorie, product_code;
        """;

    private const string RetireProduct = """
        UPDATE product_version SET is_current = 0
        WHERE product_categorie = @product_categorie AND product_code = @product_code AND is_current = 1;
        """;

    private const string InsertProduct = """
        INSERT INTO product_version (product_categorie, product_code, version, description, eenheid, frequentie, financing,
                                     arrangement_code, begindatum, einddatum, import_id, recorded_at, is_current)
        VALUES (@product_categorie, @product_code, @version, @description, @eenheid, @frequentie, @financing,
                @arrangement_code, @begindatum, @einddatum, @import_id, @recorded_at, 1);
        """;

    private const string SelectCurrentContracts = """
        SELECT provider, product_categorie, product_code, version, begindatum, einddatum, tariff_cents, eenheid, partial_month_in_full
        FROM contract_version
        WHERE is_current = 1;
        """;

    private const string SelectProviderContracts = """
        SELECT provider, product_categorie, product_code, version, begindatum, einddatum, tariff_cents, eenheid, partial_month_in_full
        FROM contract_version
        WHERE provider = @provider
        ORDER BY product_categorie, product_code, begindatum, version;
        """;

    private const string RetireContract = """
        UPDATE contract_version SET is_current = 0
        WHERE provider = @provider AND product_categorie = @product_categorie AND product_code = @product_code
          AND begindatum = @begindatum AND is_current = 1;
        """;

    private const string InsertContract = """
        INSERT INTO contract_version (provider, product_categorie, product_code, begindatum, version, einddatum, tariff_cents,
                                      eenheid, partial_month_in_full, import_id, recorded_at, is_current)
        VALUES (@provider, @product_categorie, @product_code, @begindatum, @version, @einddatum, @tariff_cents,
                @eenheid, @partial_month_in_full, @import_id, @recorded_at, 1);
        """;

    private const string SelectMunicipalityName = """
        SELECT name FROM municipality_version WHERE cbs_code = @cbs_code AND is_current = 1;
        """;

    private const string SelectProviderName = """
        SELECT name FROM provider_version WHERE agb_code = @agb_code AND is_current = 1;
        """;

    private const string SelectAnyMunicipality = """
        SELECT CASE WHEN EXISTS (SELECT 1 FROM municipality_version WHERE is_current = 1) THEN 1 ELSE 0 END;
        """;

    private const string SelectClientIndications = """
        SELECT indication_number, version, municipality, bsn, product_categorie, product_code, arrangement_code,
               begindatum, einddatum, decision_date, status
        FROM indication_version
        WHERE municipality = @municipality AND bsn = @bsn AND is_current = 1
        ORDER BY begindatum, indication_number;
        """;

    private readonly IDbConnectionFactory connections;
    private readonly SqlDialect dialect;

    public ReferenceStore(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        this.connections = connections;
        dialect = SqlDialect.For(connections);
    }

    /// <summary>
    /// Imports <paramref name="batch"/> in one transaction: either every new and changed row becomes
    /// a version, or (with any <see cref="ReferenceImportResult.Rejected"/> row) nothing is written.
    /// An import that changes nothing writes nothing, not even its reference_import row.
    /// </summary>
    public async Task<ReferenceImportResult> ImportAsync(ReferenceBatch batch, CancellationToken cancellationToken)
    {
        CheckBatch(batch);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await dialect.LockReferenceImportsAsync(transaction, ImportWait, cancellationToken);

        var plan = batch.Kind switch
        {
            ReferenceKind.Municipalities => Plan(batch.Rows.Cast<MunicipalityRow>(), await CurrentMunicipalitiesAsync(transaction, cancellationToken), null),
            ReferenceKind.Providers => Plan(batch.Rows.Cast<ProviderRow>(), await CurrentProvidersAsync(transaction, cancellationToken), null),
            ReferenceKind.Products => ProductPlan(batch.Rows.Cast<ProductRow>(), await ProductsAsync(transaction.Connection!, transaction, cancellationToken)),
            ReferenceKind.Contracts => ContractPlan(
                batch.Rows.Cast<ContractRow>(),
                await CurrentContractsAsync(transaction, cancellationToken),
                (await CurrentProvidersAsync(transaction, cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal),
                [.. (await ProductsAsync(transaction.Connection!, transaction, cancellationToken)).Select(p => ProductRow.ProductKey(p.ProductCategorie, p.ProductCode))]),
            _ => Plan(
                batch.Rows.Cast<IndicationRow>(),
                await CurrentIndicationsAsync(transaction, cancellationToken),
                IndicationChecks((await CurrentMunicipalitiesAsync(transaction, cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal))),
        };

        if (plan.Rejected.Count > 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            var refused = new ReferenceImportResult(batch.Kind, batch.Rows.Count, 0, 0, 0, null, plan.Rejected);
            await RecordAttemptAsync(batch, refused, cancellationToken);
            return refused;
        }

        var result = new ReferenceImportResult(batch.Kind, batch.Rows.Count, plan.New, plan.Versions.Count - plan.New, batch.Rows.Count - plan.Versions.Count, null, []);
        if (plan.Versions.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            await RecordAttemptAsync(batch, result, cancellationToken);
            return result;
        }

        var importId = await InsertImportAsync(transaction, batch, plan.Versions.Count, cancellationToken);
        var (retire, insert) = batch.Kind switch
        {
            ReferenceKind.Municipalities => (RetireMunicipality, InsertMunicipality),
            ReferenceKind.Providers => (RetireProvider, InsertProvider),
            ReferenceKind.Products => (RetireProduct, InsertProduct),
            ReferenceKind.Contracts => (RetireContract, InsertContract),
            _ => (RetireIndication, InsertIndication),
        };

        // Every old version is retired before any new one is inserted: a file may move an
        // arrangement code from one product to another, and the unique index of current codes
        // must never see both at once, whatever the order of their lines.
        foreach (var (row, version) in plan.Versions.Where(v => v.Version > 1))
        {
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(retire, KeyParameters(row), transaction, cancellationToken: cancellationToken));
        }

        var recordedAt = batch.ImportedAt.UtcDateTime;
        foreach (var (row, version) in plan.Versions)
        {
            var parameters = VersionParameters(row, version, importId, recordedAt);
            await transaction.Connection!.ExecuteAsync(new CommandDefinition(insert, parameters, transaction, cancellationToken: cancellationToken));
        }

        var applied = result with { ImportId = importId };
        await AuditTrail.AppendAsync(transaction, ImportEvent(batch, applied), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return applied;
    }

    /// <summary>
    /// Records in the audit trail an import that wrote nothing: refused (rows rejected, by the
    /// parser or against the stored data) or unchanged. Its own transaction: there is no change to
    /// share one with.
    /// </summary>
    public async Task RecordAttemptAsync(ReferenceBatch batch, ReferenceImportResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(result);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await AuditTrail.AppendAsync(transaction, ImportEvent(batch, result), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The audit row of an import: the kind, the file's SHA-256 and what it did, in counts (never a value of the file).</summary>
    private static AuditEvent ImportEvent(ReferenceBatch batch, ReferenceImportResult result)
    {
        var by = batch.By ?? AuditActor.System("import");
        var kind = ReferenceWords.Of(batch.Kind);
        var (action, subject, detail) = (result.Applied, result.ImportId) switch
        {
            (false, _) => (AuditActions.ReferenceImportRejected, $"{kind} file", string.Create(CultureInfo.InvariantCulture, $"Refused: {result.Rejected.Count} rejected rows of {result.RowsRead}; nothing imported. File sha256 {batch.FileSha256}.")),
            (true, null) => (AuditActions.ReferenceImportUnchanged, $"{kind} file", string.Create(CultureInfo.InvariantCulture, $"{result.RowsRead} rows, all unchanged; nothing written. File sha256 {batch.FileSha256}.")),
            (true, { } id) => (AuditActions.ReferenceImported, string.Create(CultureInfo.InvariantCulture, $"reference_import {id} ({kind})"), string.Create(CultureInfo.InvariantCulture, $"{result.RowsRead} rows: {result.VersionsAdded} versions added ({result.New} new, {result.Changed} changed), {result.Unchanged} unchanged. File sha256 {batch.FileSha256}.")),
        };
        return new AuditEvent(action, by.Name, by.Origin, null, subject, detail, by.Why, batch.ImportedAt);
    }

    /// <summary>Whether this backoffice serves the municipality with CBS code <paramref name="cbsCode"/>.</summary>
    public async Task<bool> IsServedMunicipalityAsync(string cbsCode, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await MunicipalityNameAsync(connection, null, cbsCode, cancellationToken) is not null;
    }

    /// <summary>As <see cref="IsServedMunicipalityAsync(string, CancellationToken)"/>, inside the caller's transaction.</summary>
    public async Task<bool> IsServedMunicipalityAsync(DbTransaction transaction, string cbsCode, CancellationToken cancellationToken) =>
        await MunicipalityNameAsync(Own(transaction), transaction, cbsCode, cancellationToken) is not null;

    /// <summary>Whether the provider with AGB code <paramref name="agbCode"/> is known.</summary>
    public async Task<bool> IsKnownProviderAsync(string agbCode, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ProviderNameAsync(connection, null, agbCode, cancellationToken) is not null;
    }

    /// <summary>As <see cref="IsKnownProviderAsync(string, CancellationToken)"/>, inside the caller's transaction.</summary>
    public async Task<bool> IsKnownProviderAsync(DbTransaction transaction, string agbCode, CancellationToken cancellationToken) =>
        await ProviderNameAsync(Own(transaction), transaction, agbCode, cancellationToken) is not null;

    /// <summary>What the backoffice knows of a message's municipality (CBS code) and provider (AGB code), by their current versions.</summary>
    public async Task<PartyView> GetPartiesAsync(string municipality, string provider, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await PartiesAsync(connection, null, municipality, provider, cancellationToken);
    }

    /// <summary>As <see cref="GetPartiesAsync(string, string, CancellationToken)"/>, inside the caller's transaction.</summary>
    public Task<PartyView> GetPartiesAsync(DbTransaction transaction, string municipality, string provider, CancellationToken cancellationToken) =>
        PartiesAsync(Own(transaction), transaction, municipality, provider, cancellationToken);

    /// <summary>
    /// The current version of every indication of client <paramref name="bsn"/> in
    /// <paramref name="municipality"/>, whatever its status (withdrawn and superseded included: the
    /// caller decides what backs an allocation), by begindatum. Empty for a malformed code or BSN.
    /// </summary>
    public async Task<IReadOnlyList<Indication>> CurrentIndicationsAsync(string municipality, string bsn, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ClientIndicationsAsync(connection, null, municipality, bsn, cancellationToken);
    }

    /// <summary>As <see cref="CurrentIndicationsAsync(string, string, CancellationToken)"/>, inside the caller's transaction.</summary>
    public Task<IReadOnlyList<Indication>> CurrentIndicationsAsync(DbTransaction transaction, string municipality, string bsn, CancellationToken cancellationToken) =>
        ClientIndicationsAsync(Own(transaction), transaction, municipality, bsn, cancellationToken);

    /// <summary>Whether any municipality has been imported (before that, level 4 has nothing to check against).</summary>
    public async Task<bool> AnyMunicipalitiesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await AnyMunicipalitiesAsync(connection, null, cancellationToken);
    }

    /// <summary>As <see cref="AnyMunicipalitiesAsync(CancellationToken)"/>, inside the caller's transaction.</summary>
    public Task<bool> AnyMunicipalitiesAsync(DbTransaction transaction, CancellationToken cancellationToken) =>
        AnyMunicipalitiesAsync(Own(transaction), transaction, cancellationToken);

    /// <summary>
    /// The current version of every product of the regional catalogue (it is small), by category
    /// and code: what TR381, TR341 and the volume rules read, and what an arrangement code names.
    /// </summary>
    public async Task<IReadOnlyList<CatalogueProduct>> CurrentProductsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ProductsAsync(connection, null, cancellationToken);
    }

    /// <summary>As <see cref="CurrentProductsAsync(CancellationToken)"/>, inside the caller's transaction.</summary>
    public Task<IReadOnlyList<CatalogueProduct>> CurrentProductsAsync(DbTransaction transaction, CancellationToken cancellationToken) =>
        ProductsAsync(Own(transaction), transaction, cancellationToken);

    /// <summary>The current version of every contract line of every provider (what a scenario prices a cell with).</summary>
    public async Task<IReadOnlyList<ContractTariff>> CurrentContractsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<ContractStored>(new CommandDefinition(SelectCurrentContracts, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToContract())];
    }

    /// <summary>
    /// Every version, current or not, of every contract line of the provider with AGB code
    /// <paramref name="provider"/>, by product, begindatum and version: a declaration is checked
    /// against the tariff of its period (TR418), and an old one against the version it was paid on.
    /// Empty for an unknown provider or a malformed code.
    /// </summary>
    public async Task<IReadOnlyList<ContractTariff>> ContractsOfProviderAsync(string provider, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await ProviderContractsAsync(connection, null, provider, cancellationToken);
    }

    /// <summary>As <see cref="ContractsOfProviderAsync(string, CancellationToken)"/>, inside the caller's transaction.</summary>
    public Task<IReadOnlyList<ContractTariff>> ContractsOfProviderAsync(DbTransaction transaction, string provider, CancellationToken cancellationToken) =>
        ProviderContractsAsync(Own(transaction), transaction, provider, cancellationToken);

    // The new and changed rows in file order, each with the version it becomes; the rows at fault.
    private sealed record ImportPlan(List<(ReferenceRow Row, int Version)> Versions, int New, List<ReferenceProblem> Rejected);

    private static ImportPlan Plan<TRow>(
        IEnumerable<TRow> rows,
        Dictionary<string, (int Version, TRow Row)> current,
        Func<TRow, TRow?, ReferenceProblem?>? check)
        where TRow : ReferenceRow
    {
        var versions = new List<(ReferenceRow Row, int Version)>();
        var rejected = new List<ReferenceProblem>();
        var added = 0;
        foreach (var row in rows)
        {
            var found = current.TryGetValue(row.Key, out var stored);
            if (check?.Invoke(row, found ? stored.Row : null) is { } problem)
            {
                rejected.Add(problem);
                continue;
            }

            if (!found)
            {
                versions.Add((row, 1));
                added++;
            }
            else if (!Equals(row with { Line = 0 }, stored.Row))
            {
                // Records compare by value: the row (without its line) against the stored version's row.
                versions.Add((row, stored.Version + 1));
            }
        }

        return new ImportPlan(versions, added, rejected);
    }

    private static Func<IndicationRow, IndicationRow?, ReferenceProblem?> IndicationChecks(HashSet<string> served) => (row, stored) =>
    {
        if (!served.Contains(row.Municipality))
        {
            return new ReferenceProblem(row.Line, "municipality", "not a municipality this backoffice serves (import it with 'import municipalities' first)");
        }

        if (stored is not null && !string.Equals(stored.Municipality, row.Municipality, StringComparison.Ordinal))
        {
            return new ReferenceProblem(row.Line, "municipality", "this indication number is recorded for another municipality; an indication never moves (the front office issues a new number)");
        }

        if (stored is not null && !string.Equals(stored.Bsn, row.Bsn, StringComparison.Ordinal))
        {
            return new ReferenceProblem(row.Line, "bsn", "this indication number is recorded for another client; an indication never moves (the front office issues a new number)");
        }

        return null;
    };

    private static ImportPlan ProductPlan(IEnumerable<ProductRow> rows, IReadOnlyList<CatalogueProduct> stored)
    {
        var file = rows.ToList();
        var inFile = file.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var current = stored.ToDictionary(p => ProductRow.ProductKey(p.ProductCategorie, p.ProductCode), p => (p.Version, Row: ProductRow.Of(p)), StringComparer.Ordinal);

        // An arrangement code names one current product after the import: the stored products the
        // file leaves alone keep theirs, a product in the file takes the one on its line.
        var claimed = current
            .Where(c => c.Value.Row.ArrangementCode is not null && !inFile.Contains(c.Key))
            .ToDictionary(c => c.Value.Row.ArrangementCode!, _ => 0, StringComparer.Ordinal);
        var conflicts = new Dictionary<int, ReferenceProblem>();
        foreach (var row in file.Where(r => r.ArrangementCode is not null))
        {
            if (claimed.TryGetValue(row.ArrangementCode!, out var line))
            {
                conflicts[row.Line] = new ReferenceProblem(row.Line, "arrangement_code", line == 0
                    ? "another current product has this arrangement code; an arrangement names one product (give that product another code in the same file)"
                    : string.Create(CultureInfo.InvariantCulture, $"the same arrangement code as line {line}; an arrangement names one product"));
            }
            else
            {
                claimed.Add(row.ArrangementCode!, row.Line);
            }
        }

        return Plan(file, current, (row, _) => conflicts.GetValueOrDefault(row.Line));
    }

    private static ImportPlan ContractPlan(
        IEnumerable<ContractRow> rows,
        Dictionary<string, (int Version, ContractRow Row)> current,
        HashSet<string> providers,
        HashSet<string> products)
    {
        var file = rows.ToList();
        var inFile = file.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        // The periods of one provider and product after the import: the stored lines the file
        // leaves alone, and the file's lines; a file line that overlaps one of them is at fault
        // (of two file lines, the later one).
        var periods = current
            .Where(c => !inFile.Contains(c.Key))
            .Select(c => c.Value.Row)
            .ToLookup(ProviderProduct, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var conflicts = new Dictionary<int, ReferenceProblem>();
        foreach (var row in file)
        {
            if (!providers.Contains(row.Provider))
            {
                conflicts[row.Line] = new ReferenceProblem(row.Line, "provider", "not a provider this backoffice knows (import it with 'import providers' first)");
            }
            else if (!products.Contains(ProductRow.ProductKey(row.ProductCategorie, row.ProductCode)))
            {
                conflicts[row.Line] = new ReferenceProblem(row.Line, "product_code", "not a product of the catalogue in this category (import it with 'import products' first)");
            }
            else if (periods.GetValueOrDefault(ProviderProduct(row))?.Find(p => Overlap(p, row)) is { } other)
            {
                conflicts[row.Line] = new ReferenceProblem(row.Line, "begindatum", other.Line == 0
                    ? "the period overlaps a current contract line of this provider and product; end that one first (its einddatum, in the same file)"
                    : string.Create(CultureInfo.InvariantCulture, $"the period overlaps line {other.Line} (the same provider and product)"));
            }

            if (!periods.TryGetValue(ProviderProduct(row), out var same))
            {
                periods.Add(ProviderProduct(row), same = []);
            }

            same.Add(row);
        }

        return Plan(file, current, (row, _) => conflicts.GetValueOrDefault(row.Line));
    }

    private static string ProviderProduct(ContractRow c) => c.Provider + "/" + ProductRow.ProductKey(c.ProductCategorie, c.ProductCode);

    // Both ends inclusive; no einddatum is open-ended.
    private static bool Overlap(ContractRow a, ContractRow b) =>
        a.Begindatum <= (b.Einddatum ?? DateOnly.MaxValue) && b.Begindatum <= (a.Einddatum ?? DateOnly.MaxValue);

    private static void CheckBatch(ReferenceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(batch.Rows);
        if (batch.FileSha256 is not { Length: 64 } || !batch.FileSha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw new ArgumentException("FileSha256 must be 64 lower-case hex digits.", nameof(batch));
        }

        // The parser rejects every row these guard against; one reaching here is a bug.
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in batch.Rows)
        {
            var fits = (batch.Kind, row) switch
            {
                (ReferenceKind.Municipalities, MunicipalityRow m) => IsDigits(m.CbsCode, 4) && IsName(m.Name),
                (ReferenceKind.Providers, ProviderRow p) => IsDigits(p.AgbCode, 8) && IsName(p.Name),
                (ReferenceKind.Products, ProductRow p) => IsProduct(p),
                (ReferenceKind.Contracts, ContractRow c) => IsContract(c),
                (ReferenceKind.Indications, IndicationRow i) => IsIndication(i),
                _ => false,
            };
            if (!fits)
            {
                throw new ArgumentException($"The {ReferenceWords.Of(batch.Kind)} row of line {row?.Line} does not fit its kind or its columns.", nameof(batch));
            }

            if (!keys.Add(row.Key))
            {
                throw new ArgumentException($"The key of line {row.Line} appears twice in one batch.", nameof(batch));
            }
        }
    }

    private static bool IsIndication(IndicationRow i) =>
        i.Number is { Length: >= 1 and <= 9 } && i.Number.All(char.IsAsciiDigit)
        && IsDigits(i.Municipality, 4)
        && Bsn.PassesElfProef(i.Bsn)
        && (i.ProductCategorie is null ? i.ProductCode is null && i.ArrangementCode is { Length: >= 1 and <= 20 } : IsDigits(i.ProductCategorie, 2) && i.ArrangementCode is null)
        && i.ProductCode is null or { Length: >= 1 and <= 5 }
        && (i.Einddatum is null || i.Einddatum >= i.Begindatum)
        && Enum.IsDefined(i.Status);

    private static bool IsProduct(ProductRow p) =>
        IsDigits(p.ProductCategorie, 2)
        && p.ProductCode is { Length: >= 1 and <= 5 }
        && IsName(p.Description)
        && CatalogueCodes.IsEenheid(p.Eenheid)
        && CatalogueCodes.IsFrequentie(p.Frequentie)
        && Enum.IsDefined(p.Financing)
        && p.ArrangementCode is null or { Length: >= 1 and <= 20 }
        && (p.Einddatum is null || p.Einddatum >= p.Begindatum);

    private static bool IsContract(ContractRow c) =>
        IsDigits(c.Provider, 8)
        && IsDigits(c.ProductCategorie, 2)
        && c.ProductCode is { Length: >= 1 and <= 5 }
        && c.TariffCents >= 0
        && CatalogueCodes.IsEenheid(c.Eenheid)
        && (c.Einddatum is null || c.Einddatum >= c.Begindatum);

    private static bool IsDigits(string? value, int length) => value is not null && value.Length == length && value.All(char.IsAsciiDigit);

    private static bool IsName(string? value) => !string.IsNullOrWhiteSpace(value) && value.Length <= NameLength;

    private DbConnection Own(DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction has no connection.", nameof(transaction));
        if (!dialect.IsOwnConnection(connection))
        {
            throw new ArgumentException($"The transaction is not on this store's {dialect.Provider} database.", nameof(transaction));
        }

        return connection;
    }

    private async Task<long> InsertImportAsync(DbTransaction transaction, ReferenceBatch batch, int versionsAdded, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("kind", ReferenceWords.Of(batch.Kind), DbType.AnsiString, size: 20);
        parameters.Add("file_sha256", batch.FileSha256, DbType.AnsiStringFixedLength, size: 64);
        parameters.Add("row_count", batch.Rows.Count, DbType.Int32);
        parameters.Add("versions_added", versionsAdded, DbType.Int32);
        parameters.Add("imported_at", batch.ImportedAt.UtcDateTime, DbType.DateTime2);
        return await transaction.Connection!.ExecuteScalarAsync<long>(new CommandDefinition(dialect.InsertReferenceImportReturningId, parameters, transaction, cancellationToken: cancellationToken));
    }

    // The key columns of a row's stored versions, for retiring the current one.
    private static DynamicParameters KeyParameters(ReferenceRow row)
    {
        var parameters = new DynamicParameters();
        switch (row)
        {
            case MunicipalityRow m:
                parameters.Add("key", m.CbsCode, DbType.AnsiStringFixedLength, size: 4);
                break;
            case ProviderRow p:
                parameters.Add("key", p.AgbCode, DbType.AnsiStringFixedLength, size: 8);
                break;
            case ProductRow p:
                AddProduct(parameters, p.ProductCategorie, p.ProductCode);
                break;
            case ContractRow c:
                AddContractKey(parameters, c);
                break;
            default:
                parameters.Add("key", row.Key, DbType.AnsiString, size: 9);
                break;
        }

        return parameters;
    }

    private static void AddProduct(DynamicParameters parameters, string categorie, string code)
    {
        parameters.Add("product_categorie", categorie, DbType.AnsiStringFixedLength, size: 2);
        parameters.Add("product_code", code, DbType.String, size: 5);
    }

    private static void AddContractKey(DynamicParameters parameters, ContractRow c)
    {
        parameters.Add("provider", c.Provider, DbType.AnsiStringFixedLength, size: 8);
        AddProduct(parameters, c.ProductCategorie, c.ProductCode);
        parameters.Add("begindatum", StoredDates.Day(c.Begindatum), DbType.AnsiStringFixedLength, size: 10);
    }

    private static DynamicParameters VersionParameters(ReferenceRow row, int version, long importId, DateTime recordedAt)
    {
        var parameters = new DynamicParameters();
        parameters.Add("version", version, DbType.Int32);
        parameters.Add("import_id", importId, DbType.Int64);
        parameters.Add("recorded_at", recordedAt, DbType.DateTime2);
        switch (row)
        {
            case MunicipalityRow m:
                parameters.Add("cbs_code", m.CbsCode, DbType.AnsiStringFixedLength, size: 4);
                parameters.Add("name", m.Name, DbType.String, size: NameLength);
                break;
            case ProviderRow p:
                parameters.Add("agb_code", p.AgbCode, DbType.AnsiStringFixedLength, size: 8);
                parameters.Add("name", p.Name, DbType.String, size: NameLength);
                break;
            case IndicationRow i:
                parameters.Add("indication_number", i.Number, DbType.AnsiString, size: 9);
                parameters.Add("municipality", i.Municipality, DbType.AnsiStringFixedLength, size: 4);
                parameters.Add("bsn", i.Bsn, DbType.AnsiStringFixedLength, size: 9);
                parameters.Add("product_categorie", i.ProductCategorie, DbType.AnsiStringFixedLength, size: 2);
                parameters.Add("product_code", i.ProductCode, DbType.String, size: 5);
                parameters.Add("arrangement_code", i.ArrangementCode, DbType.AnsiString, size: 20);
                parameters.Add("begindatum", StoredDates.Day(i.Begindatum), DbType.AnsiStringFixedLength, size: 10);
                parameters.Add("einddatum", i.Einddatum is { } end ? StoredDates.Day(end) : null, DbType.AnsiStringFixedLength, size: 10);
                parameters.Add("decision_date", StoredDates.Day(i.DecisionDate), DbType.AnsiStringFixedLength, size: 10);
                parameters.Add("status", ReferenceWords.Of(i.Status), DbType.AnsiString, size: 16);
                break;
            case ProductRow p:
                AddProduct(parameters, p.ProductCategorie, p.ProductCode);
                parameters.Add("description", p.Description, DbType.String, size: NameLength);
                parameters.Add("eenheid", p.Eenheid, DbType.AnsiStringFixedLength, size: 2);
                parameters.Add("frequentie", p.Frequentie, DbType.AnsiString, size: 1);
                parameters.Add("financing", ReferenceWords.Of(p.Financing), DbType.AnsiString, size: 20);
                parameters.Add("arrangement_code", p.ArrangementCode, DbType.AnsiString, size: 20);
                parameters.Add("begindatum", StoredDates.Day(p.Begindatum), DbType.AnsiStringFixedLength, size: 10);
                parameters.Add("einddatum", p.Einddatum is { } productEnd ? StoredDates.Day(productEnd) : null, DbType.AnsiStringFixedLength, size: 10);
                break;
            case ContractRow c:
                AddContractKey(parameters, c);
                parameters.Add("einddatum", c.Einddatum is { } contractEnd ? StoredDates.Day(contractEnd) : null, DbType.AnsiStringFixedLength, size: 10);
                parameters.Add("tariff_cents", c.TariffCents, DbType.Int64);
                parameters.Add("eenheid", c.Eenheid, DbType.AnsiStringFixedLength, size: 2);
                parameters.Add("partial_month_in_full", c.PartialMonthInFull, DbType.Boolean);
                break;
            default:
                throw new ArgumentException($"Unknown row type {row.GetType().Name}.", nameof(row));
        }

        return parameters;
    }

    private static async Task<Dictionary<string, (int Version, MunicipalityRow Row)>> CurrentMunicipalitiesAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await transaction.Connection!.QueryAsync<NamedRow>(new CommandDefinition(SelectCurrentMunicipalities, transaction: transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.cbs_code, r => (r.version, new MunicipalityRow(0, r.cbs_code, r.name)), StringComparer.Ordinal);
    }

    private static async Task<Dictionary<string, (int Version, ProviderRow Row)>> CurrentProvidersAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await transaction.Connection!.QueryAsync<NamedRow>(new CommandDefinition(SelectCurrentProviders, transaction: transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.agb_code, r => (r.version, new ProviderRow(0, r.agb_code, r.name)), StringComparer.Ordinal);
    }

    private static async Task<Dictionary<string, (int Version, IndicationRow Row)>> CurrentIndicationsAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await transaction.Connection!.QueryAsync<IndicationStored>(new CommandDefinition(SelectCurrentIndications, transaction: transaction, cancellationToken: cancellationToken));
        return rows.ToDictionary(
            r => r.indication_number,
            r =>
            {
                var i = r.ToIndication();
                return (i.Version, new IndicationRow(0, i.Number, i.Municipality, i.Bsn, i.ProductCategorie, i.ProductCode, i.ArrangementCode, i.Begindatum, i.Einddatum, i.DecisionDate, i.Status));
            },
            StringComparer.Ordinal);
    }

    private static async Task<Dictionary<string, (int Version, ContractRow Row)>> CurrentContractsAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        var rows = await transaction.Connection!.QueryAsync<ContractStored>(new CommandDefinition(SelectCurrentContracts, transaction: transaction, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToContract()).ToDictionary(c => ContractRow.Of(c).Key, c => (c.Version, ContractRow.Of(c)), StringComparer.Ordinal);
    }

    private static async Task<IReadOnlyList<CatalogueProduct>> ProductsAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ProductStored>(new CommandDefinition(SelectCurrentProducts, transaction: transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToProduct())];
    }

    private static async Task<IReadOnlyList<ContractTariff>> ProviderContractsAsync(DbConnection connection, DbTransaction? transaction, string provider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        if (!IsDigits(provider, 8))
        {
            return [];
        }

        var parameters = new DynamicParameters();
        parameters.Add("provider", provider, DbType.AnsiStringFixedLength, size: 8);
        var rows = await connection.QueryAsync<ContractStored>(new CommandDefinition(SelectProviderContracts, parameters, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToContract())];
    }

    // A code of the wrong shape is no known party; it is never sent (a fixed-length parameter
    // would cut "03845" to "0384" on SQL Server and find the wrong municipality).
    private static async Task<string?> MunicipalityNameAsync(DbConnection connection, DbTransaction? transaction, string cbsCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cbsCode);
        if (!IsDigits(cbsCode, 4))
        {
            return null;
        }

        var parameters = new DynamicParameters();
        parameters.Add("cbs_code", cbsCode, DbType.AnsiStringFixedLength, size: 4);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(SelectMunicipalityName, parameters, transaction, cancellationToken: cancellationToken));
    }

    private static async Task<string?> ProviderNameAsync(DbConnection connection, DbTransaction? transaction, string agbCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agbCode);
        if (!IsDigits(agbCode, 8))
        {
            return null;
        }

        var parameters = new DynamicParameters();
        parameters.Add("agb_code", agbCode, DbType.AnsiStringFixedLength, size: 8);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(SelectProviderName, parameters, transaction, cancellationToken: cancellationToken));
    }

    private static async Task<PartyView> PartiesAsync(DbConnection connection, DbTransaction? transaction, string municipality, string provider, CancellationToken cancellationToken)
    {
        var municipalityName = await MunicipalityNameAsync(connection, transaction, municipality, cancellationToken);
        var providerName = await ProviderNameAsync(connection, transaction, provider, cancellationToken);
        return new PartyView(municipalityName is not null, municipalityName, providerName is not null, providerName);
    }

    private static async Task<bool> AnyMunicipalitiesAsync(DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(SelectAnyMunicipality, transaction: transaction, cancellationToken: cancellationToken)) == 1;

    private static async Task<IReadOnlyList<Indication>> ClientIndicationsAsync(DbConnection connection, DbTransaction? transaction, string municipality, string bsn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(municipality);
        ArgumentNullException.ThrowIfNull(bsn);
        if (!IsDigits(municipality, 4) || !IsDigits(bsn, 9))
        {
            return [];
        }

        var parameters = new DynamicParameters();
        parameters.Add("municipality", municipality, DbType.AnsiStringFixedLength, size: 4);
        parameters.Add("bsn", bsn, DbType.AnsiStringFixedLength, size: 9);
        var rows = await connection.QueryAsync<IndicationStored>(new CommandDefinition(SelectClientIndications, parameters, transaction, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToIndication())];
    }



#pragma warning disable IDE1006, CA1812, S3459 // Dapper fills these by column name; names follow the columns.
    private sealed class NamedRow
    {
        public string cbs_code { get; set; } = string.Empty;

        public string agb_code { get; set; } = string.Empty;

        public int version { get; set; }

        public string name { get; set; } = string.Empty;
    }

    private sealed class IndicationStored
    {
        public string indication_number { get; set; } = string.Empty;

        public int version { get; set; }

        public string municipality { get; set; } = string.Empty;

        public string bsn { get; set; } = string.Empty;

        public string? product_categorie { get; set; }

        public string? product_code { get; set; }

        public string? arrangement_code { get; set; }

        public string begindatum { get; set; } = string.Empty;

        public string? einddatum { get; set; }

        public string decision_date { get; set; } = string.Empty;

        public string status { get; set; } = string.Empty;

        public Indication ToIndication() => new(
            indication_number,
            version,
            municipality,
            bsn,
            product_categorie,
            product_code,
            arrangement_code,
            StoredDates.ParseDay(begindatum),
            einddatum is null ? null : StoredDates.ParseDay(einddatum),
            StoredDates.ParseDay(decision_date),
            ReferenceWords.TryParseStatus(status, out var s) ? s : throw new InvalidOperationException($"indication_version holds an unknown status for indication {indication_number}."));
    }
    private sealed class ProductStored
    {
        public string product_categorie { get; set; } = string.Empty;

        public string product_code { get; set; } = string.Empty;

        public int version { get; set; }

        public string description { get; set; } = string.Empty;

        public string eenheid { get; set; } = string.Empty;

        public string frequentie { get; set; } = string.Empty;

        public string financing { get; set; } = string.Empty;

        public string? arrangement_code { get; set; }

        public string begindatum { get; set; } = string.Empty;

        public string? einddatum { get; set; }

        public CatalogueProduct ToProduct() => new(
            product_categorie,
            product_code,
            version,
            description,
            eenheid,
            frequentie,
            ReferenceWords.TryParseFinancing(financing, out var f) ? f : throw new InvalidOperationException($"product_version holds an unknown financing form for product {product_categorie}/{product_code}."),
            arrangement_code,
            StoredDates.ParseDay(begindatum),
            einddatum is null ? null : StoredDates.ParseDay(einddatum));
    }

    private sealed class ContractStored
    {
        public string provider { get; set; } = string.Empty;

        public string product_categorie { get; set; } = string.Empty;

        public string product_code { get; set; } = string.Empty;

        public int version { get; set; }

        public string begindatum { get; set; } = string.Empty;

        public string? einddatum { get; set; }

        public long tariff_cents { get; set; }

        public string eenheid { get; set; } = string.Empty;

        public bool partial_month_in_full { get; set; }

        public ContractTariff ToContract() => new(
            provider,
            product_categorie,
            product_code,
            version,
            StoredDates.ParseDay(begindatum),
            einddatum is null ? null : StoredDates.ParseDay(einddatum),
            tariff_cents,
            eenheid,
            partial_month_in_full);
    }
#pragma warning restore IDE1006, CA1812, S3459
}
