using System.Globalization;

namespace Backoffice.Core.Rules;

/// <summary>
/// An element path in a message, built from the record a rule is looking at, in the form the
/// level-1 validator reports (<c>/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]/ProductCode</c>:
/// local names, a position only from the second same-named sibling on). Positions are 1-based.
/// <para>
/// A path is a chain of steps and its text is built when first asked for (<see cref="ToString"/>).
/// Each step is an object, so the rules over the many lines of a declaration make a line's path only
/// when they report on it (<c>DeclaratieLine.Path</c>). Two paths are equal when their texts are.
/// </para>
/// </summary>
public readonly struct XmlPath : IEquatable<XmlPath>
{
    private readonly Step? step;

    private XmlPath(Step step) => this.step = step;

    /// <summary><c>/Bericht</c>, the root of every iWmo message.</summary>
    public static XmlPath Bericht { get; } = new(new Step(null, "Bericht", 1));

    public XmlPath Child(string name) => Child(name, 1);

    /// <summary>The <paramref name="position"/>-th child named <paramref name="name"/> (1-based).</summary>
    public XmlPath Child(string name, int position)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        return new XmlPath(new Step(step, name, position));
    }

    /// <summary>The child at <paramref name="index"/> of a list (0-based, as in the record's array).</summary>
    public XmlPath Item(string name, int index) => Child(name, index + 1);

    public static bool operator ==(XmlPath left, XmlPath right) => left.Equals(right);

    public static bool operator !=(XmlPath left, XmlPath right) => !left.Equals(right);

    public override string ToString() => step?.Text ?? string.Empty;

    public bool Equals(XmlPath other) => string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is XmlPath other && Equals(other);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    /// <summary>One element of the path; its text (the whole path up to here) is made once, on first use.</summary>
    private sealed class Step(Step? parent, string name, int position)
    {
        private string? text;

        public string Text => text ??= (parent?.Text ?? string.Empty) + "/" + name
            + (position > 1 ? "[" + position.ToString(CultureInfo.InvariantCulture) + "]" : string.Empty);
    }
}
