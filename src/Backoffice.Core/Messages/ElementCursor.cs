using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Standard;
using Backoffice.Core.Xml;

namespace Backoffice.Core.Messages;

/// <summary>
/// Thrown inside <see cref="IwmoReader"/> only and turned into a <see cref="ReadFailure"/> there.
/// The message is an element path, never an element value.
/// </summary>
#pragma warning disable CA1064 // Never escapes the reader, which converts it into a failure value.
internal sealed class MalformedMessageException(string reason) : Exception(reason);
#pragma warning restore CA1064

/// <summary>
/// One element of a message being read, forward only: its children are taken in document order,
/// each exactly once, as the record readers ask for them, and nothing is kept once it is read.
/// The readers ask in the order of the XSD sequences, so an optional element that is not next is
/// absent; a child nobody asked for (unknown, repeated or out of order, which the XSD refuses) makes
/// the message malformed rather than being passed over. Children of a message-level class are in the
/// message namespace; children of a CDT_* element are in the basisschema namespace (iwmo-3.2.md §2).
/// A cursor must be read before its parent moves on; the parent finishes it when it does, and
/// reuses it for its next child: a parent has at most one child open, so one cursor object per
/// depth serves the whole message and a 20,000-line declaration makes no garbage for its cursors.
/// </summary>
internal sealed partial class ElementCursor
{
    /// <summary>The fraction digits <see cref="TimeOnly"/> can hold: one tick is 100 ns.</summary>
    private const int MaxFractionDigits = 7;

    private readonly XmlPass _pass;
    private readonly XmlReader _reader;
    private readonly ElementCursor? _parent;
    private readonly string _messageNamespace;
    private readonly Dictionary<string, string> _codes;
    private string _name = string.Empty;
    private int _item;
    private string _childNamespace = string.Empty;
    private int _childDepth;
    private ElementCursor? _open;
    private ElementCursor? _spare;
    private bool _ended;

    private ElementCursor(XmlPass pass, ElementCursor? parent, string messageNamespace, Dictionary<string, string> codes)
    {
        _pass = pass;
        _reader = pass.Reader;
        _parent = parent;
        _messageNamespace = messageNamespace;
        _codes = codes;
    }

    /// <summary>The root element, which the reader is on.</summary>
    public static ElementCursor Root(XmlPass pass) =>
        new ElementCursor(pass, null, pass.Reader.NamespaceURI, new(StringComparer.Ordinal)).Start(pass.Reader.LocalName, 0, pass.Reader.NamespaceURI);

    /// <summary>Only for messages: built when one is needed, never on the way through a valid message.</summary>
    private string Path => _parent is null ? _name : _item == 0 ? $"{_parent.Path}/{_name}" : $"{_parent.Path}/{_name}[{_item}]";

    public string Str(string name) => Text(name) ?? throw MissingChild(name);

    public string? OptStr(string name) => Text(name);

    /// <summary>
    /// A code (ProductCategorie, ProductCode, Eenheid, ...): one string per distinct code in the
    /// message, so twenty thousand lines with the same few codes keep a few strings, not 20,000.
    /// </summary>
    public string Code(string name) => Intern(Str(name));

    public string? OptCode(string name) => Text(name) is { } text ? Intern(text) : null;

    public int Int(string name) => ParseInt(Str(name), name);

    public int? OptInt(string name) => Text(name) is { } text ? ParseInt(text, name) : null;

    /// <summary>An integer with its text as sent when that is not the plain form (<see cref="AsSent"/>).</summary>
    public (int Value, string? AsSent) IntAsSent(string name)
    {
        var text = Str(name);
        var value = ParseInt(text, name);
        return (value, AsSent.Keep(text, value));
    }

    public (int? Value, string? AsSent) OptIntAsSent(string name)
    {
        if (Text(name) is not { } text)
        {
            return (null, null);
        }

        var value = ParseInt(text, name);
        return (value, AsSent.Keep(text, value));
    }

    public long Long(string name) => ParseLong(Str(name), name);

    public long? OptLong(string name) => Text(name) is { } text ? ParseLong(text, name) : null;

    public (long Value, string? AsSent) LongAsSent(string name)
    {
        var text = Str(name);
        var value = ParseLong(text, name);
        return (value, AsSent.Keep(text, value));
    }

    public DateOnly Date(string name) => ParseDate(Str(name), name);

    public DateOnly? OptDate(string name) => Text(name) is { } text ? ParseDate(text, name) : null;

