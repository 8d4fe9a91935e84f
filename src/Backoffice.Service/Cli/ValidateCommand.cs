using System.CommandLine;
using Backoffice.Core.Schemas;
using Backoffice.Core.Retours;
using Backoffice.Core.Validation;
using Backoffice.Service.Hosting;
using Backoffice.Service.Processing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Cli;

/// <summary>
/// <c>backoffice validate PATH... [--format text|json] [--schemas DIR]</c>: files or folders
/// (folders: every *.xml below them). Exit 0 when all are valid, 1 when any is not, 2 on usage or
/// I/O errors.
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Message files or folders." };
        var format = CommonOptions.Format();
        var schemas = CommonOptions.Schemas();
        var config = CommonOptions.Config();
        var command = new Command("validate", "Validate iWmo 3.2 messages (level 1: file rules and XSD; level 2: the in-message rules) and report every finding.")
        {
            paths, format, schemas, config,
        };
        command.SetAction((parse, ct) =>
        {
            var settings = new HostSettings(
                CommonOptions.Overrides(("Schemas:Directory", parse.GetValue(schemas))),
                parse.GetValue(config),
                ConsoleToStandardError: true);
            return RunAsync(parse.GetValue(paths)!, parse.GetValue(format) == "json", settings, stdout, stderr);
        });
        return command;
    }

    private static async Task<int> RunAsync(string[] inputs, bool json, HostSettings settings, TextWriter stdout, TextWriter stderr)
    {
        MessageCheck check;
        try
        {
            using var host = BackofficeHost.CreateBuilder(settings).Build();
            check = host.Services.GetRequiredService<MessageCheck>();
        }
        catch (Exception ex) when (ex is SchemaCatalogueException or OptionsValidationException)
        {
            stderr.WriteLine($"backoffice validate: {ex.Message}");
            return ExitCodes.Usage;
        }

        var exit = ExitCodes.Ok;
        var files = new List<string>();
        foreach (var input in inputs)
        {
            if (File.Exists(input))
            {
                files.Add(input);
            }
            else if (Directory.Exists(input))
            {
                files.AddRange(Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".xml", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                stderr.WriteLine($"backoffice validate: '{input}' is not a file or folder.");
                exit = ExitCodes.Usage;
            }
        }

        var results = new List<FileVerdict>();
        foreach (var file in files)
        {
            CheckedMessage report;
            try
            {
                // Staff also check the answers we build ourselves, so every direction is validated here;
                // the inbox takes in only what providers and the front office send (Inbound).
                report = await check.CheckAsync(
                    _ => Task.FromResult<Stream>(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.SequentialScan)),
                    MessageScope.AnyDirection,
                    null,
                    CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"backoffice validate: cannot read '{file}': {ex.GetType().Name}");
                exit = ExitCodes.Usage;
                continue;
            }

            var verdict = FileVerdict.From(file, report);
            results.Add(verdict);
            if (!json)
            {
                WriteText(stdout, verdict, report);
            }

            if (!verdict.Valid && exit == ExitCodes.Ok)
            {
                exit = ExitCodes.Findings;
            }
        }

        if (json)
        {
            JsonOutput.Write(stdout, results);
        }
        else
        {
            stdout.WriteLine($"{results.Count} files: {results.Count(r => r.Valid)} valid, {results.Count(r => !r.Valid)} not valid.");
        }

        return exit;
    }

    private static void WriteText(TextWriter stdout, FileVerdict verdict, CheckedMessage report)
    {
        var what = verdict.Standard is null ? string.Empty : $" ({verdict.Standard}{(verdict.MessageType is null ? string.Empty : " " + verdict.MessageType)}{(verdict.BerichtCode is { } c ? $", BerichtCode {c}" : string.Empty)})";
        var word = report.Level1.Verdict switch
        {
            Verdict.Valid when report.Held is not null => "NOT CHECKED",
            Verdict.Valid when report.Level2.Count > 0 => "INVALID (level 2)",
            Verdict.Valid => "valid",
            Verdict.Invalid => "INVALID",
            Verdict.Unsupported => "NOT SUPPORTED",
            Verdict.Unreadable => "UNREADABLE",
            _ => "TOO LARGE",
        };
        stdout.WriteLine($"{verdict.File}: {word}{what}");
        foreach (var finding in report.Findings)
        {
            stdout.WriteLine("  " + FindingText.Format(finding));
        }

        if (report.Level1.FindingsOmitted > 0)
        {
            stdout.WriteLine($"  ... and {report.Level1.FindingsOmitted} more findings");
        }

        if (report.Held is { } held)
        {
            stdout.WriteLine("  " + held);
        }
    }

    /// <summary>One element of the JSON array: level-1 and level-2 findings in one list, each with its level.</summary>
    internal sealed record FileVerdict(string File, string? Standard, string? MessageType, int? BerichtCode, bool Valid, string Verdict, IReadOnlyList<Finding> Findings)
    {
        public static FileVerdict From(string file, CheckedMessage report)
        {
            var level1 = report.Level1;
            var valid = level1.Valid && report.Level2.Count == 0 && report.Held is null;
            var verdict = level1.Valid && !valid ? "invalid" : level1.Verdict.ToString().ToLowerInvariant();
            return new(file, level1.Standard, level1.MessageType, level1.BerichtCode, valid, verdict, report.Findings);
        }
    }
}
