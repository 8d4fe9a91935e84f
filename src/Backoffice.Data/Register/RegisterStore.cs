using System.Data;
using System.Data.Common;
using System.Globalization;
using Backoffice.Core.Calendar;
using Backoffice.Core.Declarations;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;
using Backoffice.Data.Declarations;
using Backoffice.Data.Reference;
using Dapper;
using static Backoffice.Data.StoredDates;

namespace Backoffice.Data.Register;

/// <summary>
/// The allocation register, the start/stop lines and the requests: loads what the register knew
/// before a message (<see cref="LoadViewAsync"/>) and applies an accepted message's changes inside
/// the transaction of its verdict (<see cref="ApplyAsync"/>). Nothing here decides anything: the
/// rules and recorders in Core do, on the loaded view.
/// </summary>
public sealed class RegisterStore
{
    /// <summary>OP274/OP346: a VOT or VOW is answered with a 301 or 319 within 5 working days.</summary>
    public const int RequestWorkingDays = 5;

    /// <summary>After "in onderzoek", the final answer is due 8 weeks after the request's date.</summary>
    public const int InOnderzoekWeeks = 8;

    private const string IdentificationUsedSql = """
        SELECT COUNT(*) FROM message m
        WHERE m.id <> @id
          AND m.status = 'processed'
          AND m.message_type = @message_type
          AND m.sender = @sender
          AND m.identificatie = @identificatie
          AND (m.outcome = 'accepted'
               OR (m.checked_level >= 3 AND EXISTS (SELECT 1 FROM message_answer a WHERE a.message_id = m.id)));
        """;

    // The client's versions and those of the numbers the message names, as two index searches
    // (ix_allocation_version_client; uq_allocation_version by municipality and number) joined by
    // UNION ALL, the second leaving out what the first has. Written as one WHERE with an OR, SQLite
    // takes the common municipality as the only index key and reads every version of the municipality.
    private const string AllocationColumns = """
        id, message_id, municipality, provider, bsn, toewijzing_nummer, referentie_aanbieder, product_categorie, product_code,
               toewijzingsdatum, toewijzingstijd, ingangsdatum, einddatum, reden_wijziging, volume, eenheid, frequentie, budget,
               commentaar, backing, indication_number
        """;

    private const string AllocationsSql = $"""
        SELECT {AllocationColumns}
        FROM allocation_version
        WHERE municipality = @municipality AND provider = @provider AND bsn = @bsn
        UNION ALL
        SELECT {AllocationColumns}
        FROM allocation_version
        WHERE municipality = @municipality AND toewijzing_nummer IN @numbers
          AND NOT (provider = @provider AND bsn = @bsn)
        ORDER BY id;
        """;

    // TR385: the numbers with an approved debit that no approved credit undid (ux_prestatie_verdict_credit finds the credit).
    private const string DeclaredAllocationsSql = """
        SELECT DISTINCT d.toewijzing_nummer
        FROM prestatie_verdict d
        WHERE d.municipality = @municipality AND d.toewijzing_nummer IN @numbers AND d.approved = 1 AND d.debet_credit = 'D'
          AND NOT EXISTS (SELECT 1 FROM prestatie_verdict c WHERE c.credits_prestatie_id = d.id AND c.approved = 1);
        """;

    private const string CareLineColumns = """
        id, message_id, kind, bsn, toewijzing_nummer, product_categorie, product_code, toewijzing_ingangsdatum,
               begindatum, einddatum, reden_beeindiging, status_aanlevering
        """;

    private const string CareLinesSql = $"""
        SELECT {CareLineColumns}
        FROM care_line
        WHERE municipality = @municipality AND provider = @provider AND bsn = @bsn
        ORDER BY id;
        """;

    private const string RequestByReferenceSql = """
        SELECT id, message_id, kind, municipality, provider, bsn, referentie_aanbieder, request_date, received_on, state, in_onderzoek_on
        FROM request
        WHERE provider = @provider AND referentie_aanbieder = @referentie_aanbieder;
        """;

