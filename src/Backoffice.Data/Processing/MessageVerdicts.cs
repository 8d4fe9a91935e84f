using System.Data;
using System.Data.Common;
using System.Globalization;
using Backoffice.Core.Standard;
using Backoffice.Core.Validation;
using Dapper;

namespace Backoffice.Data.Processing;

/// <summary>
/// The verdict on a message (pipeline step 6 as far as the message itself goes): its classification, outcome and every
/// finding, recorded once, only while the message is still claimed (on its own or inside the
/// caller's transaction, as <see cref="MessageUnitOfWork"/> does).
/// </summary>
public sealed class MessageVerdicts
{
    // A claim taken over after it went stale no longer belongs to the first instance: with
    // @claimed_by given, that instance's late outcome is refused so the message is answered once.
    private const string RecordOutcome = """
        UPDATE message
        SET status = 'processed',
            standard = @standard,
            message_type = @message_type,
            bericht_code = @bericht_code,
            sender = @sender,
            receiver = @receiver,
            identificatie = @identificatie,
            dagtekening = @dagtekening,
            outcome = @outcome,
            outcome_reason = @outcome_reason,
            processed_at = @processed_at,
            checked_level = @checked_level,
            transport_error = @transport_error,
            answer_due_on = @answer_due_on
        WHERE id = @id
          AND status = 'processing'
          AND (@claimed_by IS NULL OR claimed_by = @claimed_by);
        """;

    private const string InsertFinding = """
        INSERT INTO message_finding (message_id, seq, level, rule_code, retourcode, path, line, col, text)
        VALUES (@message_id, @seq, @level, @rule_code, @retourcode, @path, @line, @col, @text);
        """;

    private readonly IDbConnectionFactory connections;
    private readonly SqlDialect dialect;

    public MessageVerdicts(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        this.connections = connections;
        dialect = SqlDialect.For(connections);
    }

    /// <summary>Records the outcome of a message claimed by any instance; see the overload with an instance id.</summary>
    public Task<bool> RecordOutcomeAsync(MessageOutcome outcome, CancellationToken cancellationToken) =>
        RecordOutcomeAsync(outcome, null, cancellationToken);

    /// <summary>
    /// Writes classification, outcome, reason, processed time, status 'processed' and all findings in
    /// one transaction, only while the message is still being processed (and, when
    /// <paramref name="instanceId"/> is given, still claimed by that instance). False when not, and
    /// then nothing is written.
    /// </summary>
    public async Task<bool> RecordOutcomeAsync(MessageOutcome outcome, string? instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await RecordOutcomeAsync(transaction, outcome, instanceId, cancellationToken))
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// As <see cref="RecordOutcomeAsync(MessageOutcome, string?, CancellationToken)"/>, inside the
    /// caller's transaction, so that the outcome commits together with the state changes of the
    /// message (pipeline step 6). The caller commits; on false it should roll back.
    /// </summary>
    public async Task<bool> RecordOutcomeAsync(DbTransaction transaction, MessageOutcome outcome, string? instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var connection = transaction.Connection ?? throw new ArgumentException("The transaction has no connection.", nameof(transaction));
        if (!dialect.IsOwnConnection(connection))
        {
            throw new ArgumentException($"The transaction is not on this store's {dialect.Provider} database.", nameof(transaction));
        }

        var parameters = OutcomeParameters(outcome, instanceId);
        var findings = outcome.Findings.Select((finding, index) => FindingParameters(outcome.MessageId, index + 1, finding)).ToList();

        var updated = await connection.ExecuteAsync(new CommandDefinition(RecordOutcome, parameters, transaction, cancellationToken: cancellationToken));
        if (updated != 1)
        {
            return false;
        }

        foreach (var finding in findings)
        {
            await connection.ExecuteAsync(new CommandDefinition(InsertFinding, finding, transaction, cancellationToken: cancellationToken));
        }

        return true;
    }

    private static DynamicParameters OutcomeParameters(MessageOutcome outcome, string? instanceId)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(outcome.Findings);
        if (!Outcomes.All.Contains(outcome.Outcome))
        {
            throw new ArgumentException($"Unknown outcome '{outcome.Outcome}'; expected one of {string.Join(", ", Outcomes.All)}.", nameof(outcome));
        }

        var parameters = new DynamicParameters();
        parameters.Add("id", outcome.MessageId, DbType.Int64);
        parameters.Add("standard", Checked(outcome.Standard, Limits.Standard, nameof(outcome.Standard)), DbType.String, size: Limits.Standard);
        parameters.Add("message_type", Checked(outcome.MessageType, Limits.MessageType, nameof(outcome.MessageType)), DbType.String, size: Limits.MessageType);
        parameters.Add("bericht_code", outcome.BerichtCode, DbType.Int32);
        parameters.Add("sender", Limits.Clipped(outcome.Sender, Limits.Party), DbType.String, size: Limits.Party);
        parameters.Add("receiver", Limits.Clipped(outcome.Receiver, Limits.Party), DbType.String, size: Limits.Party);
        parameters.Add("identificatie", Limits.Clipped(outcome.Identificatie, Limits.Identificatie), DbType.String, size: Limits.Identificatie);
        parameters.Add("dagtekening", outcome.Dagtekening?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DbType.AnsiStringFixedLength, size: 10);
        parameters.Add("outcome", outcome.Outcome, DbType.AnsiString, size: 16);
        parameters.Add("outcome_reason", outcome.Reason, DbType.String, size: -1);
        parameters.Add("processed_at", outcome.ProcessedAt.UtcDateTime, DbType.DateTime2);
        parameters.Add("claimed_by", instanceId, DbType.String, size: Limits.InstanceId);
        parameters.Add("checked_level", outcome.CheckedLevel, DbType.Int32);
        parameters.Add("transport_error", outcome.TransportError is null ? null : Limits.Checked(outcome.TransportError, 10, nameof(outcome.TransportError)), DbType.AnsiString, size: 10);
        parameters.Add("answer_due_on", outcome.AnswerDueOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), DbType.AnsiStringFixedLength, size: 10);
        return parameters;
    }

    private static DynamicParameters FindingParameters(long messageId, int seq, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(finding.Message);
        var parameters = new DynamicParameters();
        parameters.Add("message_id", messageId, DbType.Int64);
        parameters.Add("seq", seq, DbType.Int32);
        parameters.Add("level", finding.Level, DbType.Int32);
        parameters.Add("rule_code", Checked(finding.Rule, Limits.Rule, nameof(finding.Rule)), DbType.String, size: Limits.Rule);
        parameters.Add("retourcode", Checked(finding.Retourcode, Limits.Retourcode, nameof(finding.Retourcode)), DbType.AnsiString, size: Limits.Retourcode);
        parameters.Add("path", finding.Path, DbType.String, size: -1);
        parameters.Add("line", finding.Line, DbType.Int32);
        parameters.Add("col", finding.Column, DbType.Int32);
        parameters.Add("text", finding.Message, DbType.String, size: -1);
        return parameters;
    }

    private static string? Checked(string? value, int max, string name) =>
        value is null ? null : Limits.Checked(value, max, name);
}
