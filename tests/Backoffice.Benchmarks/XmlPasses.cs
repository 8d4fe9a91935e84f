using System.Xml;
using System.Xml.Schema;
using Backoffice.Core.Xml;

namespace Backoffice.Benchmarks;

/// <summary>
/// The two baselines: a bare forward-only read, and the same read with XSD validation against the
/// compiled schema set. Reader settings mirror <c>MessageValidator</c> (no DTD, no resolver, comments
/// and PIs skipped) so that the only differences to it are its own bookkeeping.
/// </summary>
public static class XmlPasses
{
    /// <summary>Baseline 1: parse every node, no validation. Returns the element count.</summary>
    public static long BareRead(Stream input)
    {
        using var reader = XmlReader.Create(input, Settings(null));
        return CountElements(reader);
    }

    /// <summary>Baseline 2: parse and validate with ValidationType.Schema. Returns the element count; throws when not valid.</summary>
    public static long ValidatingRead(Stream input, XmlSchemaSet schemas)
    {
        var errors = 0;
        string? first = null;
        var settings = Settings(schemas);
        settings.ValidationEventHandler += (_, e) =>
        {
            errors++;
            first ??= e.Message;
        };
        long elements;
        using (var reader = XmlReader.Create(input, settings))
        {
            elements = CountElements(reader);
        }

        // A benchmark of an invalid file would measure the wrong thing; the check is a counter compare.
        return errors == 0 ? elements : throw new InvalidOperationException($"{errors} validation events; first: {first}");
    }

    private static long CountElements(XmlReader reader)
    {
        long elements = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                elements++;
            }
        }

        return elements;
    }

    private static XmlReaderSettings Settings(XmlSchemaSet? schemas)
    {
        // The same base settings the service reads messages with, so the baselines compare like with like.
        var settings = UntrustedXml.ReaderSettings();
        if (schemas is not null)
        {
            settings.ValidationType = ValidationType.Schema;
            settings.Schemas = schemas;
            settings.ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings;
        }

        return settings;
    }
}