    // As AllocationsSql: the client's requests at the provider (ix_request_client) and those with the
    // references named (uq_request_reference), without reading every request of the provider.
    private const string RequestsSql = """
        SELECT id, message_id, kind, municipality, provider, bsn, referentie_aanbieder, request_date, received_on, state, in_onderzoek_on
        FROM request
        WHERE provider = @provider AND bsn = @bsn
        UNION ALL
        SELECT id, message_id, kind, municipality, provider, bsn, referentie_aanbieder, request_date, received_on, state, in_onderzoek_on
        FROM request
        WHERE provider = @provider AND referentie_aanbieder IN @references AND bsn <> @bsn
        ORDER BY id;
        """;

    private const string IndicationsWithoutAllocationSql = """
        SELECT i.indication_number, i.municipality, i.decision_date
        FROM indication_version i
        WHERE i.is_current = 1
          AND i.status = 'active'
          -- An allocation resting on it counts unless it was deleted since (a version of its number with
          -- RedenWijziging 13 and Einddatum = Ingangsdatum, decided at or after it): a deleted allocation
          -- leaves its indication without one.
          AND NOT EXISTS (
              SELECT 1 FROM allocation_version a
              WHERE a.municipality = i.municipality AND a.indication_number = i.indication_number
                AND NOT EXISTS (
                    SELECT 1 FROM allocation_version d
                    WHERE d.municipality = a.municipality AND d.toewijzing_nummer = a.toewijzing_nummer
                      AND d.reden_wijziging = '13' AND d.einddatum = d.ingangsdatum
                      AND (d.toewijzingsdatum > a.toewijzingsdatum
                           OR (d.toewijzingsdatum = a.toewijzingsdatum AND d.toewijzingstijd >= a.toewijzingstijd))))
        ORDER BY i.decision_date, i.indication_number;
        """;

    private const string InsertAllocation = """
        INSERT INTO allocation_version (message_id, municipality, provider, bsn, toewijzing_nummer, referentie_aanbieder, product_categorie,
            product_code, toewijzingsdatum, toewijzingstijd, ingangsdatum, einddatum, reden_wijziging, volume, eenheid, frequentie, budget,
            commentaar, backing, indication_number, indication_version, recorded_at)
        VALUES (@message_id, @municipality, @provider, @bsn, @toewijzing_nummer, @referentie_aanbieder, @product_categorie,
            @product_code, @toewijzingsdatum, @toewijzingstijd, @ingangsdatum, @einddatum, @reden_wijziging, @volume, @eenheid, @frequentie, @budget,
            @commentaar, @backing, @indication_number, @indication_version, @recorded_at);
        """;

    private const string InsertCareLine = """
        INSERT INTO care_line (message_id, kind, municipality, provider, bsn, toewijzing_nummer, product_categorie, product_code,
            toewijzing_ingangsdatum, begindatum, einddatum, reden_beeindiging, status_aanlevering, recorded_at)
        VALUES (@message_id, @kind, @municipality, @provider, @bsn, @toewijzing_nummer, @product_categorie, @product_code,
            @toewijzing_ingangsdatum, @begindatum, @einddatum, @reden_beeindiging, @status_aanlevering, @recorded_at);
        """;

    private const string InsertRequest = """
        INSERT INTO request (message_id, kind, municipality, provider, bsn, referentie_aanbieder, request_date, received_on, due_on, state)
        VALUES (@message_id, @kind, @municipality, @provider, @bsn, @referentie_aanbieder, @request_date, @received_on, @due_on, 'open');
        """;

    private const string AnswerRequest = """
        UPDATE request
        SET state = @state,
            in_onderzoek_on = CASE WHEN @state = 'in-onderzoek' THEN @on ELSE in_onderzoek_on END,
            final_due_on = CASE WHEN @state = 'in-onderzoek' THEN @final_due_on ELSE final_due_on END,
            closed_by_message_id = CASE WHEN @state IN ('allocated', 'rejected') THEN @message_id ELSE closed_by_message_id END
        WHERE provider = @provider AND referentie_aanbieder = @referentie_aanbieder;
        """;

