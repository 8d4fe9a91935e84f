namespace Backoffice.Data.Processing;

/// <summary>
/// A read-only view of a database blob stream that also disposes what keeps it alive (reader,
/// command, connection), so that callers hold one object and the connection goes back to the pool
/// when they dispose it.
/// </summary>
internal sealed class OwningStream(Stream inner, long? length, params IAsyncDisposable[] owners) : Stream
{
    private bool disposed;

    public override bool CanRead => !disposed;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => length ?? throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override async ValueTask DisposeAsync()
    {
        if (!disposed)
        {
            disposed = true;
            await inner.DisposeAsync();
            foreach (var owner in owners)
            {
                await owner.DisposeAsync();
            }
        }

        await base.DisposeAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !disposed)
        {
            disposed = true;
            inner.Dispose();
            foreach (var owner in owners)
            {
                if (owner is IDisposable disposable)
                {
                    disposable.Dispose();
                }
                else
                {
                    owner.DisposeAsync().AsTask().GetAwaiter().GetResult();
                }
            }
        }

        base.Dispose(disposing);
    }
}
