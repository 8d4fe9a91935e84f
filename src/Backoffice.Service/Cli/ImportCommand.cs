using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Backoffice.Data.Audit;
using Backoffice.Data.Migrations;
using Backoffice.Data.Reference;
using Backoffice.Service.Hosting;
using Backoffice.Service.Logging;
using Backoffice.Service.Reference;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Cli;

/// <summary>
/// <c>backoffice import KIND FILE [--data DIR] [--config FILE] [--format text|json]</c>: one CSV file
/// of reference data (municipalities, providers, products, contracts, indications) into the database,
/// all rows or none. <c>backoffice import all DIR</c> imports <c>municipalities.csv</c>,
/// <c>providers.csv</c>, <c>products.csv</c>, <c>contracts.csv</c> and <c>indications.csv</c> from DIR
/// in that order, each that exists (each file all or nothing; it stops at the first file with
/// rejected rows). Exit 0 imported (also when nothing changed), 1 rows rejected and nothing of
/// that file imported, 2 usage, configuration, I/O or database error.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var kind = new Argument<string>("KIND") { Description = "What the file holds: " + string.Join(", ", ReferenceWords.Kinds.Select(ReferenceWords.Of)) + "; or all, with a folder holding KIND.csv files." };
        kind.AcceptOnlyFromAmong([.. ReferenceWords.Kinds.Select(ReferenceWords.Of), All]);
        var file = new Argument<string>("FILE") { Description = "The CSV file (UTF-8, comma-separated, header row; see the README for each kind's columns); with all, the folder." };
        var data = CommonOptions.Data();
        var config = CommonOptions.Config();
        var format = CommonOptions.Format();
        var actor = CommonOptions.Actor();
        var why = CommonOptions.Why();
        var command = new Command("import", "Import a CSV file of reference data: every new or changed row becomes a version, or (with any row rejected) nothing is imported.")
        {
            kind, file, data, config, format, actor, why,
        };
        command.SetAction(async (parse, ct) =>
        {
            if (CommonOptions.Person(parse, actor, why, "import", stderr) is not { } by)
            {
                return ExitCodes.Usage;
            }

            var settings = new HostSettings(
                CommonOptions.Overrides(("Data:Directory", parse.GetValue(data))),
                parse.GetValue(config),
                ConsoleToStandardError: true);
            var json = parse.GetValue(format) == "json";
            if (parse.GetValue(kind) == All)
            {
                return await RunAllAsync(parse.GetValue(file)!, settings, by, json, stdout, stderr, ct);
            }

            if (!ReferenceWords.TryParseKind(parse.GetValue(kind), out var what))
            {
                return ExitCodes.Usage; // AcceptOnlyFromAmong already refused it with the reason
            }

            return await RunAsync(what, parse.GetValue(file)!, settings, by, json, stdout, stderr, ct);
        });
        return command;
    }

    /// <summary>Every kind, in the order later kinds need earlier ones (a contract names a provider and a product, an indication a served municipality).</summary>
    private static async Task<int> RunAllAsync(string folder, HostSettings settings, AuditActor by, bool json, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
        {
            await stderr.WriteLineAsync($"backoffice import: '{folder}' is not a folder.");
            return ExitCodes.Usage;
        }

        var files = ReferenceWords.Kinds
            .Select(k => (Kind: k, Path: ReferenceImporter.FileIn(folder, k)))
            .Where(f => File.Exists(f.Path))
            .ToList();
        if (files.Count == 0)
        {
            await stderr.WriteLineAsync($"backoffice import: '{folder}' holds none of {string.Join(", ", ReferenceWords.Kinds.Select(k => ReferenceWords.Of(k) + ".csv"))}.");
            return ExitCodes.Usage;
        }

        foreach (var (what, path) in files)
        {
            var exit = await RunAsync(what, path, settings, by, json, stdout, stderr, ct);
            if (exit != ExitCodes.Ok)
            {
                return exit;
            }
        }

        return ExitCodes.Ok;
    }

    private const string All = "all";

    private static async Task<int> RunAsync(ReferenceKind kind, string path, HostSettings settings, AuditActor by, bool json, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        IHost? host = null;
        try
        {
            ReferenceFileImport import;
            try
            {
                if (!File.Exists(path))
                {
                    await stderr.WriteLineAsync($"backoffice import: '{path}' is not a file.");
                    return ExitCodes.Usage;
                }

                // Migrating takes the database's migration lock, as every verb that opens the store does.
                host = BackofficeHost.BuildMigrated(settings);

                import = await host.Services.GetRequiredService<ReferenceImporter>().ImportAsync(kind, path, ct, by);
            }
            catch (Exception ex) when (ex is DatabaseMigrationException or OptionsValidationException)
            {
                await stderr.WriteLineAsync($"backoffice import: {ex.Message}");
                return ExitCodes.Usage;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                await stderr.WriteLineAsync($"backoffice import: the file could not be read ({Redaction.Describe(ex)}); nothing was imported.");
                return ExitCodes.Usage;
            }
            catch (Exception ex) when (ex is DbException or TimeoutException)
            {
                // The transaction did not commit: nothing of the file is in the database.
                await stderr.WriteLineAsync($"backoffice import: the database refused the import ({Redaction.Describe(ex)}); nothing was imported.");
                return ExitCodes.Usage;
            }

            Report(import, path, json, stdout);
            return import.Result.Applied ? ExitCodes.Ok : ExitCodes.Findings;
        }
        finally
        {
            host?.Dispose();
        }
    }

    private static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {ReferenceCsv.Plural(count, one, many)}");

    private static void Report(ReferenceFileImport import, string path, bool json, TextWriter stdout)
    {
        var r = import.Result;
        var kind = ReferenceWords.Of(r.Kind);
        if (json)
        {
            JsonOutput.Write(stdout, new
            {
                Kind = kind,
                File = path,
                import.FileSha256,
                r.Applied,
                r.RowsRead,
                r.VersionsAdded,
                r.New,
                r.Changed,
                r.Unchanged,
                r.ImportId,
                Rejected = r.Rejected.Select(p => new { p.Line, p.Column, p.Reason }),
            });
            return;
        }

        foreach (var problem in r.Rejected)
        {
            stdout.WriteLine(problem.ToString());
        }

        var rows = Count(r.RowsRead, "row", "rows");
        stdout.WriteLine(r.Applied
            ? $"{kind}: {rows} read, {Count(r.VersionsAdded, "version", "versions")} added ({Count(r.New, "new", "new")}, {Count(r.Changed, "changed", "changed")}), {Count(r.Unchanged, "unchanged", "unchanged")}."
            : $"{kind}: {rows} read, {Count(r.Rejected.Count, "problem", "problems")}; nothing was imported (fix the lines above and import the whole file again).");
    }
}