    private const string SelectRequestDate = """
        SELECT request_date FROM request WHERE provider = @provider AND referentie_aanbieder = @referentie_aanbieder;
        """;

    private const string FindAnswered = """
        SELECT MIN(id) FROM message
        WHERE message_type = @message_type AND sender = @sender AND identificatie = @identificatie AND dagtekening = @dagtekening
          AND outcome = 'accepted';
        """;

    private const string SentCountSql = """
        SELECT COUNT(*) FROM message
        WHERE message_type = @message_type AND sender = @sender AND identificatie = @identificatie AND outcome = 'accepted';
        """;

    private const string InsertRetour = """
        INSERT INTO provider_retour (message_id, answers_type, answers_message_id, answers_identificatie, answers_dagtekening, rejected, recorded_at)
        VALUES (@message_id, @answers_type, @answers_message_id, @answers_identificatie, @answers_dagtekening, @rejected, @recorded_at);
        """;

    private const string InsertRejection = """
        INSERT INTO provider_rejection (message_id, seq, path, subject, retourcodes)
        VALUES (@message_id, @seq, @path, @subject, @retourcodes);
        """;

    private readonly IDbConnectionFactory connections;
    private readonly ReferenceStore reference;
    private readonly WorkingDays workingDays;
    private readonly DeclarationStore declarations;
    private readonly SqlDialect dialect;

