using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Backoffice.Data.Tests;

/// <summary>Small builders for message bytes and files.</summary>
internal static class TestContent
{
    public static MemoryStream Xml(string marker = "1") =>
        new(Encoding.UTF8.GetBytes($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Bericht id=\"{marker}\"/>"));

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Writes a file of pseudo-random bytes (fixed seed) in 1 MB pieces.</summary>
    public static string WriteLargeFile(string folder, long size)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "large.bin");
        var random = new Random(20260101);
        var chunk = new byte[1024 * 1024];
        using var file = File.Create(path);
        for (long written = 0; written < size; written += chunk.Length)
        {
            random.NextBytes(chunk);
            file.Write(chunk, 0, (int)Math.Min(chunk.Length, size - written));
        }

        return path;
    }

    /// <summary>SHA-256 and length of a stream read in small pieces, without holding it in memory.</summary>
    public static async Task<(string Sha256, long Length)> HashAsync(Stream stream)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        long length = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(0, 64 * 1024))) > 0)
            {
                hash.AppendData(buffer, 0, read);
                length += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (Convert.ToHexStringLower(hash.GetHashAndReset()), length);
    }

    /// <summary>Reads a stream to its end into an array (small contents only).</summary>
    public static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
