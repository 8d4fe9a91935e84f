using System.Xml;

namespace Backoffice.Core.Xml;

/// <summary>
/// How every piece of XML that reaches us from outside is read: no DTDs, so no entity is ever
/// expanded (no XXE, no entity bombs), and nothing fetched unless the caller hands in a resolver
/// that is limited on purpose. Validation and parsing start from these settings.
/// </summary>
public static class UntrustedXml
{
    public static XmlReaderSettings ReaderSettings(XmlResolver? resolver = null) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = resolver,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };
}
