using System.Data;
using System.Data.Common;
using System.Text.Json;
using Backoffice.Core.Declarations;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Register;
using Backoffice.Data.Reference;
using Dapper;

namespace Backoffice.Data.Declarations;

/// <summary>
/// The declarations register (migration 0008): what a 323's rules see of the provider's earlier
/// declarations (<see cref="LoadHistoryAsync"/>), and the 323's verdict with every line and the
/// ledger of approved money, written in the verdict's transaction (<see cref="RecordAsync"/>).
/// Rows are only ever inserted. The numbers and references a 323 names are passed as one JSON
/// parameter each (a month's declaration names thousands; SQL Server takes at most 2,100 parameters).
/// </summary>
public sealed class DeclarationStore
{
    private const string PrestatieColumns = """
        id, message_id, municipality, bsn, referentie_nummer, vorig_referentie_nummer, toewijzing_nummer, product_categorie, product_code,
               periode_begin, periode_eind, geleverd_volume, eenheid, bedrag_cents, debet_credit, approved, credits_prestatie_id
        """;

    private static readonly string Qualified = SqlDialect.Qualify(PrestatieColumns, "p");

    private const string InsertDeclaration = """
        INSERT INTO declaration (message_id, provider, municipality, declaratie_nummer, periode_begin, periode_eind, dagtekening,
                                 ingediend_cents, toegekend_cents, rejected_whole, retourcodes, rule_set, schema_set, recorded_at)
        VALUES (@message_id, @provider, @municipality, @declaratie_nummer, @periode_begin, @periode_eind, @dagtekening,
                @ingediend_cents, @toegekend_cents, @rejected_whole, @retourcodes, @rule_set, @schema_set, @recorded_at);
        """;

    private const string InsertVerdict = """
        INSERT INTO prestatie_verdict (message_id, ordinal, municipality, provider, bsn, referentie_nummer, vorig_referentie_nummer,
                                       toewijzing_nummer, product_categorie, product_code, periode_begin, periode_eind, geleverd_volume,
                                       eenheid, product_tarief, bedrag_cents, debet_credit, approved, retourcodes, allocation_version_id,
                                       indication_number, indication_version, contract_begindatum, contract_version, tariff_cents,
                                       credits_prestatie_id, recorded_at)
        VALUES (@message_id, @ordinal, @municipality, @provider, @bsn, @referentie_nummer, @vorig_referentie_nummer,
                @toewijzing_nummer, @product_categorie, @product_code, @periode_begin, @periode_eind, @geleverd_volume,
                @eenheid, @product_tarief, @bedrag_cents, @debet_credit, @approved, @retourcodes, @allocation_version_id,
                (SELECT indication_number FROM allocation_version WHERE id = @allocation_version_id),
                (SELECT indication_version FROM allocation_version WHERE id = @allocation_version_id),
                @contract_begindatum, @contract_version, @tariff_cents, @credits_prestatie_id, @recorded_at);
        """;

    // The ledger is derived from the verdicts just written, in the same transaction: one row per
    // approved line, signed, in the batch of the declaration's period.
    private const string InsertLedger = """
        INSERT INTO payment_ledger (message_id, prestatie_id, municipality, provider, product_categorie, product_code,
                                    delivery_month, batch_month, amount_cents, recorded_at)
        SELECT p.message_id, p.id, p.municipality, p.provider, p.product_categorie, p.product_code,
               SUBSTRING(p.periode_begin, 1, 7), @batch_month,
               CASE WHEN p.debet_credit = 'C' THEN -p.bedrag_cents ELSE p.bedrag_cents END, @recorded_at
        FROM prestatie_verdict p
        WHERE p.message_id = @message_id AND p.approved = 1;
        """;

    private const string NummerUsedSql = """
        SELECT COUNT(*) FROM declaration WHERE provider = @provider AND declaratie_nummer = @declaratie_nummer AND message_id <> @message_id;
        """;

    private const string LatestPeriodSql = """
        SELECT MAX(periode_begin) FROM declaration
        WHERE provider = @provider AND municipality = @municipality AND rejected_whole = 0 AND message_id <> @message_id;
        """;

    private readonly IDbConnectionFactory connections;
    private readonly ReferenceStore reference;
    private readonly SqlDialect dialect;
    private readonly RegionalRuleBook regional;