    /// <summary>
    /// LDT_Tijd: xs:time without a zone, <c>hh:mm:ss</c> with any number of fraction digits.
    /// TimeOnly holds seven (100 ns ticks): digits past the seventh are cut off, not rounded, so a
    /// value never moves into the next second (or day). Nothing in iWmo needs finer than 100 ns (IV013
    /// orders allocations by Toewijzingsdatum + Toewijzingstijd), and a message that passed the XSD
    /// must never fail here and so go unanswered.
    /// </summary>
    public TimeOnly Time(string name)
    {
        var match = XsTime().Match(Str(name).Trim());
        if (!match.Success)
        {
            throw Invalid(name, "is not a time hh:mm:ss without zone (LDT_Tijd)");
        }

        var fraction = match.Groups["fraction"].Value;
        var ticks = fraction.Length == 0
            ? 0
            : long.Parse(fraction.Length > MaxFractionDigits ? fraction[..MaxFractionDigits] : fraction.PadRight(MaxFractionDigits, '0'), NumberStyles.None, CultureInfo.InvariantCulture);
        return new TimeOnly(Part(match, "hour"), Part(match, "minute"), Part(match, "second")).Add(TimeSpan.FromTicks(ticks));
    }

    public DebetCredit DebetCredit(string name) => Str(name).Trim() switch
    {
        "D" => Common.DebetCredit.Debet,
        "C" => Common.DebetCredit.Credit,
        _ => throw Invalid(name, "is not D or C (COD043)"),
    };

    /// <summary>A message-level class (Client, Relatie, ...): its children stay in the message namespace.</summary>
    public ElementCursor Class(string name) => OptClass(name) ?? throw MissingChild(name);

    public ElementCursor? OptClass(string name) => Child(name, _messageNamespace);

    /// <summary>An element of a CDT_* type: its children are in the basisschema namespace.</summary>
    public ElementCursor Cdt(string name) => OptCdt(name) ?? throw MissingChild(name);

    public ElementCursor? OptCdt(string name) => Child(name, MessageType.BasisschemaNamespace);

    /// <summary>
    /// A wrapper element (ToegewezenProducten) holding 1..n items (ToegewezenProduct). An absent
    /// optional wrapper reads as an empty list; an absent required one is malformed. Each item is
    /// read into its record as it goes by.
    /// </summary>
    public EquatableArray<T> List<T>(string wrapper, string item, bool required, Func<ElementCursor, T> read)
    {
        if (OptClass(wrapper) is not { } container)
        {
            return required ? throw MissingChild(wrapper) : default;
        }

        var items = new Items<T>();
        while (container.Next(item))
        {
            items.Add(read(container.Open(item, items.Count + 1, _messageNamespace)));
        }

        return items.Count == 0 ? throw Missing(wrapper + "/" + item) : items.ToArray();
    }

    /// <summary>RetourCodes/RetourCode (1..n), both in the message namespace; codes are 4-character strings.</summary>
    public EquatableArray<string> RetourCodes() => OptRetourCodes() ?? throw MissingChild("RetourCodes");

    public EquatableArray<string>? OptRetourCodes()
    {
        if (OptClass("RetourCodes") is not { } container)
        {
            return null;
        }

        var codes = new Items<string>();
        while (container.Next("RetourCode"))
        {
            codes.Add(container.Str("RetourCode").Trim());
        }

        return codes.Count == 0 ? throw Missing("RetourCodes/RetourCode") : codes.ToArray();
    }

    /// <summary>Reads to the end of the element; a child nobody took is malformed.</summary>
    public void Finish()
    {
        Settle();
        if (!_ended)
        {
            throw new MalformedMessageException($"Element '{Path}/{_reader.LocalName}' is not expected there (unknown, repeated or out of order).");
        }
    }

    private string Intern(string code)
    {
        if (_codes.TryGetValue(code, out var known))
        {
            return known;
        }

        _codes.Add(code, code);
        return code;
    }

    /// <summary>The text of the next child when it is <paramref name="name"/>; null when the next child is another (or none).</summary>
    private string? Text(string name)
    {
        if (!At(name, _childNamespace))
        {
            return null;
        }

        var text = _reader.IsEmptyElement ? string.Empty : ReadText();
        NextChild();
        return text;
    }

    /// <summary>The next child when it is <paramref name="name"/>, as a cursor whose own children are in <paramref name="childNamespace"/>.</summary>
    private ElementCursor? Child(string name, string childNamespace) => At(name, _childNamespace) ? Open(name, 0, childNamespace) : null;

    private ElementCursor Open(string name, int item, string childNamespace)
    {
        _open = (_spare ??= new ElementCursor(_pass, this, _messageNamespace, _codes)).Start(name, item, childNamespace);
        return _open;
    }

