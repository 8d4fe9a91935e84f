using System.Globalization;
using System.Text;

namespace Backoffice.Service.Intake;

/// <summary>
/// Every file name we print or write is bounded and tame. A delivered name is somebody else's
/// text: it may hold a newline (forging a line in a reason file or in the output), terminal
/// escapes, a BSN, or be so long that our prefix pushes it past the 255-byte limit of a name.
/// </summary>
public static class SafeNames
{
    /// <summary>
    /// The most UTF-8 bytes of a set-aside name, so that the temporary copy <c>.{name}.partial</c>
    /// and the reason file <c>{name}.reason.txt</c> (and its own temporary) stay under 255 bytes.
    /// </summary>
    public const int MaxSetAsideBytes = 230;

    private const int MaxPrintableChars = 120;

    /// <summary>
    /// A name for output and reason files: control and format characters (newline, escape, bidi
    /// overrides) shown as <c>?</c>, and at most 120 characters (the middle elided).
    /// </summary>
    public static string Printable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = new StringBuilder(Math.Min(name.Length, MaxPrintableChars + 3));
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            text.Append(category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
                ? "?"
                : rune.ToString());
        }

        var printable = text.ToString();
        return printable.Length <= MaxPrintableChars
            ? printable
            : string.Concat(printable.AsSpan(0, (MaxPrintableChars / 2) - 1), "...", printable.AsSpan(printable.Length - (MaxPrintableChars / 2) + 2));
    }

    /// <summary>
    /// The name a delivered file is set aside under: <c>{message:D6}-{delivery:D6}-{name}</c>,
    /// unique per delivery (so a second delivery of the same name never overwrites the first), the
    /// same on every run (so a run that finishes a crashed one finds the same file), with only
    /// portable characters and at most <see cref="MaxSetAsideBytes"/> bytes, extension kept.
    /// </summary>
    public static string SetAsideName(string prefix, string original)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentNullException.ThrowIfNull(original);
        var portable = new StringBuilder(original.Length);
        foreach (var c in original)
        {
            portable.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' ? c : '_');
        }

        // No leading dots: a set-aside file must not look like a hidden or temporary one.
        var name = portable.ToString().TrimStart('.');
        if (name.Length == 0)
        {
            name = "unnamed";
        }

        var budget = MaxSetAsideBytes - prefix.Length - 1;
        if (name.Length > budget)
        {
            var dot = name.LastIndexOf('.');
            var extension = dot > 0 && name.Length - dot <= 10 ? name[dot..] : string.Empty;
            name = string.Concat(name.AsSpan(0, budget - extension.Length - 1), "~", extension);
        }

        return $"{prefix}-{name}";
    }

    /// <summary>The prefix for a stored delivery: message and delivery id.</summary>
    public static string DeliveryPrefix(long messageId, long deliveryId) =>
        string.Create(CultureInfo.InvariantCulture, $"{messageId:D6}-{deliveryId:D6}");
}
