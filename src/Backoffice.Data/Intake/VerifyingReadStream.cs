using System.Security.Cryptography;

namespace Backoffice.Data.Intake;

/// <summary>
/// Reads exactly the number of bytes the hashing pass counted and hashes them again on the way
/// into the database, so that the stored bytes provably match the stored SHA-256 even if the file
/// was changed between the two passes. Does not own the inner stream.
/// </summary>
internal sealed class VerifyingReadStream(Stream inner, long expectedLength) : Stream
{
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => expectedLength;

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    /// <summary>Throws when the bytes read differ from the ones hashed before.</summary>
    public void Verify(string expectedSha256)
    {
        Span<byte> probe = stackalloc byte[1];
        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (position != expectedLength || inner.Read(probe) != 0 || !string.Equals(actual, expectedSha256, StringComparison.Ordinal))
        {
            throw new IOException("The content changed while it was being stored; nothing was stored.");
        }
    }

    public static void VerifyEmpty(Stream inner, string expectedSha256)
    {
        using var verifying = new VerifyingReadStream(inner, 0);
        verifying.Verify(expectedSha256);
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer[..Allowed(buffer.Length)]);
        Account(buffer[..read]);
        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken);
        Account(buffer.Span[..read]);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Allowed(int requested) => (int)Math.Min(requested, expectedLength - position);

    private void Account(ReadOnlySpan<byte> bytes)
    {
        hash.AppendData(bytes);
        position += bytes.Length;
    }
}
