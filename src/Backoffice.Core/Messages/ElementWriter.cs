using System.Globalization;
using System.Xml;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Messages;

/// <summary>
/// Writes elements in the message namespace, or in the basisschema namespace while inside a
/// CDT_* element (iwmo-3.2.md §2). Absent optional values (null) write nothing; an optional text
/// that is empty or only whitespace is absent too (RS033: no empty elements). What the XSD
/// requires at least once is never left out silently: the records cannot be built without it, and
/// should one get here anyway, the writer throws naming the element.
/// </summary>
internal sealed class ElementWriter(XmlWriter xml, MessageType type)
{
    public const string BasisPrefix = "iwmo";

    private readonly Stack<(string Name, bool Cdt)> open = new();

    public MessageType Type { get; } = type;

    public string Prefix { get; } = type.Name.ToLowerInvariant();

    private bool InCdt => open.Count > 0 && open.Peek().Cdt;

    /// <summary>The element being written, for error messages.</summary>
    private string Current => open.Count > 0 ? open.Peek().Name : "Bericht";

    public void Start(string name)
    {
        StartElement(name);
        open.Push((name, false));
    }

    public void StartCdt(string name)
    {
        StartElement(name);
        open.Push((name, true));
    }

    public void End()
    {
        open.Pop();
        xml.WriteEndElement();
    }

    /// <summary>A required text element, written as it is (the XSD judges its value).</summary>
    public void Leaf(string name, string value)
    {
        StartElement(name);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    /// <summary>
    /// An optional text element. Null, empty and whitespace-only all mean absent: no iWmo text type
    /// allows a blank value (LDT_Commentaar and the others require a non-space), so writing one would
    /// make the answer XSD-invalid. Such a value therefore reads back as null.
    /// </summary>
    public void OptLeaf(string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            Leaf(name, value);
        }
    }

    public void Leaf(string name, long? value) => OptLeaf(name, value?.ToString(CultureInfo.InvariantCulture));

    public void Leaf(string name, DateOnly? value) => OptLeaf(name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    // LDT_Tijd: no zone; fractions only when there are any, so 12:34:56 stays as the samples write it.
    public void Leaf(string name, TimeOnly value) =>
        Leaf(name, value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));

    public void Leaf(string name, DebetCredit value) => Leaf(name, value switch
    {
        DebetCredit.Debet => "D",
        DebetCredit.Credit => "C",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "DebetCredit is D or C."),
    });

    /// <summary>An optional wrapper (Relaties): empty means absent; a present wrapper holds 1..n items.</summary>
    public void List<T>(string wrapper, EquatableArray<T> items, Action<ElementWriter, T> write)
    {
        if (!items.IsEmpty)
        {
            RequiredList(wrapper, items, write);
        }
    }

    /// <summary>A required wrapper (ToegewezenProducten, Prestaties): 1..n items, never left out.</summary>
    public void RequiredList<T>(string wrapper, EquatableArray<T> items, Action<ElementWriter, T> write)
    {
        if (items.IsEmpty)
        {
            throw new InvalidOperationException($"{Current}/{wrapper} has no items; the XSD requires at least one, so it can be neither left out nor written empty.");
        }

        Start(wrapper);
        foreach (var item in items)
        {
            write(this, item);
        }

        End();
    }

    /// <summary>A CDT_* element with its children; a null (absent optional) value writes nothing.</summary>
    public void Cdt<T>(string name, T? value, Action<ElementWriter, T> writeChildren)
        where T : class
    {
        if (value is null)
        {
            return;
        }

        StartCdt(name);
        writeChildren(this, value);
        End();
    }

    public void Opt<T>(T? value, Action<ElementWriter, T> write)
        where T : class
    {
        if (value is not null)
        {
            write(this, value);
        }
    }

    public void RetourCodes(EquatableArray<string> codes)
    {
        if (codes.IsEmpty)
        {
            throw new InvalidOperationException($"{Current}/RetourCodes has no RetourCode; the XSD requires at least one, so an empty <RetourCodes/> is never written.");
        }

        Start("RetourCodes");
        foreach (var code in codes)
        {
            Leaf("RetourCode", code);
        }

        End();
    }

    public void OptRetourCodes(EquatableArray<string>? codes)
    {
        if (codes is { } present)
        {
            RetourCodes(present);
        }
    }

    private void StartElement(string name)
    {
        if (InCdt)
        {
            xml.WriteStartElement(BasisPrefix, name, MessageType.BasisschemaNamespace);
        }
        else
        {
            xml.WriteStartElement(Prefix, name, Type.Namespace);
        }
    }
}
