using NUnit.Framework;

namespace Backoffice.TestSupport;

/// <summary>
/// Where the repository, its schemas and the shared reference material (../shared/reference,
/// the oracle for our schemas) are. Tests that need the reference call <see cref="RequireReference"/>,
/// which marks them ignored with the reason when it is absent rather than passing silently.
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string IwmoSchemas => Path.Combine(Schemas, "iwmo-3.2");

    /// <summary>The demo reference data (municipalities, providers, products, contracts, indications) the README's first command imports.</summary>
    public static string DemoReference => Path.Combine(Root, "deploy", "demo");

    /// <summary>BACKOFFICE_REFERENCE overrides; otherwise the shared folder next to the clone.</summary>
    public static string Reference =>
        Environment.GetEnvironmentVariable("BACKOFFICE_REFERENCE") is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference"));

    public static bool HasReference => Directory.Exists(Path.Combine(Reference, "xsd", "iwmo-3.2"));

    /// <summary>Returns the reference folder, or ignores the calling test with a clear reason.</summary>
    public static string RequireReference()
    {
        if (!HasReference)
        {
            Assert.Ignore($"Reference material not found at '{Reference}' (set BACKOFFICE_REFERENCE or place shared/reference beside the clone); this test needs the public reference XSDs or samples and is skipped.");
        }

        return Reference;
    }

    public static string ReferenceXsd(string standard) => Path.Combine(RequireReference(), "xsd", standard);

    public static string ReferenceSamples(string standard) => Path.Combine(RequireReference(), "samples", standard);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Backoffice.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Backoffice.sln not found above " + AppContext.BaseDirectory);
    }
}
