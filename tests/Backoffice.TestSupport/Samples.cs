namespace Backoffice.TestSupport;

/// <summary>Reference sample files as NUnit test case sources.</summary>
public static class Samples
{
    /// <summary>Stands in for the samples when the reference is absent, so the test runs and is ignored with the reason.</summary>
    public const string Absent = "(reference absent)";

    public static IEnumerable<string> Iwmo32() =>
        RepoPaths.HasReference
            ? Directory.EnumerateFiles(Path.Combine(RepoPaths.Reference, "samples", "iwmo-3.2"), "*.xml").Order(StringComparer.Ordinal)
            : [Absent];
}
