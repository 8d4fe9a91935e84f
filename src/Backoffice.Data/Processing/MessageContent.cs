namespace Backoffice.Data.Processing;

/// <summary>The stored bytes of a message for its checks, streamed, never loaded whole.</summary>
public sealed class MessageContent
{
    private readonly IDbConnectionFactory connections;
    private readonly SqlDialect dialect;

    public MessageContent(IDbConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        this.connections = connections;
        dialect = SqlDialect.For(connections);
    }

    /// <summary>
    /// Streams the raw bytes of a message without loading them into memory. Dispose the stream to
    /// release its connection. Throws <see cref="KeyNotFoundException"/> for an unknown id.
    /// </summary>
    public async Task<Stream> OpenContentAsync(long id, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        try
        {
            return await dialect.OpenContentAsync(connection, id, cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
