using System.Text;
using System.Text.RegularExpressions;

namespace Backoffice.Service.Logging;

/// <summary>
/// Describes an exception for logs, reason files and output without what it may quote: .NET's I/O
/// messages name the full path (a delivered file name may hold a BSN) and parsers quote content.
/// Type names and the system's own words stay, so an operator still sees "No space left on device".
/// </summary>
public static partial class Redaction
{
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var text = new StringBuilder();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (text.Length > 0)
            {
                text.Append(" <- ");
            }

            text.Append(current.GetType().Name).Append(": ").Append(Scrub(current.Message));
        }

        return text.ToString();
    }

    /// <summary>Quoted parts and absolute paths replaced by a marker.</summary>
    public static string Scrub(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = Quoted().Replace(message, "'…'");
        text = UnixPath().Replace(text, "$1…");
        return WindowsPath().Replace(text, "…");
    }

    [GeneratedRegex(@"'[^']*'|""[^""]*""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"(^|[\s:(=])/[^\s'""]+")]
    private static partial Regex UnixPath();

    [GeneratedRegex(@"\b[A-Za-z]:\\[^\s'""]+")]
    private static partial Regex WindowsPath();
}
