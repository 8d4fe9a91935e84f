using System.Globalization;

namespace Backoffice.Core.Messages.Common;

/// <summary>
/// The text of an xs:integer element as the message wrote it, for the rules whose official
/// stylesheet compares the text and not the number (iwmo-3.2.md §8.11): TR358 (TotaalBedrag) and
/// TR101 (ToewijzingNummer in a key). xs:integer allows a sign and leading zeros, so "+123" and
/// "0123" are the number 123 but not its text. A record keeps the text only when it differs from the
/// number written plainly, so records built in code, and records read from plainly written
/// messages, hold null and compare as before. Surrounding whitespace is not part of the text: the
/// schema collapses it before the value counts.
/// </summary>
public static class AsSent
{
    /// <summary>The text to keep beside <paramref name="value"/>: null when it is the plain form.</summary>
    public static string? Keep(string text, long value)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sent = text.AsSpan().Trim();
        Span<char> plain = stackalloc char[20];
        return value.TryFormat(plain, out var written, default, CultureInfo.InvariantCulture) && sent.SequenceEqual(plain[..written])
            ? null
            : sent.ToString();
    }

    /// <summary>
    /// The text a text-comparing rule sees: the text as sent while it still denotes
    /// <paramref name="value"/> (a record changed with <c>with</c> may carry a stale one), else the
    /// value written plainly.
    /// </summary>
    public static string Text(long value, string? asSent) =>
        asSent is not null && long.TryParse(asSent, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) && parsed == value
            ? asSent
            : value.ToString(CultureInfo.InvariantCulture);
}
