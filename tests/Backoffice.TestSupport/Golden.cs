using System.Runtime.CompilerServices;
using NUnit.Framework;

namespace Backoffice.TestSupport;

/// <summary>
/// Golden files the Verify.NUnit way: <c>{name}.verified.{ext}</c> beside the test source. On a
/// difference the actual text is written to <c>{name}.received.{ext}</c> (git-ignored) to diff or
/// accept by renaming. Named so that moving to Verify.NUnit later is a rename.
/// </summary>
public static class Golden
{
    public static void Verify(string actual, string name, string extension, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.GetDirectoryName(callerFile)!;
        var verified = Path.Combine(folder, $"{name}.verified.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        var normalized = Normalize(actual);
        if (File.Exists(verified) && Normalize(File.ReadAllText(verified)) == normalized)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, normalized);
        Assert.Fail(File.Exists(verified)
            ? $"Output differs from {Path.GetFileName(verified)}; see {received} (diff it, and rename it to accept)."
            : $"No {Path.GetFileName(verified)} yet; the output is in {received} (review it, then rename it to accept).");
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";
}
