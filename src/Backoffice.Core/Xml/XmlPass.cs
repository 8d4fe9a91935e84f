using System.Xml;

namespace Backoffice.Core.Xml;

/// <summary>
/// One forward-only pass over a document that two readers follow: whoever pulls (the typed message
/// reader) moves the one <see cref="XmlReader"/>, and every node is shown to the observer (the level-1
/// scan) before the puller sees it. So level 1 and reading the record cost one pass over the bytes.
/// Once the observer says stop, or the document ends, <see cref="Read"/> stays false.
/// </summary>
internal sealed class XmlPass(XmlReader reader, Func<XmlReader, bool>? observe = null)
{
    private bool _over;

    public XmlReader Reader => reader;

    public bool Read()
    {
        if (_over)
        {
            return false;
        }

        _over = !reader.Read() || (observe is not null && !observe(reader));
        return !_over;
    }

    /// <summary>Reads what is left, so the observer sees the whole document.</summary>
    public void ReadToEnd()
    {
        while (Read())
        {
        }
    }
}
