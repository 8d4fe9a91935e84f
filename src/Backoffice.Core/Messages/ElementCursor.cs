using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Messages;

/// <summary>
/// Thrown inside <see cref="IwmoReader"/> only and turned into a <see cref="ReadFailure"/> there.
/// The message is an element path, never an element value.
/// </summary>
#pragma warning disable CA1064 // Never escapes the reader, which converts it into a failure value.
internal sealed class MalformedMessageException(string reason) : Exception(reason);
#pragma warning restore CA1064

/// <summary>
/// A position in a message being read. Children of a message-level class are in the message
/// namespace; children of a CDT_* element are in the basisschema namespace (iwmo-3.2.md §2).
/// </summary>
internal sealed partial class ElementCursor
{
    /// <summary>The fraction digits <see cref="TimeOnly"/> can hold: one tick is 100 ns.</summary>
    private const int MaxFractionDigits = 7;

    private static readonly XNamespace Basis = MessageType.BasisschemaNamespace;


    private readonly XElement element;
    private readonly XNamespace messageNamespace;
    private readonly XNamespace childNamespace;
    private readonly string path;

    private ElementCursor(XElement element, XNamespace messageNamespace, XNamespace childNamespace, string path)
    {
        this.element = element;
        this.messageNamespace = messageNamespace;
        this.childNamespace = childNamespace;
        this.path = path;
    }

    public static ElementCursor Root(XElement root) => new(root, root.Name.Namespace, root.Name.Namespace, root.Name.LocalName);

    public bool Has(string name) => element.Element(childNamespace + name) is not null;

    public string Str(string name) => Required(name).Value;

    public string? OptStr(string name) => element.Element(childNamespace + name)?.Value;

    public int Int(string name) => ParseInt(Required(name), name);

    public int? OptInt(string name) => element.Element(childNamespace + name) is { } e ? ParseInt(e, name) : null;

    public long Long(string name) => ParseLong(Required(name), name);

    public long? OptLong(string name) => element.Element(childNamespace + name) is { } e ? ParseLong(e, name) : null;

    public DateOnly Date(string name) => ParseDate(Required(name), name);

    public DateOnly? OptDate(string name) => element.Element(childNamespace + name) is { } e ? ParseDate(e, name) : null;

    /// <summary>
    /// LDT_Tijd: xs:time without a zone, <c>hh:mm:ss</c> with any number of fraction digits.
    /// TimeOnly holds seven (100 ns ticks): digits past the seventh are cut off, not rounded, so a
    /// value never moves into the next second (or day). Nothing in iWmo needs finer than 100 ns (IV013
    /// orders allocations by Toewijzingsdatum + Toewijzingstijd), and a message that passed the XSD
    /// must never fail here and so go unanswered.
    /// </summary>
    public TimeOnly Time(string name)
    {
        var match = XsTime().Match(Required(name).Value.Trim());
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

    public DebetCredit DebetCredit(string name) => Required(name).Value.Trim() switch
    {
        "D" => Common.DebetCredit.Debet,
        "C" => Common.DebetCredit.Credit,
        _ => throw Invalid(name, "is not D or C (COD043)"),
    };

    /// <summary>A message-level class (Client, Relatie, ...): its children stay in the message namespace.</summary>
    public ElementCursor Class(string name) => new(Required(name), messageNamespace, messageNamespace, path + "/" + name);

    public ElementCursor? OptClass(string name) =>
        element.Element(childNamespace + name) is { } e ? new(e, messageNamespace, messageNamespace, path + "/" + name) : null;

    /// <summary>An element of a CDT_* type: its children are in the basisschema namespace.</summary>
    public ElementCursor Cdt(string name) => new(Required(name), messageNamespace, Basis, path + "/" + name);

    public ElementCursor? OptCdt(string name) =>
        element.Element(childNamespace + name) is { } e ? new(e, messageNamespace, Basis, path + "/" + name) : null;

    /// <summary>
    /// A wrapper element (ToegewezenProducten) holding 1..n items (ToegewezenProduct). An absent
    /// optional wrapper reads as an empty list; an absent required one is malformed.
    /// </summary>
    public EquatableArray<T> List<T>(string wrapper, string item, bool required, Func<ElementCursor, T> read)
    {
        var container = element.Element(childNamespace + wrapper);
        if (container is null)
        {
            return required ? throw Missing(wrapper) : default;
        }

        var items = container.Elements(messageNamespace + item)
            .Select((e, i) => read(new(e, messageNamespace, messageNamespace, $"{path}/{wrapper}/{item}[{i + 1}]")))
            .ToEquatableArray();
        return items.IsEmpty ? throw Missing(wrapper + "/" + item) : items;
    }

    /// <summary>RetourCodes/RetourCode (1..n), both in the message namespace; codes are 4-character strings.</summary>
    public EquatableArray<string> RetourCodes() => OptRetourCodes() ?? throw Missing("RetourCodes");

    public EquatableArray<string>? OptRetourCodes()
    {
        var container = element.Element(messageNamespace + "RetourCodes");
        if (container is null)
        {
            return null;
        }

        var codes = container.Elements(messageNamespace + "RetourCode").Select(e => e.Value.Trim()).ToEquatableArray();
        return codes.IsEmpty ? throw Missing("RetourCodes/RetourCode") : codes;
    }

    private XElement Required(string name) => element.Element(childNamespace + name) ?? throw Missing(name);

    private MalformedMessageException Missing(string name) => new($"Element '{path}/{name}' is missing.");

    private MalformedMessageException Invalid(string name, string why) => new($"Element '{path}/{name}' {why}.");

    // xs:integer allows a sign and leading zeros; whitespace is collapsed by the schema.
    private int ParseInt(XElement e, string name) =>
        int.TryParse(e.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(name, "is not an integer in range");

    private long ParseLong(XElement e, string name) =>
        long.TryParse(e.Value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(name, "is not an integer in range");

    // LDT_Datum forbids a time zone, so only the plain form is accepted.
    private DateOnly ParseDate(XElement e, string name) =>
        DateOnly.TryParseExact(e.Value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? value
            : throw Invalid(name, "is not a date yyyy-mm-dd without zone (LDT_Datum)");

    private static int Part(Match match, string group) => int.Parse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>The xs:time lexical form without zone, in range (24:00:00 is refused, as the schema validator refuses it).</summary>
    [GeneratedRegex(@"^(?<hour>[01][0-9]|2[0-3]):(?<minute>[0-5][0-9]):(?<second>[0-5][0-9])(\.(?<fraction>[0-9]+))?$")]
    private static partial Regex XsTime();
}
