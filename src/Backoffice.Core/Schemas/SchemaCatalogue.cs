using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Backoffice.Core.Validation;
using Backoffice.Core.Xml;

namespace Backoffice.Core.Schemas;

/// <summary>
/// A compiled set of XSDs loaded from one folder: our own <c>schemas/iwmo-3.2</c>, the official
/// iStandaarden download, or the reference copy. Imports are resolved inside that folder only and
/// case-insensitively, because the official message XSDs import <c>basisschema.xsd</c> while the
/// file is shipped as <c>Basisschema.xsd</c> (shared/reference/SOURCES.md).
/// </summary>
public sealed class SchemaCatalogue
{
    private readonly Dictionary<string, SchemaFile> _byNamespace;

    private SchemaCatalogue(string directory, XmlSchemaSet schemaSet, Dictionary<string, SchemaFile> byNamespace)
    {
        Directory = directory;
        SchemaSet = schemaSet;
        _byNamespace = byNamespace;
    }

    /// <summary>The folder the schemas were loaded from (full path).</summary>
    public string Directory { get; }

    /// <summary>Compiled; shared read-only by every validation (XmlSchemaSet is safe for concurrent reads once compiled).</summary>
    public XmlSchemaSet SchemaSet { get; }

    public IReadOnlyCollection<SchemaFile> Files => _byNamespace.Values;

    public bool Supports(string? targetNamespace) => targetNamespace is not null && _byNamespace.ContainsKey(targetNamespace);

    /// <summary>
    /// XSD verdict for any document whose root namespace has a schema in this catalogue (empty = valid).
    /// The same secure, streaming pass as message validation; never throws for bad input.
    /// </summary>
    public IReadOnlyList<Finding> Validate(Stream xml) =>
        new MessageValidator(this, long.MaxValue).ValidateAgainstCatalogue(xml).Findings;

    public SchemaFile? Find(string? targetNamespace) =>
        targetNamespace is not null && _byNamespace.TryGetValue(targetNamespace, out var file) ? file : null;

    /// <summary>Loads and compiles every <c>*.xsd</c> in <paramref name="directory"/>.</summary>
    /// <exception cref="SchemaCatalogueException">The folder is missing, empty, or a schema does not compile.</exception>
    public static SchemaCatalogue Load(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!System.IO.Directory.Exists(full))
        {
            throw new SchemaCatalogueException($"Schema folder '{full}' does not exist.");
        }

        var paths = System.IO.Directory.EnumerateFiles(full)
            .Where(p => p.EndsWith(".xsd", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (paths.Count == 0)
        {
            throw new SchemaCatalogueException($"Schema folder '{full}' holds no .xsd files.");
        }

        var resolver = new FolderResolver(full);
        var set = new XmlSchemaSet { XmlResolver = resolver };
        var errors = new List<string>();
        set.ValidationEventHandler += (_, e) =>
        {
            if (e.Severity == XmlSeverityType.Error)
            {
                errors.Add($"{Path.GetFileName(e.Exception.SourceUri ?? string.Empty)} ({e.Exception.LineNumber},{e.Exception.LinePosition}): {e.Message}");
            }
        };

        var files = new Dictionary<string, SchemaFile>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            XmlSchema? schema;
            try
            {
                using var reader = XmlReader.Create(path, UntrustedXml.ReaderSettings(resolver));
                schema = XmlSchema.Read(reader, null);
            }
            catch (Exception ex) when (ex is XmlException or XmlSchemaException or IOException)
            {
                throw new SchemaCatalogueException($"Schema '{Path.GetFileName(path)}' cannot be read: {ex.Message}", ex);
            }

            var ns = schema?.TargetNamespace ?? string.Empty;
            if (schema is null || files.ContainsKey(ns))
            {
                // A folder may hold both Basisschema.xsd and a lower-case copy: one is enough.
                continue;
            }

            // A message schema's import may already have brought this one in.
            if (!set.Contains(ns))
            {
                set.Add(schema);
            }

            files[ns] = SchemaFile.Describe(path, ns);
        }

        try
        {
            set.Compile();
        }
        catch (XmlSchemaException ex)
        {
            throw new SchemaCatalogueException($"Schemas in '{full}' do not compile: {ex.Message}", ex);
        }

        if (errors.Count > 0)
        {
            throw new SchemaCatalogueException($"Schemas in '{full}' do not compile: {string.Join("; ", errors)}");
        }

        return new SchemaCatalogue(full, set, files);
    }

    /// <summary>Lets an import name a file in the catalogue's folder, whatever its case; nothing outside it.</summary>
    private sealed class FolderResolver(string folder) : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var path = absoluteUri.IsFile ? absoluteUri.LocalPath : null;
            if (path is null || !string.Equals(Path.GetDirectoryName(path), folder, StringComparison.Ordinal) || !File.Exists(path))
            {
                throw new XmlSchemaException($"Schema import '{absoluteUri}' is not a file in '{folder}'; only imports inside the schema folder are allowed.");
            }

            return File.OpenRead(path);
        }

        // Resolving to the file's real name makes the import and the directly loaded file one
        // and the same URI, so the set holds the basisschema once.
        public override Uri ResolveUri(Uri? baseUri, string? relativeUri)
        {
            var wanted = Path.GetFileName(relativeUri ?? string.Empty);
            var match = System.IO.Directory.EnumerateFiles(folder)
                .Where(p => string.Equals(Path.GetFileName(p), wanted, StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .FirstOrDefault();
            return new Uri(match ?? Path.Combine(folder, wanted));
        }
    }
}

public sealed record SchemaFile(string FileName, string TargetNamespace, string? Release, string? BerichtXsdVersie, string? BasisschemaXsdVersie)
{
    internal static SchemaFile Describe(string path, string targetNamespace)
    {
        // The markers are plain appinfo elements (e.g. <iwmo:BerichtXsdVersie>1.0.0</...>); read
        // them by local name so any prefix or standard works.
        var doc = XDocument.Load(path);
        string? Marker(string localName) => doc.Descendants()
            .FirstOrDefault(e => e.Name.LocalName == localName && e.Parent?.Name.LocalName == "appinfo")?.Value.Trim();

        return new SchemaFile(Path.GetFileName(path), targetNamespace, Marker("release"), Marker("BerichtXsdVersie"), Marker("BasisschemaXsdVersie"));
    }
}

public sealed class SchemaCatalogueException : Exception
{
    public SchemaCatalogueException(string message)
        : base(message)
    {
    }

    public SchemaCatalogueException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public SchemaCatalogueException()
    {
    }
}
