using Backoffice.Core.Messages;
using Backoffice.TestSupport;

namespace Backoffice.Core.Tests.Rules;

/// <summary>
/// Valid messages for rule tests: the public reference samples read into their records (skipped
/// with the reason when the reference is absent). A rule test changes only what its case is about,
/// with <c>with</c>, and asserts which rule fired where.
/// </summary>
internal static class RuleSamples
{
    public static T Read<T>(string sample)
        where T : IwmoMessage
    {
        RepoPaths.RequireReference();
        var result = IwmoReader.ReadFile(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), sample));
        return result.Message as T ?? throw new InvalidOperationException($"{sample} did not read as {typeof(T).Name}: {result}");
    }
}
