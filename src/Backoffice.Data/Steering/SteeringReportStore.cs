using System.Data.Common;
using Backoffice.Core.Reference;
using Backoffice.Core.Register;
using Backoffice.Data.Declarations;
using Dapper;

namespace Backoffice.Data.Steering;

/// <summary>
/// Reads the steering figures (README, "Steering report") from what was processed: the payment
/// ledger with the client of each approved prestatie (spend and clients per municipality, cell,
/// provider and arrangement dimension), the allocation register (movements between cells and the
/// durations of trajectories), the start/stop lines (outflow by RedenBeeindiging) and the current
/// catalogue (which product is which arrangement).
/// </summary>
/// <remarks>
/// Every figure is grouped in SQL: a client's net per group is summed in a subquery and only the
/// counts leave the database, so no BSN is ever read into the application, and memory depends on
/// the number of groups (municipalities, cells, providers), not on the number of prestaties. The
/// durations are streamed one trajectory at a time into <see cref="TrajectoryDurations"/>.
/// The statements are the same on SQLite and SQL Server except the day arithmetic
/// (<see cref="SqlDialect.NextDay"/>) and the JSON lists (<see cref="SqlDialect.JsonTexts"/>);
/// ordering is done here (ordinal), as in the payment report.
/// </remarks>
public sealed class SteeringReportStore
{
    public const string Weight = "weight";
    public const string Intensity = "intensity";

    // A product's cell is the arrangement of its current catalogue version; a product that is no
    // arrangement is its own cell by category and code.
    private static string CurrentProduct(string alias) =>
        $"LEFT JOIN product_version p ON p.product_categorie = {alias}.product_categorie AND p.product_code = {alias}.product_code AND p.is_current = 1";

    // The cell of a row of alias (with its current product p) as three keys: arrangement code, or category and code.
    private static string[] CellKeys(string alias) =>
    [
        "p.arrangement_code",
        $"CASE WHEN p.arrangement_code IS NULL THEN {alias}.product_categorie END",
        $"CASE WHEN p.arrangement_code IS NULL THEN {alias}.product_code END",
    ];

    private const string SelectCatalogue = """
        SELECT product_categorie, product_code, arrangement_code, description FROM product_version WHERE is_current = 1;
        """;

    private const string SelectMunicipalityNames = "SELECT cbs_code AS code, name FROM municipality_version WHERE is_current = 1;";

    private const string SelectProviderNames = "SELECT agb_code AS code, name FROM provider_version WHERE is_current = 1;";

    private readonly IDbConnectionFactory connections;
    private readonly SqlDialect dialect;

    public SteeringReportStore(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        this.connections = connections;
        dialect = SqlDialect.For(connections);
    }