    /// <summary>Starts on the element's start tag, which the reader is on.</summary>
    private ElementCursor Start(string name, int item, string childNamespace)
    {
        _name = name;
        _item = item;
        _childNamespace = childNamespace;
        _childDepth = _reader.Depth + 1;
        _open = null;
        _ended = _reader.IsEmptyElement;
        if (!_ended)
        {
            NextChild();
        }

        return this;
    }

    /// <summary>True while the next child is an <paramref name="item"/> of this wrapper (in the message namespace).</summary>
    private bool Next(string item)
    {
        if (At(item, _messageNamespace))
        {
            return true;
        }

        Finish();
        return false;
    }

    private bool At(string name, string ns)
    {
        Settle();
        return !_ended && _reader.LocalName == name && _reader.NamespaceURI == ns;
    }

    /// <summary>Finishes a child cursor still open, then moves on to the next child.</summary>
    private void Settle()
    {
        if (_open is { } open)
        {
            _open = null;
            open.Finish();
            NextChild();
        }
    }

    /// <summary>Moves to the start tag of the next child, or to this element's end tag.</summary>
    private void NextChild()
    {
        while (Read())
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Element when _reader.Depth == _childDepth:
                    return;
                case XmlNodeType.EndElement when _reader.Depth == _childDepth - 1:
                    _ended = true;
                    return;
            }

            // Text, whitespace or a comment between the children of a class: nothing of a record.
        }
    }

    /// <summary>
    /// The text content of the leaf child the reader is on, read up to its end tag. Like
    /// XElement.Value it joins every piece of text inside, xs:string whitespace included.
    /// </summary>
    private string ReadText()
    {
        string? first = null;
        StringBuilder? more = null;
        while (Read())
        {
            switch (_reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    if (first is null)
                    {
                        first = _reader.Value;
                    }
                    else
                    {
                        (more ??= new StringBuilder(first)).Append(_reader.Value);
                    }

                    break;
                case XmlNodeType.EndElement when _reader.Depth == _childDepth:
                    return more?.ToString() ?? first ?? string.Empty;
            }
        }

        return more?.ToString() ?? first ?? string.Empty;
    }

    /// <summary>
    /// The next node. The pass ends early only when level 1 reading along has stopped (the message
    /// is not one it validates); that is malformed here, and level 1 says why.
    /// </summary>
    private bool Read() => _pass.Read() ? true : throw new MalformedMessageException($"The document ends inside '{Path}'.");

    private MalformedMessageException Missing(string name) => new($"Element '{Path}/{name}' is missing.");

    /// <summary>Just after a child was looked for: says which element came in its place, if any.</summary>
    private MalformedMessageException MissingChild(string name) =>
        _ended ? Missing(name) : new($"Element '{Path}/{name}' is missing or out of order ('{_reader.LocalName}' is there instead).");

    private MalformedMessageException Invalid(string name, string why) => new($"Element '{Path}/{name}' {why}.");

    // xs:integer allows a sign and leading zeros; whitespace is collapsed by the schema.
    private int ParseInt(string text, string name) =>
        int.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(name, "is not an integer in range");

    private long ParseLong(string text, string name) =>
        long.TryParse(text.AsSpan().Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(name, "is not an integer in range");

    // LDT_Datum forbids a time zone, so only the plain form is accepted.
    private DateOnly ParseDate(string text, string name) =>
        DateOnly.TryParseExact(text.AsSpan().Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw Invalid(name, "is not a date yyyy-mm-dd without zone (LDT_Datum)");

    /// <summary>The items of one list as they are read, in a pooled buffer: the only array that stays is the final one.</summary>
    private struct Items<T>
    {
        private T[]? _buffer;

        public int Count { get; private set; }

        public void Add(T item)
        {
            if (_buffer is null || Count == _buffer.Length)
            {
                var grown = ArrayPool<T>.Shared.Rent(Math.Max(8, Count * 2));
                if (_buffer is not null)
                {
                    _buffer.AsSpan(0, Count).CopyTo(grown);
                    ArrayPool<T>.Shared.Return(_buffer, clearArray: true);
                }

                _buffer = grown;
            }

            _buffer[Count++] = item;
        }

        public EquatableArray<T> ToArray()
        {
            if (_buffer is null)
            {
                return default;
            }

            var items = ImmutableArray.Create(_buffer, 0, Count);
            ArrayPool<T>.Shared.Return(_buffer, clearArray: true);
            _buffer = null;
            return items;
        }
    }

    private static int Part(Match match, string group) => int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The xs:time lexical form without zone, in range (24:00:00 is refused, as the schema validator refuses it).</summary>
    [GeneratedRegex(@"^(?<hour>[01][0-9]|2[0-3]):(?<minute>[0-5][0-9]):(?<second>[0-5][0-9])(\.(?<fraction>[0-9]+))?$")]
    private static partial Regex XsTime();
}
