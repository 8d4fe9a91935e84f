using System.Data;
using Dapper;

namespace Backoffice.Data.Processing;

/// <summary>
/// Which instance processes a message: find the messages waiting to be processed and claim one under a lease
/// (so that of several instances on one database exactly one processes it), renewing the lease
/// while the work goes on.
/// </summary>
public sealed class MessageClaims
{
    private const string ListClaimOwners = """
        SELECT DISTINCT claimed_by FROM message WHERE status = 'processing' AND claimed_by IS NOT NULL;
        """;

    // One conditional UPDATE: the row lock makes a concurrent second claim re-read the row after the
    // first commits, find the condition false and update nothing, on SQLite and SQL Server alike.
    // A claim from before leases existed (lease_until NULL) counts as run out.
    private const string Claim = """
        UPDATE message
        SET status = 'processing', claimed_by = @instance_id, claimed_at = @now, lease_until = @lease_until
        WHERE id = @id
          AND (status = 'received'
               OR (status = 'processing' AND (lease_until IS NULL OR lease_until < @now OR claimed_by IN @gone_owners)));
        """;

    private const string Renew = """
        UPDATE message
        SET lease_until = @lease_until
        WHERE id = @id AND status = 'processing' AND claimed_by = @instance_id;
        """;

    private readonly IDbConnectionFactory connections;
    private readonly SqlDialect dialect;

    public MessageClaims(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        this.connections = connections;
        dialect = SqlDialect.For(connections);
    }

    /// <summary>
    /// Up to <paramref name="max"/> ids, oldest first, of messages waiting to be processed: received,
    /// or claimed by an owner whose lease ran out before <paramref name="now"/> or who is in
    /// <paramref name="goneOwners"/>. A listed id still has to be claimed with <see cref="TryClaimAsync"/>.
    /// </summary>
    public async Task<IReadOnlyList<long>> ListPendingAsync(int max, DateTimeOffset now, IReadOnlyCollection<string> goneOwners, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var parameters = new DynamicParameters();
        parameters.Add("max", max, DbType.Int32);
        parameters.Add("now", now.UtcDateTime, DbType.DateTime2);
        parameters.Add("gone_owners", GoneOwners(goneOwners));
        await using var connection = await connections.OpenAsync(cancellationToken);
        var ids = await connection.QueryAsync<long>(new CommandDefinition(dialect.ListPending, parameters, cancellationToken: cancellationToken));
        return [.. ids];
    }

    /// <summary>Every instance that holds a claim on a message now, live or not.</summary>
    public async Task<IReadOnlyList<string>> ListClaimOwnersAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<string>(new CommandDefinition(ListClaimOwners, cancellationToken: cancellationToken))];
    }

    /// <summary>
    /// Claims the message for <paramref name="instanceId"/> until <paramref name="leaseUntil"/>;
    /// false when another instance holds a live claim or it is already processed. A claim whose
    /// lease ran out, or whose owner is in <paramref name="goneOwners"/>, is taken over. Atomic
    /// across instances sharing one database.
    /// </summary>
    public async Task<bool> TryClaimAsync(long id, string instanceId, DateTimeOffset now, DateTimeOffset leaseUntil, IReadOnlyCollection<string> goneOwners, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(leaseUntil, now);
        var parameters = new DynamicParameters();
        parameters.Add("id", id, DbType.Int64);
        parameters.Add("instance_id", Limits.Checked(instanceId, Limits.InstanceId, nameof(instanceId)), DbType.String, size: Limits.InstanceId);
        parameters.Add("now", now.UtcDateTime, DbType.DateTime2);
        parameters.Add("lease_until", leaseUntil.UtcDateTime, DbType.DateTime2);
        parameters.Add("gone_owners", GoneOwners(goneOwners));
        await using var connection = await connections.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(Claim, parameters, cancellationToken: cancellationToken));
        return updated == 1;
    }

    /// <summary>Extends this instance's claim; false when the claim is no longer this instance's.</summary>
    public async Task<bool> RenewLeaseAsync(long id, string instanceId, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters();
        parameters.Add("id", id, DbType.Int64);
        parameters.Add("instance_id", instanceId, DbType.String, size: Limits.InstanceId);
        parameters.Add("lease_until", leaseUntil.UtcDateTime, DbType.DateTime2);
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(Renew, parameters, cancellationToken: cancellationToken)) == 1;
    }

    // Dapper expands the list into IN (@p1, @p2, ...); a never-matching value keeps the list non-empty.
    private static string[] GoneOwners(IReadOnlyCollection<string> goneOwners) =>
        goneOwners is { Count: > 0 } ? [.. goneOwners] : ["\u0000"];
}
