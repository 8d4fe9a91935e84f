using Backoffice.Core.Messages;
using Backoffice.Core.Retours;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;

namespace Backoffice.Benchmarks;

/// <summary>
/// e. Level 1 + level 2 as the service runs it (<see cref="MessageCheck.CheckAsync"/>: MessageValidator
/// with IwmoReader reading the typed message in the same pass, then the 58 rules), and its two level-2
/// parts on their own, to show where the time goes: e1 reading the typed message (a streaming pass of
/// its own, without the XSD), e2 the rules on a message already read. Every pass throws unless the
/// message is clean, so a broken path is never measured as fast.
/// </summary>
public static class CheckPasses
{
    /// <summary>e: the whole check on bytes in memory (each pass opens a fresh stream over them).</summary>
    public static async Task<int> CheckAsync(MessageCheck check, byte[] content, MessageScope scope = MessageScope.Inbound)
    {
        ArgumentNullException.ThrowIfNull(check);
        var result = await check.CheckAsync(_ => Task.FromResult<Stream>(new MemoryStream(content, writable: false)), scope, null, CancellationToken.None);
        return RequireClean(result).Level2.Count;
    }

    /// <summary>e: the whole check on a file, opened once per pass as <c>backoffice validate</c> opens it.</summary>
    public static async Task<int> CheckFileAsync(MessageCheck check, string path, MessageScope scope = MessageScope.Inbound)
    {
        ArgumentNullException.ThrowIfNull(check);
        var result = await check.CheckAsync(
            _ => Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, FileOptions.SequentialScan)),
            scope,
            null,
            CancellationToken.None);
        return RequireClean(result).Level2.Count;
    }

    /// <summary>e1: the typed message, read from the bytes on its own (streaming, no XSD).</summary>
    public static IwmoMessage Read(byte[] content) =>
        IwmoReader.Read(content).Message ?? throw new InvalidOperationException("The message could not be read into its record.");

    /// <summary>e2: the level-2 rules on a message already read.</summary>
    public static int Rules(IwmoMessage message)
    {
        var findings = RuleSet.Level2.Check(message);
        return findings.Count == 0 ? 0 : throw new InvalidOperationException($"{findings.Count} level-2 findings; first: {findings[0].Rule} {findings[0].Message}");
    }

    private static CheckedMessage RequireClean(CheckedMessage result)
    {
        if (!result.Level1.Valid)
        {
            throw new InvalidOperationException($"Level 1 says {result.Level1.Summary}");
        }

        if (result.Held is { } held)
        {
            throw new InvalidOperationException(held);
        }

        return result.Level2.Count == 0
            ? result
            : throw new InvalidOperationException($"{result.Level2.Count} level-2 findings; first: {result.Level2[0].Rule} {result.Level2[0].Message}");
    }
}
