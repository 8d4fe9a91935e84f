namespace Backoffice.TestSupport.Generators;

/// <summary>Counts bytes and line feeds on the way through, so the summary needs no second read.</summary>
internal sealed class CountingStream(Stream inner) : Stream
{
    public long Bytes { get; private set; }

    public long Lines { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => Bytes;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        inner.Write(buffer);
        Bytes += buffer.Length;
        Lines += buffer.Count((byte)'\n');
    }

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        // The caller owns the inner stream; only flush it.
        if (disposing)
        {
            inner.Flush();
        }

        base.Dispose(disposing);
    }
}
