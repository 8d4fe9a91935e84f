using System.Globalization;
using Backoffice.Core.Validation;

namespace Backoffice.Service.Processing;

/// <summary>One finding as one line of text, the same in the CLI, reason files and logs.</summary>
public static class FindingText
{
    public static string Format(Finding f)
    {
        ArgumentNullException.ThrowIfNull(f);
        return Format(f.Rule, f.Retourcode, f.Path, f.Line, f.Column, f.Message);
    }

    public static string Format(string? rule, string? retourcode, string? path, int? line, int? column, string message)
    {
        var where = line is { } l ? string.Create(CultureInfo.InvariantCulture, $"line {l}, column {column}") : "file";
        var code = rule is null ? string.Empty : $"[{rule}{(retourcode is null ? string.Empty : " -> " + retourcode)}] ";
        var at = path is null ? string.Empty : $" {path}";
        return $"{where}{at}: {code}{message}";
    }
}
