namespace Backoffice.Core.Validation;

/// <summary>
/// A read-only view of the input that can look at its first bytes (the BOM check, OP192) without
/// needing a seekable stream, and stops reading once more than the limit has come through (OP179),
/// so a huge upload cannot run the validator on for ever.
/// </summary>
internal sealed class GuardedStream(Stream inner, long limit) : Stream
{
    private readonly byte[] _head = new byte[4];
    private int _headLength = -1;
    private int _headPosition;
    private long _total;

    public bool StartsWith(ReadOnlySpan<byte> prefix)
    {
        FillHead();
        return _headLength >= prefix.Length && _head.AsSpan(0, prefix.Length).SequenceEqual(prefix);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        FillHead();
        int read;
        if (_headPosition < _headLength)
        {
            read = Math.Min(buffer.Length, _headLength - _headPosition);
            _head.AsSpan(_headPosition, read).CopyTo(buffer);
            _headPosition += read;
        }
        else
        {
            read = inner.Read(buffer);
        }

        _total += read;
        return _total > limit ? throw new LimitExceededException() : read;
    }

    private void FillHead()
    {
        if (_headLength >= 0)
        {
            return;
        }

        _headLength = 0;
        int n;
        while (_headLength < _head.Length && (n = inner.Read(_head, _headLength, _head.Length - _headLength)) > 0)
        {
            _headLength += n;
        }
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _total;
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    internal sealed class LimitExceededException : Exception
    {
        public LimitExceededException()
            : base("Message size limit exceeded.")
        {
        }

        public LimitExceededException(string message)
            : base(message)
        {
        }

        public LimitExceededException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
