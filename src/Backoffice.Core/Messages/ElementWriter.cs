using System.Globalization;
using System.Xml;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Messages;

/// <summary>
/// Writes elements in the message namespace, or in the basisschema namespace while inside a
/// CDT_* element (iwmo-3.2.md §2). Absent optional values (null) write nothing.
/// </summary>
internal sealed class ElementWriter(XmlWriter xml, MessageType type)
{
    public const string BasisPrefix = "iwmo";

    private readonly Stack<bool> inCdt = new();

    public MessageType Type { get; } = type;

    public string Prefix { get; } = type.Name.ToLowerInvariant();

    private bool InCdt => inCdt.Count > 0 && inCdt.Peek();

    public void Start(string name)
    {
        StartElement(name);
        inCdt.Push(false);
    }

    public void StartCdt(string name)
    {
        StartElement(name);
        inCdt.Push(true);
    }

    public void End()
    {
        inCdt.Pop();
        xml.WriteEndElement();
    }

    public void Leaf(string name, string? value)
    {
        if (value is null)
        {
            return;
        }

        StartElement(name);
        xml.WriteString(value);
        xml.WriteEndElement();
    }

    public void Leaf(string name, long? value) => Leaf(name, value?.ToString(CultureInfo.InvariantCulture));

    public void Leaf(string name, DateOnly? value) => Leaf(name, value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    // LDT_Tijd: no zone; fractions only when there are any, so 12:34:56 stays as the samples write it.
    public void Leaf(string name, TimeOnly value) =>
        Leaf(name, value.ToString(value.Ticks % TimeSpan.TicksPerSecond == 0 ? "HH:mm:ss" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));

    public void Leaf(string name, DebetCredit value) => Leaf(name, value switch
    {
        DebetCredit.Debet => "D",
        DebetCredit.Credit => "C",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "DebetCredit is D or C."),
    });

    /// <summary>Empty means the optional wrapper is absent; a present wrapper needs 1..n items.</summary>
    public void List<T>(string wrapper, EquatableArray<T> items, Action<ElementWriter, T> write)
    {
        if (items.IsEmpty)
        {
            return;
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
