using System.Text;

namespace Backoffice.Core.Rules;

/// <summary>
/// An element path in a message, built from the record a rule is looking at, in the form the
/// level-1 validator reports (<c>/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]/ProductCode</c>:
/// local names, a position only from the second same-named sibling on). Positions are 1-based.
/// </summary>
public readonly record struct XmlPath
{
    private readonly string? text;

    private XmlPath(string text) => this.text = text;

    /// <summary><c>/Bericht</c>, the root of every iWmo message.</summary>
    public static XmlPath Bericht { get; } = new("/Bericht");

    public XmlPath Child(string name) => Child(name, 1);

    /// <summary>The <paramref name="position"/>-th child named <paramref name="name"/> (1-based).</summary>
    public XmlPath Child(string name, int position)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        var builder = new StringBuilder(text ?? string.Empty).Append('/').Append(name);
        if (position > 1)
        {
            builder.Append('[').Append(position).Append(']');
        }

        return new XmlPath(builder.ToString());
    }

    /// <summary>The child at <paramref name="index"/> of a list (0-based, as in the record's array).</summary>
    public XmlPath Item(string name, int index) => Child(name, index + 1);

    public override string ToString() => text ?? string.Empty;
}