    /// <summary>Every figure of the steering report for <paramref name="selection"/>.</summary>
    public async Task<SteeringFigures> ReadAsync(SteeringSelection selection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(selection);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var parameters = Parameters(selection);

        var catalogue = (await Query<CatalogueRow>(connection, SelectCatalogue, null, cancellationToken))
            .Select(r => (Key: (r.product_categorie.Trim(), r.product_code.Trim()), r.arrangement_code, r.description))
            .ToList();
        var descriptions = new Dictionary<CellKey, string>();
        foreach (var product in catalogue)
        {
            descriptions.TryAdd(CellKey.Of(product.arrangement_code, product.Key.Item1, product.Key.Item2), product.description);
        }

        var cellOf = catalogue.ToDictionary(p => p.Key, p => CellKey.Of(p.arrangement_code, p.Key.Item1, p.Key.Item2));
        CellKey CellOfProduct(string categorie, string code) =>
            cellOf.TryGetValue((categorie.Trim(), code.Trim()), out var cell) ? cell : CellKey.Of(null, categorie.Trim(), code.Trim());

        var municipalityNames = await Names(connection, SelectMunicipalityNames, cancellationToken);
        var providerNames = await Names(connection, SelectProviderNames, cancellationToken);

        var perMunicipality = await Grouped(connection, ["l.municipality"], null, parameters, cancellationToken);
        IEnumerable<string> shown = selection.Municipalities.Count > 0 ? selection.Municipalities : municipalityNames.Keys;
        var municipalities = perMunicipality.Select(g => g.Keys[0]!)
            .Union(shown, StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(code => new MunicipalityFigure(code, municipalityNames.GetValueOrDefault(code), perMunicipality.FirstOrDefault(g => g.Keys[0] == code)?.Figures ?? ClientSpend.None))
            .ToList();
        var total = (await Grouped(connection, [], null, parameters, cancellationToken)).Single().Figures;

        var cells = (await Grouped(connection, CellKeys("l"), null, parameters, cancellationToken))
            .Select(g =>
            {
                var key = CellKey.Of(g.Keys[0], g.Keys[1], g.Keys[2]);
                return new CellFigure(key, descriptions.GetValueOrDefault(key), g.Figures);
            })
            .OrderBy(c => c.Key, CellKey.Order)
            .ToList();

        var providers = (await Grouped(connection, ["l.provider"], null, parameters, cancellationToken))
            .Select(g => new ProviderFigure(g.Keys[0]!, providerNames.GetValueOrDefault(g.Keys[0]!), g.Figures))
            .OrderBy(p => p.Provider, StringComparer.Ordinal)
            .ToList();

        var dimensions = await Dimensions(connection, catalogue.Select(p => p.arrangement_code), parameters, cancellationToken);
        var movements = await Movements(connection, parameters, CellOfProduct, cancellationToken);
        var (outflow, outflowClients) = await Outflow(connection, parameters, cancellationToken);
        var durations = await Durations(connection, selection, parameters, cancellationToken);

        return new SteeringFigures(selection, municipalities, total, cells, providers, dimensions, movements, outflow, outflowClients, durations);
    }

    /// <summary>
    /// The period, municipality and provider filter of the ledger rows (<c>l</c>): delivery months
    /// from and to (inclusive), and, unless every municipality is asked, only those in the list.
    /// </summary>
    private string LedgerFilter => $"""
        l.delivery_month >= @from_month AND l.delivery_month <= @to_month
          AND (@all_municipalities = 1 OR l.municipality IN ({dialect.JsonTexts("@municipalities")}))
          AND (@provider IS NULL OR l.provider = @provider)
        """;

    private string RegisterFilter(string alias) => $"""
        (@all_municipalities = 1 OR {alias}.municipality IN ({dialect.JsonTexts("@municipalities")}))
          AND (@provider IS NULL OR {alias}.provider = @provider)
        """;

    /// <summary>
    /// Clients and spend per group of <paramref name="keys"/> (SQL expressions over the ledger row
    /// <c>l</c>, its verdict <c>v</c> and the current product <c>p</c>, each giving text or NULL): the
    /// net per client and group first, then per group the clients whose net is above 0 and the sum.
    /// No keys: one row over the whole selection. <paramref name="having"/> filters the groups.
    /// </summary>
    private async Task<List<Group>> Grouped(DbConnection connection, string[] keys, string? having, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var rows = await Query<GroupRow>(connection, GroupedSql(keys, having), parameters, cancellationToken);
        return [.. rows.Select(r => new Group(
            [r.k0?.Trim(), r.k1?.Trim(), r.k2?.Trim()],
            new ClientSpend(checked((int)r.clients), r.spend_cents, checked((int)r.ledger_rows))))];
    }

    /// <summary>The statement of <see cref="Grouped"/>.</summary>
    internal string GroupedSql(string[] keys, string? having)
    {
        // The keys are computed in the innermost query and grouped by name: SQL Server refuses a
        // subquery (the arrangement lists' IN (SELECT ...)) inside a GROUP BY expression.
        var keyed = string.Concat(keys.Select((k, i) => $"{k} AS k{i}, "));
        var named = string.Concat(keys.Select((_, i) => $"r.k{i}, "));
        var outer = string.Concat(keys.Select((_, i) => $"c.k{i}, "));
        var outerGroup = keys.Length == 0 ? string.Empty : "GROUP BY " + string.Join(", ", keys.Select((_, i) => $"c.k{i}"));
        var sql = $"""
            SELECT {outer}COUNT(CASE WHEN c.net > 0 THEN 1 END) AS clients, COALESCE(SUM(c.net), 0) AS spend_cents, COALESCE(SUM(c.ledger_rows), 0) AS ledger_rows
            FROM (
                SELECT {named}SUM(r.amount_cents) AS net, COUNT(*) AS ledger_rows
                FROM (
                    SELECT {keyed}v.bsn, l.amount_cents
                    FROM payment_ledger l
                    JOIN prestatie_verdict v ON v.id = l.prestatie_id
                    {CurrentProduct("l")}
                    WHERE {LedgerFilter}
                ) r
                GROUP BY {named}r.bsn
            ) c
            {(having is null ? string.Empty : "WHERE " + having)}
            {outerGroup};
            """;
        return sql;
    }

    /// <summary>
    /// Figure 3: per model of arrangements, clients and spend per rank of weight and of intensity,
    /// and of the model as a whole (for the shares). The ranks come from <see cref="ArrangementCell.Parse"/>
    /// of the catalogue's current arrangement codes and reach SQL as one JSON list per model and rank,
    /// so the code is parsed in one place and the clients are still counted in SQL.
    /// </summary>
    private async Task<List<DimensionFigure>> Dimensions(DbConnection connection, IEnumerable<string?> arrangementCodes, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var parsed = arrangementCodes.Select(ArrangementCell.Parse).OfType<ArrangementCell>().ToList();
        if (parsed.Count == 0)
        {
            return [];
        }

        var models = ArrangementModel.All;
        var p = new DynamicParameters(parameters);
        var (modelCase, weightCase, intensityCase) = DimensionKeys(parsed, p);
        var perModel = (await Grouped(connection, [modelCase], "c.k0 IS NOT NULL", p, cancellationToken))
            .ToDictionary(g => int.Parse(g.Keys[0]!, System.Globalization.CultureInfo.InvariantCulture), g => g.Figures);
        var figures = new List<DimensionFigure>();
        foreach (var (dimension, rankCase) in new[] { (Weight, weightCase), (Intensity, intensityCase) })
        {
            foreach (var g in await Grouped(connection, [modelCase, rankCase], "c.k0 IS NOT NULL AND c.k1 IS NOT NULL", p, cancellationToken))
            {
                var model = int.Parse(g.Keys[0]!, System.Globalization.CultureInfo.InvariantCulture);
                figures.Add(new DimensionFigure(models[model], dimension, int.Parse(g.Keys[1]!, System.Globalization.CultureInfo.InvariantCulture), g.Figures, perModel.GetValueOrDefault(model, ClientSpend.None)));
            }
        }

        return [.. figures
            .OrderBy(f => models.ToList().IndexOf(f.Model))
            .ThenBy(f => f.Dimension == Weight ? 0 : 1)
            .ThenBy(f => f.Rank)];
    }

    /// <summary>
    /// The keys of figure 3 as SQL over the current product <c>p</c>: the model's index, the weight
    /// rank and the intensity rank of its arrangement code (text, NULL for a code of no model), each
    /// a CASE over one JSON list of codes per value, added to <paramref name="parameters"/>.
    /// </summary>
    internal (string Model, string Weight, string Intensity) DimensionKeys(IReadOnlyList<ArrangementCell> parsed, DynamicParameters parameters)
    {
        var models = ArrangementModel.All;
        var ranks = models.Max(m => Math.Max(m.Weights.Count, m.Intensities.Count));
        string InList(string name, IEnumerable<string> codes)
        {
            parameters.Add(name, DeclarationStore.Json(codes));
            return $"p.arrangement_code IN ({dialect.JsonTexts("@" + name)})";
        }

        var modelCase = "CASE " + string.Concat(models.Select((m, i) => $"WHEN {InList($"model_{i}", parsed.Where(c => c.Model == m).Select(c => c.Code))} THEN '{i}' ")) + "END";
        var weightCase = "CASE " + string.Concat(Enumerable.Range(1, ranks).Select(r => $"WHEN {InList($"weight_{r}", parsed.Where(c => c.Weight == r).Select(c => c.Code))} THEN '{r}' ")) + "END";
        var intensityCase = "CASE " + string.Concat(Enumerable.Range(1, ranks).Select(r => $"WHEN {InList($"intensity_{r}", parsed.Where(c => c.Intensity == r).Select(c => c.Code))} THEN '{r}' ")) + "END";
        return (modelCase, weightCase, intensityCase);
    }

    /// <summary>
    /// The current version of every allocation (the latest Toewijzingsdatum and Toewijzingstijd of
    /// its municipality and ToewijzingNummer, IV013) of the selected municipalities and provider, as
    /// <c>cur</c> with <c>rn = 1</c>.
    /// </summary>
    private string CurrentAllocations => $"""
        WITH cur AS (
            SELECT a.municipality, a.provider, a.bsn, a.toewijzing_nummer, a.product_categorie, a.product_code, a.ingangsdatum, a.einddatum,
                   ROW_NUMBER() OVER (PARTITION BY a.municipality, a.toewijzing_nummer ORDER BY a.toewijzingsdatum DESC, a.toewijzingstijd DESC, a.id DESC) AS rn
            FROM allocation_version a
            WHERE {RegisterFilter("a")}
        )
        """;

    /// <summary>
    /// Figure 4: re-allocations that change the cell, dated on the first day of the later
    /// allocation (or version) and counted when that day is in the period. Two ways: (a) the
    /// current version of another allocation of the same client at the same provider and
    /// municipality starts on the day after the current version of the earlier one ends; (b) a
    /// version of a ToewijzingNummer names another product than the version before it (in the
    /// order of Toewijzingsdatum, Toewijzingstijd). Products are read per pair here and mapped to
    /// their cells in code; pairs of the same cell are no movement.
    /// </summary>
    private async Task<List<MovementFigure>> Movements(DbConnection connection, DynamicParameters parameters, Func<string, string, CellKey> cellOf, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<(CellKey From, CellKey To), (int Next, int Version)>();
        foreach (var (sql, next) in new[] { (NextAllocationSql, true), (NewVersionSql, false) })
        {
            foreach (var row in await Query<MovementRow>(connection, sql, parameters, cancellationToken))
            {
                var key = (cellOf(row.from_categorie, row.from_code), cellOf(row.to_categorie, row.to_code));
                if (key.Item1 == key.Item2)
                {
                    continue;
                }

                var (n, v) = counts.GetValueOrDefault(key);
                var movements = checked((int)row.movements);
                counts[key] = next ? (n + movements, v) : (n, v + movements);
            }
        }

        return [.. counts
            .Select(c => new MovementFigure(c.Key.From, c.Key.To, c.Value.Next, c.Value.Version))
            .OrderBy(m => m.From, CellKey.Order)
            .ThenBy(m => m.To, CellKey.Order)];
    }

    /// <summary>Movements (a): the allocation that starts the day after another of the same client ends.</summary>
    internal string NextAllocationSql => $"""
            {CurrentAllocations}
            SELECT e.product_categorie AS from_categorie, e.product_code AS from_code, n.product_categorie AS to_categorie, n.product_code AS to_code, COUNT(*) AS movements
            FROM cur e
            JOIN cur n ON n.municipality = e.municipality AND n.provider = e.provider AND n.bsn = e.bsn AND n.toewijzing_nummer <> e.toewijzing_nummer
            WHERE e.rn = 1 AND n.rn = 1 AND e.einddatum IS NOT NULL AND n.ingangsdatum = {dialect.NextDay("e.einddatum")}
              AND n.ingangsdatum >= @first_day AND n.ingangsdatum <= @last_day
              AND e.product_code IS NOT NULL AND n.product_code IS NOT NULL
            GROUP BY e.product_categorie, e.product_code, n.product_categorie, n.product_code;
            """;

    /// <summary>Movements (b): a version of a ToewijzingNummer with another product than the version before it.</summary>
    internal string NewVersionSql => $"""
            WITH seq AS (
                SELECT a.product_categorie, a.product_code, a.ingangsdatum,
                       LAG(a.product_categorie) OVER (PARTITION BY a.municipality, a.toewijzing_nummer ORDER BY a.toewijzingsdatum, a.toewijzingstijd, a.id) AS prev_categorie,
                       LAG(a.product_code) OVER (PARTITION BY a.municipality, a.toewijzing_nummer ORDER BY a.toewijzingsdatum, a.toewijzingstijd, a.id) AS prev_code
                FROM allocation_version a
                WHERE {RegisterFilter("a")}
            )
            SELECT s.prev_categorie AS from_categorie, s.prev_code AS from_code, s.product_categorie AS to_categorie, s.product_code AS to_code, COUNT(*) AS movements
            FROM seq s
            WHERE s.prev_code IS NOT NULL AND s.product_code IS NOT NULL
              AND (s.prev_categorie <> s.product_categorie OR s.prev_code <> s.product_code)
              AND s.ingangsdatum >= @first_day AND s.ingangsdatum <= @last_day
            GROUP BY s.prev_categorie, s.prev_code, s.product_categorie, s.product_code;
            """;

    /// <summary>
    /// Figure 6: the definitive stops (307 StopProduct lines with StatusAanlevering 1 and a
    /// RedenBeeindiging other than 20, the temporary stop) whose Einddatum is in the period and that
    /// no later message deleted (a line with StatusAanlevering 3 and the same provider, client,
    /// ToewijzingNummer, Product, Begindatum, RedenBeeindiging and Einddatum, IV008): per reason the
    /// distinct clients and the lines, and the distinct clients over all reasons.
    /// </summary>
    private async Task<(List<OutflowFigure> PerReason, int Clients)> Outflow(DbConnection connection, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var perReason = await Query<OutflowRow>(connection, OutflowPerReasonSql, parameters, cancellationToken);
        var clients = await connection.ExecuteScalarAsync<long>(new CommandDefinition(OutflowClientsSql, parameters, cancellationToken: cancellationToken));
        return ([.. perReason
            .Select(r => new OutflowFigure(r.reason.Trim(), checked((int)r.clients), checked((int)r.stops)))
            .OrderBy(r => r.Reason, StringComparer.Ordinal)], checked((int)clients));
    }

    internal string OutflowPerReasonSql => $"SELECT s.reden_beeindiging AS reason, COUNT(DISTINCT s.bsn) AS clients, COUNT(*) AS stops {OutflowFrom} GROUP BY s.reden_beeindiging;";

    internal string OutflowClientsSql => $"SELECT COUNT(DISTINCT s.bsn) {OutflowFrom};";

    private string OutflowFrom
    {
        get
        {
            static string Same(string column) => $"(d.{column} = s.{column} OR (d.{column} IS NULL AND s.{column} IS NULL))";
            return $"""
            FROM care_line s
            WHERE s.kind = 'stop' AND s.status_aanlevering = '1' AND s.reden_beeindiging <> '{CareState.TemporaryStop}'
              AND s.einddatum >= @first_day AND s.einddatum <= @last_day
              AND {RegisterFilter("s")}
              AND NOT EXISTS (
                  SELECT 1 FROM care_line d
                  WHERE d.kind = 'stop' AND d.status_aanlevering = '3' AND d.provider = s.provider AND d.bsn = s.bsn AND d.message_id > s.message_id
                    AND {Same("toewijzing_nummer")} AND {Same("product_categorie")} AND {Same("product_code")}
                    AND d.begindatum = s.begindatum AND d.reden_beeindiging = s.reden_beeindiging AND d.einddatum = s.einddatum)
            """;
        }
    }

    /// <summary>
    /// Figure 5: per client (municipality and BSN) and cell, the current versions of their
    /// allocations of that cell (any provider, or the selected one): the first allocated day is the
    /// earliest Ingangsdatum, the last the latest Einddatum, open (no Einddatum) or after the period
    /// counting as the period's last day ("running"); trajectories with no day in the period are
    /// left out. Streamed row by row; the BSN stays in the database (grouped, never selected).
    /// </summary>
    private async Task<TrajectoryDurations> Durations(DbConnection connection, SteeringSelection selection, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var durations = new TrajectoryDurations();
        var periodEnd = selection.LastDay;
        await foreach (var row in connection.QueryUnbufferedAsync<TrajectoryRow>(TrajectoriesSql, parameters).WithCancellation(cancellationToken))
        {
            var last = StoredDates.ParseDay(row.last_day.Trim());
            var running = last > periodEnd;
            durations.Add(CellKey.Of(row.arrangement_code?.Trim(), row.product_categorie?.Trim(), row.product_code?.Trim()), StoredDates.ParseDay(row.first_day.Trim()), running ? periodEnd : last, running);
        }

        return durations;
    }

    /// <summary>Figure 5's trajectories, one row per client and cell.</summary>
    internal string TrajectoriesSql
    {
        get
        {
            var cellKeys = CellKeys("c");
            return $"""
            {CurrentAllocations}
            SELECT {cellKeys[0]} AS arrangement_code, {cellKeys[1]} AS product_categorie, {cellKeys[2]} AS product_code,
                   MIN(c.ingangsdatum) AS first_day, MAX(COALESCE(c.einddatum, '9999-12-31')) AS last_day
            FROM cur c
            {CurrentProduct("c")}
            WHERE c.rn = 1 AND c.product_code IS NOT NULL
            GROUP BY c.municipality, c.bsn, {string.Join(", ", cellKeys)}
            HAVING MIN(c.ingangsdatum) <= @last_day AND MAX(COALESCE(c.einddatum, '9999-12-31')) >= @first_day;
            """;
        }
    }

    /// <summary>
    /// Every statement the report runs, with the keys of every figure and the arrangement lists of
    /// <paramref name="arrangementCodes"/>, so a test can parse them in the dialect's own grammar
    /// (SQL Server cannot run here).
    /// </summary>
    internal IEnumerable<string> Statements(IEnumerable<string> arrangementCodes)
    {
        var (model, weight, intensity) = DimensionKeys([.. arrangementCodes.Select(ArrangementCell.Parse).OfType<ArrangementCell>()], new DynamicParameters());
        yield return GroupedSql([], null);
        yield return GroupedSql(["l.municipality"], null);
        yield return GroupedSql(["l.provider"], null);
        yield return GroupedSql(CellKeys("l"), null);
        yield return GroupedSql([model], "c.k0 IS NOT NULL");
        yield return GroupedSql([model, weight], "c.k0 IS NOT NULL AND c.k1 IS NOT NULL");
        yield return GroupedSql([model, intensity], "c.k0 IS NOT NULL AND c.k1 IS NOT NULL");
        yield return NextAllocationSql;
        yield return NewVersionSql;
        yield return OutflowPerReasonSql;
        yield return OutflowClientsSql;
        yield return TrajectoriesSql;
        yield return SelectCatalogue;
        yield return SelectMunicipalityNames;
        yield return SelectProviderNames;
    }

    private static DynamicParameters Parameters(SteeringSelection selection)
    {
        var p = new DynamicParameters();
        p.Add("from_month", new DbString { Value = StoredDates.Month(selection.FirstDay), IsAnsi = true, IsFixedLength = true, Length = 7 });
        p.Add("to_month", new DbString { Value = StoredDates.Month(selection.LastDay), IsAnsi = true, IsFixedLength = true, Length = 7 });
        p.Add("first_day", new DbString { Value = StoredDates.Day(selection.FirstDay), IsAnsi = true, IsFixedLength = true, Length = 10 });
        p.Add("last_day", new DbString { Value = StoredDates.Day(selection.LastDay), IsAnsi = true, IsFixedLength = true, Length = 10 });
        p.Add("all_municipalities", selection.Municipalities.Count == 0 ? 1 : 0);
        p.Add("municipalities", DeclarationStore.Json(selection.Municipalities));
        p.Add("provider", new DbString { Value = selection.Provider, IsAnsi = true, IsFixedLength = true, Length = 8 });
        return p;
    }

    private static async Task<List<T>> Query<T>(DbConnection connection, string sql, object? parameters, CancellationToken cancellationToken) =>
        [.. await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, cancellationToken: cancellationToken))];

    private static async Task<Dictionary<string, string>> Names(DbConnection connection, string sql, CancellationToken cancellationToken) =>
        (await Query<NameRow>(connection, sql, null, cancellationToken)).ToDictionary(r => r.code.Trim(), r => r.name, StringComparer.Ordinal);

    private sealed record Group(string?[] Keys, ClientSpend Figures);