    public RegisterStore(IDbConnectionFactory connections, ReferenceStore reference, WorkingDays workingDays, DeclarationStore declarations)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(workingDays);
        ArgumentNullException.ThrowIfNull(declarations);
        this.connections = connections;
        this.reference = reference;
        this.workingDays = workingDays;
        this.declarations = declarations;
        dialect = SqlDialect.For(connections);
    }

    /// <summary>
    /// What the register knew before message <paramref name="messageId"/>, for the rules of that
    /// message. Read outside the verdict's transaction: one batch at a time writes to a database
    /// (DatabaseLock), so nothing changes the register between this read and the commit.
    /// </summary>
    public async Task<RegisterView> LoadViewAsync(RegisterKey key, long messageId, DateOnly processingDate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var used = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            IdentificationUsedSql,
            new { id = messageId, message_type = key.Type.Name, sender = key.Sender, identificatie = key.Identificatie },
            cancellationToken: cancellationToken)) > 0;
        var parties = await reference.GetPartiesAsync(key.Municipality, key.Provider, cancellationToken);
        if (key.Type == MessageType.Wmo323)
        {
            // A declaration names no one client but up to thousands of allocations, all of its provider.
            var named = (await connection.QueryAsync<AllocationRow>(new CommandDefinition(
                $"SELECT {SqlDialect.Qualify(AllocationColumns, "a")} FROM ({dialect.JsonIntegers("@numbers")}) AS named CROSS JOIN allocation_version a WHERE a.municipality = @municipality AND a.toewijzing_nummer = named.n AND {dialect.Unindexed("a.provider")} = @provider ORDER BY a.id",
                new { municipality = key.Municipality, provider = key.Provider, numbers = DeclarationStore.Json(key.ToewijzingNummers) },
                cancellationToken: cancellationToken))).Select(r => r.ToRecord()).ToList();
            // A regional start-message=signal looks for the starts of the allocations paid on: one
            // pass over the provider's starts in this municipality (index ix_care_line_client), only then.
            var starts = declarations.RulesFor(key.Municipality).StartMessage == StartMessage.Signal
                ? (await connection.QueryAsync<CareLineRow>(new CommandDefinition(
                    $"SELECT {CareLineColumns} FROM care_line WHERE provider = @provider AND municipality = @municipality AND kind = 'start' AND toewijzing_nummer IN ({dialect.JsonIntegers("@numbers")}) ORDER BY id",
                    new { municipality = key.Municipality, provider = key.Provider, numbers = DeclarationStore.Json(key.ToewijzingNummers) },
                    cancellationToken: cancellationToken))).Select(l => l.ToStart()).ToList()
                : [];
            return new RegisterView(processingDate, parties, used, named, starts, [], [], [])
            {
                Declarations = await declarations.LoadHistoryAsync(connection, key, messageId, cancellationToken),
            };
        }

        var bsn = key.Bsn ?? string.Empty;
        var numbers = key.ToewijzingNummers.Count > 0 ? key.ToewijzingNummers.ToArray() : [-1];
        var references = (key.References.Count > 0 ? key.References : [string.Empty]).Select(r => Ansi(r, 36)).ToArray();
        var (municipality, provider, client) = (Ansi(key.Municipality, 4), Ansi(key.Provider, 8), Ansi(bsn, 9));
        var allocations = (await connection.QueryAsync<AllocationRow>(new CommandDefinition(
            AllocationsSql, new { municipality, provider, bsn = client, numbers }, cancellationToken: cancellationToken)))
            .Select(r => r.ToRecord()).ToList();
        var lines = key.Bsn is null
            ? []
            : (await connection.QueryAsync<CareLineRow>(new CommandDefinition(
                CareLinesSql, new { municipality, provider, bsn = client }, cancellationToken: cancellationToken))).ToList();
        var requests = (await connection.QueryAsync<RequestRow>(new CommandDefinition(
            RequestsSql, new { provider, bsn = client, references }, cancellationToken: cancellationToken)))
            .Select(r => r.ToRecord()).ToList();
        var indications = key.Bsn is null ? [] : await reference.CurrentIndicationsAsync(key.Municipality, key.Bsn, cancellationToken);
        var declared = key.Type == MessageType.Wmo301 && key.ToewijzingNummers.Count > 0
            ? (await connection.QueryAsync<long>(new CommandDefinition(
                DeclaredAllocationsSql, new { municipality, numbers }, cancellationToken: cancellationToken))).Select(n => checked((int)n)).ToHashSet()
            : [];
        // A retour copies the header of the message it answers (IV028): its Afzender and identification are that 301's or 319's.
        var answersSent = key.Type.AnswersName is not { } answers || key.Type.IsMunicipalityAnswer
            || await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                SentCountSql, new { message_type = answers, sender = key.Sender, identificatie = key.Identificatie }, cancellationToken: cancellationToken)) > 0;
        return new RegisterView(
            processingDate,
            parties,
            used,
            allocations,
            [.. lines.Where(l => l.kind == "start").Select(l => l.ToStart())],
            [.. lines.Where(l => l.kind == "stop").Select(l => l.ToStop())],
            requests,
            indications)
        {
            AnswersSentMessage = answersSent,
            DeclaredAllocations = declared,
            Catalogue = key.Type == MessageType.Wmo301 && indications.Any(i => i.ArrangementCode is not null)
                ? await reference.CurrentProductsAsync(cancellationToken)
                : [],
        };
    }

    /// <summary>The request of <paramref name="provider"/> with <paramref name="reference"/> (unique per provider, TR347), or null.</summary>
    public async Task<RecordedRequest?> FindRequestAsync(string provider, string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(reference);
        await using var connection = await connections.OpenAsync(cancellationToken);
        var p = new DynamicParameters();
        p.Add("provider", provider, DbType.AnsiString, size: 8);
        p.Add("referentie_aanbieder", reference, DbType.AnsiString, size: 36);
        var row = await connection.QuerySingleOrDefaultAsync<RequestRow>(new CommandDefinition(RequestByReferenceSql, p, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// <summary>
    /// Active indications no allocation rests on yet, with the day their allocation was due
    /// (<paramref name="workingDaysToAllocate"/> working days after the decision): only those due on or
    /// before <paramref name="asOf"/>. Computed when asked, so it is always as true as the register.
    /// </summary>
    public async Task<IReadOnlyList<UnallocatedIndication>> IndicationsWithoutAllocationAsync(DateOnly asOf, int workingDaysToAllocate, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Number, string Municipality, string Decided)>(new CommandDefinition(IndicationsWithoutAllocationSql, cancellationToken: cancellationToken));
        return
        [
            .. rows
                .Select(r => (r.Number, Municipality: r.Municipality.Trim(), Decided: ParseDay(r.Decided.Trim())))
                .Select(r => new UnallocatedIndication(r.Number, r.Municipality, r.Decided, workingDays.AddWorkingDays(r.Decided, workingDaysToAllocate)))
                .Where(r => r.DueOn <= asOf),
        ];
    }

    /// <summary>Applies an accepted message's changes inside the caller's transaction (the verdict's).</summary>
    public async Task ApplyAsync(DbTransaction transaction, long messageId, DateOnly receivedOn, IReadOnlyList<RegisterChange> changes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(changes);
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction has no connection.", nameof(transaction));
        foreach (var change in changes)
        {
            if (change is DeclarationRecorded declaration)
            {
                await DeclarationStore.RecordAsync(transaction, messageId, declaration, now, cancellationToken);
                continue;
            }

            var command = change switch
            {
                AllocationRecorded a => new CommandDefinition(InsertAllocation, AllocationParameters(messageId, a, now), transaction, cancellationToken: cancellationToken),
                StartRecorded s => new CommandDefinition(InsertCareLine, CareLineParameters(messageId, "start", s.Municipality, s.Provider, s.Bsn, s.Line.ToewijzingNummer, s.Line.Product, s.Line.ToewijzingIngangsdatum, s.Line.Begindatum, null, null, s.Line.StatusAanlevering, now), transaction, cancellationToken: cancellationToken),
                StopRecorded s => new CommandDefinition(InsertCareLine, CareLineParameters(messageId, "stop", s.Municipality, s.Provider, s.Bsn, s.Line.ToewijzingNummer, s.Line.Product, s.Line.ToewijzingIngangsdatum, s.Line.Begindatum, s.Line.Einddatum, s.Line.RedenBeeindiging, s.Line.StatusAanlevering, now), transaction, cancellationToken: cancellationToken),
                RequestOpened r => new CommandDefinition(InsertRequest, new
                {
                    message_id = messageId,
                    kind = r.Kind == RequestKind.Vot ? "vot" : "vow",
                    municipality = r.Municipality,
                    provider = r.Provider,
                    bsn = r.Bsn,
                    referentie_aanbieder = r.ReferentieAanbieder,
                    request_date = Day(r.RequestDate),
                    received_on = Day(receivedOn),
                    due_on = Day(workingDays.AddWorkingDays(receivedOn, RequestWorkingDays)),
                }, transaction, cancellationToken: cancellationToken),
                RequestAnswered r => await AnsweredParametersAsync(connection, transaction, messageId, r, now, cancellationToken),
                RetourRecorded r => await RetourAsync(connection, transaction, messageId, r, now, cancellationToken),
                _ => throw new ArgumentException($"The register does not know the change {change.GetType().Name}.", nameof(changes)),
            };
            if (command is { } c)
            {
                await connection.ExecuteAsync(c);
            }
        }
    }

    /// <summary>The final answer after "in onderzoek" is due 8 weeks after the request's date.</summary>
    public static DateOnly FinalAnswerDue(DateOnly requestDate) => requestDate.AddDays(7 * InOnderzoekWeeks);

    private static async Task<CommandDefinition?> AnsweredParametersAsync(DbConnection connection, DbTransaction transaction, long messageId, RequestAnswered r, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requestDate = await connection.ExecuteScalarAsync<string?>(new CommandDefinition(
            SelectRequestDate, new { provider = Ansi(r.Provider, 8), referentie_aanbieder = Ansi(r.ReferentieAanbieder, 36) }, transaction, cancellationToken: cancellationToken));
        if (requestDate is null)
        {
            // A 301 or 319 with a reference no request of ours carries (TR355/TR379 decide whether that is an error).
            return null;
        }

        return new CommandDefinition(AnswerRequest, new
        {
            state = State(r.State),
            on = Day(DateOnly.FromDateTime(now.UtcDateTime)),
            final_due_on = Day(FinalAnswerDue(ParseDay(requestDate))),
            message_id = messageId,
            provider = r.Provider,
            referentie_aanbieder = r.ReferentieAanbieder,
        }, transaction, cancellationToken: cancellationToken);
    }

    private static async Task<CommandDefinition?> RetourAsync(DbConnection connection, DbTransaction transaction, long messageId, RetourRecorded r, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var answered = await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            FindAnswered,
            new { message_type = r.AnswersType, sender = r.Afzender, identificatie = r.Identificatie, dagtekening = Day(r.Dagtekening) },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(InsertRetour, new
        {
            message_id = messageId,
            answers_type = r.AnswersType,
            answers_message_id = answered,
            answers_identificatie = r.Identificatie,
            answers_dagtekening = Day(r.Dagtekening),
            rejected = r.Rejections.Count > 0,
            recorded_at = now.UtcDateTime,
        }, transaction, cancellationToken: cancellationToken));
        for (var i = 0; i < r.Rejections.Count; i++)
        {
            var rejection = r.Rejections[i];
            await connection.ExecuteAsync(new CommandDefinition(InsertRejection, new
            {
                message_id = messageId,
                seq = i + 1,
                path = Limits.Clipped(rejection.Path, 400),
                subject = Limits.Clipped(rejection.Subject, 400),
                retourcodes = Limits.Clipped(string.Join(' ', rejection.Retourcodes), 200),
            }, transaction, cancellationToken: cancellationToken));
        }

        return null;
    }

    private static DynamicParameters AllocationParameters(long messageId, AllocationRecorded a, DateTimeOffset now)
    {
        var v = a.Version;
        var p = new DynamicParameters();
        p.Add("message_id", messageId, DbType.Int64);
        p.Add("municipality", a.Municipality, DbType.AnsiString, size: 4);
        p.Add("provider", a.Provider, DbType.AnsiString, size: 8);
        p.Add("bsn", a.Bsn, DbType.AnsiString, size: 9);
        p.Add("toewijzing_nummer", v.ToewijzingNummer, DbType.Int32);
        p.Add("referentie_aanbieder", v.ReferentieAanbieder, DbType.AnsiString, size: 36);
        p.Add("product_categorie", v.Product?.Categorie, DbType.AnsiString, size: 2);
        p.Add("product_code", v.Product?.Code, DbType.AnsiString, size: 5);
        p.Add("toewijzingsdatum", Day(v.Toewijzingsdatum), DbType.AnsiString, size: 10);
        p.Add("toewijzingstijd", Time(v.Toewijzingstijd), DbType.AnsiString, size: 20);
        p.Add("ingangsdatum", Day(v.Ingangsdatum), DbType.AnsiString, size: 10);
        p.Add("einddatum", v.Einddatum is { } e ? Day(e) : null, DbType.AnsiString, size: 10);
        p.Add("reden_wijziging", v.RedenWijziging, DbType.AnsiString, size: 2);
        p.Add("volume", v.Omvang?.Volume, DbType.Int64);
        p.Add("eenheid", v.Omvang?.Eenheid, DbType.AnsiString, size: 2);
        p.Add("frequentie", v.Omvang?.Frequentie, DbType.AnsiString, size: 1);
        p.Add("budget", v.Budget, DbType.Int64);
        p.Add("commentaar", v.Commentaar, DbType.String, size: -1);
        p.Add("backing", Backing(a.Backing), DbType.AnsiString, size: 20);
        p.Add("indication_number", a.Indication?.Number, DbType.AnsiString, size: 40);
        p.Add("indication_version", a.Indication?.Version, DbType.Int32);
        p.Add("recorded_at", now.UtcDateTime, DbType.DateTime2);
        return p;
    }

    private static DynamicParameters CareLineParameters(
        long messageId, string kind, string municipality, string provider, string bsn, int? nummer, Product? product, DateOnly? toewijzingIngangsdatum,
        DateOnly begindatum, DateOnly? einddatum, string? reden, string status, DateTimeOffset now)
    {
        var p = new DynamicParameters();
        p.Add("message_id", messageId, DbType.Int64);
        p.Add("kind", kind, DbType.AnsiString, size: 5);
        p.Add("municipality", municipality, DbType.AnsiString, size: 4);
        p.Add("provider", provider, DbType.AnsiString, size: 8);
        p.Add("bsn", bsn, DbType.AnsiString, size: 9);
        p.Add("toewijzing_nummer", nummer, DbType.Int32);
        p.Add("product_categorie", product?.Categorie, DbType.AnsiString, size: 2);
        p.Add("product_code", product?.Code, DbType.AnsiString, size: 5);
        p.Add("toewijzing_ingangsdatum", toewijzingIngangsdatum is { } t ? Day(t) : null, DbType.AnsiString, size: 10);
        p.Add("begindatum", Day(begindatum), DbType.AnsiString, size: 10);
        p.Add("einddatum", einddatum is { } e ? Day(e) : null, DbType.AnsiString, size: 10);
        p.Add("reden_beeindiging", reden, DbType.AnsiString, size: 2);
        p.Add("status_aanlevering", status, DbType.AnsiString, size: 1);
        p.Add("recorded_at", now.UtcDateTime, DbType.DateTime2);
        return p;
    }

    /// <summary>
    /// A text parameter for a char/varchar column of the register: sent as varchar of the column's
    /// size, so SQL Server seeks the index instead of converting every row to nvarchar (Dapper's
    /// default for a string). SQLite ignores the type.
    /// </summary>
    private static DbString Ansi(string value, int length) => new() { Value = value, IsAnsi = true, Length = length };


    /// <summary>Fixed width, so the text sorts as the time does (IV013 orders versions by date and time).</summary>
    public static string Time(TimeOnly time) => time.ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture);

    private static DateOnly? OptionalDay(string? text) => text is null ? null : ParseDay(text);

    private static string Backing(IndicationBacking backing) => backing switch
    {
        IndicationBacking.Backed => "backed",
        IndicationBacking.OutsidePeriod => "outside-period",
        _ => "unbacked",
    };

    private static string State(RequestState state) => state switch
    {
        RequestState.Open => "open",
        RequestState.InOnderzoek => "in-onderzoek",
        RequestState.Allocated => "allocated",
        _ => "rejected",
    };