    public DeclarationStore(IDbConnectionFactory connections, ReferenceStore reference, RegionalRuleBook regional)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(regional);
        this.connections = connections;
        this.reference = reference;
        this.regional = regional;
        dialect = SqlDialect.For(connections);
    }

    /// <summary>The regional rules a 323 to <paramref name="municipality"/> is judged under.</summary>
    public RegionalRules RulesFor(string municipality) => regional.For(municipality);

    /// <summary>The numbers as the one JSON parameter the dialect's <see cref="SqlDialect.JsonIntegers"/> reads.</summary>
    internal static string Json(IEnumerable<int> numbers) => JsonSerializer.Serialize(numbers.ToArray());

    internal static string Json(IEnumerable<string> texts) => JsonSerializer.Serialize(texts.ToArray());

    /// <summary>What the 323 <paramref name="messageId"/> of <paramref name="key"/> sees of earlier declarations.</summary>
    public async Task<DeclarationHistory> LoadHistoryAsync(DbConnection connection, RegisterKey key, long messageId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(key);
        var earlierSql = $"""
            SELECT {Qualified} FROM ({dialect.JsonIntegers("@numbers")}) AS named CROSS JOIN prestatie_verdict p
            WHERE p.municipality = @municipality AND p.provider = @provider AND p.toewijzing_nummer = named.n
            UNION
            SELECT {Qualified} FROM ({dialect.JsonTexts("@references")}) AS named CROSS JOIN prestatie_verdict p
            WHERE p.provider = @provider AND p.referentie_nummer = named.n
            """;
        var parameters = new
        {
            municipality = key.Municipality,
            provider = key.Provider,
            numbers = Json(key.ToewijzingNummers),
            references = Json(key.References),
            declaratie_nummer = key.DeclaratieNummer ?? string.Empty,
            message_id = messageId,
        };
        var earlier = (await connection.QueryAsync<PrestatieRow>(new CommandDefinition(earlierSql, parameters, cancellationToken: cancellationToken)))
            .Select(r => r.ToRecord()).OrderBy(r => r.Id).ToList();
        var used = await connection.ExecuteScalarAsync<long>(new CommandDefinition(NummerUsedSql, parameters, cancellationToken: cancellationToken)) > 0;
        var latest = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(LatestPeriodSql, parameters, cancellationToken: cancellationToken));
        var products = await reference.CurrentProductsAsync(cancellationToken);
        var contracts = await reference.ContractsOfProviderAsync(key.Provider, cancellationToken);
        return new DeclarationHistory(earlier, used, latest is null ? null : StoredDates.ParseDay(latest), products, contracts, RulesFor(key.Municipality));
    }

    /// <summary>Writes the declaration, its lines and its ledger rows inside the verdict's transaction.</summary>
    public static async Task RecordAsync(DbTransaction transaction, long messageId, DeclarationRecorded declaration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(declaration);
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction has no connection.", nameof(transaction));
        var d = declaration.Declaratie;
        var at = now.UtcDateTime;
        await connection.ExecuteAsync(new CommandDefinition(InsertDeclaration, new
        {
            message_id = messageId,
            provider = declaration.Provider,
            municipality = declaration.Municipality,
            declaratie_nummer = d.DeclaratieNummer,
            periode_begin = StoredDates.Day(d.DeclaratiePeriode.Begindatum),
            periode_eind = StoredDates.Day(d.DeclaratiePeriode.Einddatum),
            dagtekening = StoredDates.Day(declaration.Dagtekening),
            ingediend_cents = d.TotaalIngediendBedrag.Cents,
            toegekend_cents = declaration.ToegekendCents,
            rejected_whole = declaration.RejectedWhole,
            retourcodes = declaration.Retourcodes,
            rule_set = declaration.RuleSet,
            schema_set = declaration.SchemaSet,
            recorded_at = at,
        }, transaction, cancellationToken: cancellationToken));
        if (declaration.Lines.Count == 0)
        {
            return;
        }

        // One command, its parameters bound anew per line: the statement is prepared once for the
        // whole declaration (a month's file holds hundreds of lines), not once per line.
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = InsertVerdict;
            var p = VerdictParameters.Create(command);
            p.Set("@message_id", messageId);
            p.Set("@municipality", declaration.Municipality);
            p.Set("@provider", declaration.Provider);
            p.Set("@recorded_at", at);
            for (var ordinal = 0; ordinal < declaration.Lines.Count; ordinal++)
            {
                var l = declaration.Lines[ordinal];
                var line = l.Line;
                p.Set("@ordinal", ordinal);
                p.Set("@bsn", l.Bsn);
                p.Set("@referentie_nummer", line.ProductReferentie.ReferentieNummer);
                p.Set("@vorig_referentie_nummer", line.ProductReferentie.VorigReferentieNummer);
                p.Set("@toewijzing_nummer", line.ToewijzingNummer);
                p.Set("@product_categorie", line.ProductCategorie);
                p.Set("@product_code", line.ProductCode);
                p.Set("@periode_begin", StoredDates.Day(line.ProductPeriode.Begindatum));
                p.Set("@periode_eind", StoredDates.Day(line.ProductPeriode.Einddatum));
                p.Set("@geleverd_volume", line.GeleverdVolume);
                p.Set("@eenheid", line.Eenheid);
                p.Set("@product_tarief", line.ProductTarief);
                p.Set("@bedrag_cents", line.IngediendBedrag.Bedrag);
                p.Set("@debet_credit", line.IngediendBedrag.DebetCredit == DebetCredit.Credit ? "C" : "D");
                p.Set("@approved", l.Approved);
                p.Set("@retourcodes", l.Approved ? Core.Retours.DeclarationAnswer.FullyApproved : string.Join(' ', l.Retourcodes));
                p.Set("@allocation_version_id", l.Allocation?.Id);
                p.Set("@contract_begindatum", l.Contract is { } c ? StoredDates.Day(c.Begindatum) : null);
                p.Set("@contract_version", l.Contract?.Version);
                p.Set("@tariff_cents", l.Contract?.TariffCents);
                p.Set("@credits_prestatie_id", l.Approved && l.Debit is { } debit ? debit.Id : null);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await connection.ExecuteAsync(new CommandDefinition(InsertLedger, new
        {
            message_id = messageId,
            batch_month = StoredDates.Month(d.DeclaratiePeriode.Begindatum),
            recorded_at = at,
        }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The parameters of <see cref="InsertVerdict"/>, made once per command and set by name per line.</summary>
    private sealed class VerdictParameters
    {
        private readonly Dictionary<string, DbParameter> byName;

        private static readonly string[] Names =
            [.. System.Text.RegularExpressions.Regex.Matches(InsertVerdict, "@[a-z_]+").Select(m => m.Value).Distinct(StringComparer.Ordinal)];

        private VerdictParameters(Dictionary<string, DbParameter> byName) => this.byName = byName;

        public static VerdictParameters Create(DbCommand command)
        {
            var byName = new Dictionary<string, DbParameter>(StringComparer.Ordinal);
            foreach (var name in Names)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = DBNull.Value;
                command.Parameters.Add(parameter);
                byName[name] = parameter;
            }

            return new VerdictParameters(byName);
        }

        public void Set(string name, object? value) => byName[name].Value = value ?? DBNull.Value;
    }

#pragma warning disable IDE1006, CA1812, S3459 // Dapper fills these by column name; names follow the columns.
    private sealed class PrestatieRow
    {
        public long id { get; set; }

        public long message_id { get; set; }

        public string municipality { get; set; } = string.Empty;

        public string bsn { get; set; } = string.Empty;

        public string referentie_nummer { get; set; } = string.Empty;

        public string? vorig_referentie_nummer { get; set; }

        public long toewijzing_nummer { get; set; }

        public string product_categorie { get; set; } = string.Empty;

        public string product_code { get; set; } = string.Empty;

        public string periode_begin { get; set; } = string.Empty;

        public string periode_eind { get; set; } = string.Empty;

        public long geleverd_volume { get; set; }

        public string eenheid { get; set; } = string.Empty;

        public long bedrag_cents { get; set; }

        public string debet_credit { get; set; } = string.Empty;

        public bool approved { get; set; }

        public long? credits_prestatie_id { get; set; }

        public RecordedPrestatie ToRecord() => new(
            id, message_id, municipality, bsn, referentie_nummer, vorig_referentie_nummer, checked((int)toewijzing_nummer), product_categorie, product_code,
            new GeslotenPeriode(StoredDates.ParseDay(periode_begin), StoredDates.ParseDay(periode_eind)), geleverd_volume, eenheid, bedrag_cents,
            debet_credit == "C" ? DebetCredit.Credit : DebetCredit.Debet, approved, credits_prestatie_id);
    }
#pragma warning restore IDE1006, CA1812, S3459
}