#pragma warning disable IDE1006, CA1812, S3459 // Dapper fills these by column name; names follow the columns.
    private sealed class GroupRow
    {
        public string? k0 { get; set; }

        public string? k1 { get; set; }

        public string? k2 { get; set; }

        public long clients { get; set; }

        public long spend_cents { get; set; }

        public long ledger_rows { get; set; }
    }

    private sealed class CatalogueRow
    {
        public string product_categorie { get; set; } = string.Empty;

        public string product_code { get; set; } = string.Empty;

        public string? arrangement_code { get; set; }

        public string description { get; set; } = string.Empty;
    }

    private sealed class NameRow
    {
        public string code { get; set; } = string.Empty;

        public string name { get; set; } = string.Empty;
    }

    private sealed class MovementRow
    {
        public string from_categorie { get; set; } = string.Empty;

        public string from_code { get; set; } = string.Empty;

        public string to_categorie { get; set; } = string.Empty;

        public string to_code { get; set; } = string.Empty;

        public long movements { get; set; }
    }

    private sealed class OutflowRow
    {
        public string reason { get; set; } = string.Empty;

        public long clients { get; set; }

        public long stops { get; set; }
    }

    private sealed class TrajectoryRow
    {
        public string? arrangement_code { get; set; }

        public string? product_categorie { get; set; }

        public string? product_code { get; set; }

        public string first_day { get; set; } = string.Empty;

        public string last_day { get; set; } = string.Empty;
    }
#pragma warning restore IDE1006, CA1812, S3459
}