#pragma warning disable IDE1006, CA1812, S3459 // Dapper fills these by column name; names follow the columns.
    private sealed class AllocationRow
    {
        public long id { get; set; }

        public long message_id { get; set; }

        public string municipality { get; set; } = string.Empty;

        public string provider { get; set; } = string.Empty;

        public string bsn { get; set; } = string.Empty;

        public long toewijzing_nummer { get; set; }

        public string? referentie_aanbieder { get; set; }

        public string? product_categorie { get; set; }

        public string? product_code { get; set; }

        public string toewijzingsdatum { get; set; } = string.Empty;

        public string toewijzingstijd { get; set; } = string.Empty;

        public string ingangsdatum { get; set; } = string.Empty;

        public string? einddatum { get; set; }

        public string? reden_wijziging { get; set; }

        public long? volume { get; set; }

        public string? eenheid { get; set; }

        public string? frequentie { get; set; }

        public long? budget { get; set; }

        public string? commentaar { get; set; }

        public string backing { get; set; } = string.Empty;

        public string? indication_number { get; set; }

        public RecordedAllocation ToRecord() => new(
            id,
            message_id,
            municipality.Trim(),
            provider.Trim(),
            bsn.Trim(),
            new ToegewezenProduct(
                checked((int)toewijzing_nummer),
                referentie_aanbieder,
                product_categorie is null ? null : new Product(product_categorie.Trim(), product_code?.Trim()),
                ParseDay(toewijzingsdatum),
                TimeOnly.ParseExact(toewijzingstijd.Trim(), "HH:mm:ss.fffffff", CultureInfo.InvariantCulture),
                ParseDay(ingangsdatum),
                OptionalDay(einddatum),
                reden_wijziging?.Trim(),
                volume is { } v ? new Omvang(v, eenheid!.Trim(), frequentie!.Trim()) : null,
                budget,
                commentaar),
            backing switch
            {
                "backed" => IndicationBacking.Backed,
                "outside-period" => IndicationBacking.OutsidePeriod,
                _ => IndicationBacking.Unbacked,
            },
            indication_number);
    }

    private sealed class CareLineRow
    {
        public long id { get; set; }

        public long message_id { get; set; }

        public string kind { get; set; } = string.Empty;

        public string bsn { get; set; } = string.Empty;

        public long? toewijzing_nummer { get; set; }

        public string? product_categorie { get; set; }

        public string? product_code { get; set; }

        public string? toewijzing_ingangsdatum { get; set; }

        public string begindatum { get; set; } = string.Empty;

        public string? einddatum { get; set; }

        public string? reden_beeindiging { get; set; }

        public string status_aanlevering { get; set; } = string.Empty;

        private Product? Product => product_categorie is null ? null : new Product(product_categorie.Trim(), product_code?.Trim());

        private int? Nummer => toewijzing_nummer is { } n ? checked((int)n) : null;

        public RecordedStart ToStart() => new(
            id, message_id, bsn.Trim(),
            new StartProduct(Nummer, Product, OptionalDay(toewijzing_ingangsdatum), ParseDay(begindatum), status_aanlevering.Trim()));

        public RecordedStop ToStop() => new(
            id, message_id, bsn.Trim(),
            new StopProduct(Nummer, Product, OptionalDay(toewijzing_ingangsdatum), ParseDay(begindatum), reden_beeindiging!.Trim(), ParseDay(einddatum!), status_aanlevering.Trim()));
    }

    private sealed class RequestRow
    {
        public long id { get; set; }

        public long message_id { get; set; }

        public string kind { get; set; } = string.Empty;

        public string municipality { get; set; } = string.Empty;

        public string provider { get; set; } = string.Empty;

        public string bsn { get; set; } = string.Empty;

        public string referentie_aanbieder { get; set; } = string.Empty;

        public string request_date { get; set; } = string.Empty;

        public string received_on { get; set; } = string.Empty;

        public string state { get; set; } = string.Empty;

        public string? in_onderzoek_on { get; set; }

        public RecordedRequest ToRecord() => new(
            id,
            message_id,
            kind == "vot" ? RequestKind.Vot : RequestKind.Vow,
            municipality.Trim(),
            provider.Trim(),
            bsn.Trim(),
            referentie_aanbieder,
            ParseDay(request_date.Trim()),
            ParseDay(received_on.Trim()),
            state switch
            {
                "open" => RequestState.Open,
                "in-onderzoek" => RequestState.InOnderzoek,
                "allocated" => RequestState.Allocated,
                _ => RequestState.Rejected,
            },
            OptionalDay(in_onderzoek_on?.Trim()));
    }
#pragma warning restore IDE1006, CA1812, S3459
}

/// <summary>An active indication without an allocation behind it, and when the allocation was due.</summary>
public sealed record UnallocatedIndication(string Number, string Municipality, DateOnly DecisionDate, DateOnly DueOn);
