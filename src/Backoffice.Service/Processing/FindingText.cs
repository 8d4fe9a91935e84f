using System.Globalization;
using Backoffice.Core.Validation;

namespace Backoffice.Service.Processing;

/// <summary>One finding as one line of text, the same in the CLI, reason files and logs.</summary>
public static class FindingText
{
    public static string Format(Finding f)
    {
        var where = f.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"line {line}, column {f.Column}") : "file";
        var rule = f.Rule is null ? string.Empty : $"[{f.Rule}{(f.Retourcode is null ? string.Empty : " -> " + f.Retourcode)}] ";
        var path = f.Path is null ? string.Empty : $" {f.Path}";
        return $"{where}{path}: {rule}{f.Message}";
    }
}
