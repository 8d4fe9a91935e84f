namespace Backoffice.Data;

/// <summary>
/// The barrier between what the database holds and what leaves it: a batch calls
/// <see cref="MakeDurableAsync"/> once before it writes the answers it committed to the outbox and
/// before it takes files out of the inbox, so no power loss can take back a verdict whose answer
/// left, or a message whose file was removed. One sync per chunk of messages instead of one per
/// commit (see <see cref="DbConnectionFactory"/>: SQLite runs with synchronous NORMAL).
/// </summary>
public sealed class StoreDurability
{
    private readonly IDbConnectionFactory connections;
    private readonly SqlDialect dialect;

    public StoreDurability(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        this.connections = connections;
        dialect = SqlDialect.For(connections);
    }

    public async Task MakeDurableAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await dialect.MakeDurableAsync(connection, cancellationToken);
    }
}
