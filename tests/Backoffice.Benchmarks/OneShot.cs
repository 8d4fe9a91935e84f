using System.Diagnostics;
using System.Globalization;
using Backoffice.Core.Validation;
using Backoffice.TestSupport.Generators;

namespace Backoffice.Benchmarks;

/// <summary>One line of the one-shot table: a way to check the same files, timed <see cref="Seconds"/> (one value per run).</summary>
public sealed record OneShotRow(string What, int Files, long Bytes, IReadOnlyList<double> Seconds, string? Note = null)
{
    public double Median => Seconds.Count == 0 ? double.NaN : Seconds.Order().ElementAt(Seconds.Count / 2);

    public double Min => Seconds.Count == 0 ? double.NaN : Seconds.Min();
}

/// <summary>
/// <c>backoffice validate</c> as a one-shot command: the built CLI (the apphost of Backoffice.Service,
/// Release, copied next to this benchmark) started as a child process on five large WMO323s, wall
/// time from start to exit, against the same work in this process (MessageCheck on the same files,
/// from disk, AnyDirection as validate runs it), warm. The difference is what a fresh process pays:
/// runtime start, host build and schema compilation, JIT (tiered: first tier-0 code, then
/// recompiled), a cold GC heap. Also timed: validate on one tiny file (the fixed cost), validate
/// with tiered compilation off (fully optimised JIT from the start), the XSD-only read in this
/// process, and xmllint's XSD check of the same files when xmllint is installed (skipped otherwise).
/// </summary>
public static class OneShot
{
    public static async Task<IReadOnlyList<OneShotRow>> RunAsync(TextWriter log, int fileCount, int prestaties, int runs)
    {
        ArgumentNullException.ThrowIfNull(log);
        var folder = Directory.CreateDirectory(Path.Combine(BenchmarkData.WorkDirectory, "oneshot")).FullName;
        var files = new List<string>();
        long bytes = 0;
        for (var n = 1; n <= fileCount; n++)
        {
            var path = Path.Combine(folder, FormattableString.Invariant($"WMO323-{n}.xml"));
            var summary = Wmo323Generator.WriteFile(path, BenchmarkData.Options(prestaties) with
            {
                Identificatie = FormattableString.Invariant($"ONESHOT{n:D5}"),
                DeclaratieNummer = FormattableString.Invariant($"ONESHOT{n}"),
            });
            files.Add(path);
            bytes += summary.Bytes;
        }

        var tiny = Path.Combine(folder, "tiny", "WMO323-10.xml");
        Directory.CreateDirectory(Path.GetDirectoryName(tiny)!);
        var tinyBytes = Wmo323Generator.WriteFile(tiny, new Wmo323GeneratorOptions { Prestaties = 10, Identificatie = "ONESHOTTINY1" }).Bytes;
        log.WriteLine(FormattableString.Invariant($"One-shot inputs: {fileCount} x {prestaties:N0} prestaties, {bytes:N0} bytes in all, in {folder}"));

        var rows = new List<OneShotRow>();
        var cli = Cli();
        var schemas = BenchmarkData.SchemasDirectory;
        rows.Add(new OneShotRow("`backoffice validate` (child process)", fileCount, bytes,
            await TimesAsync(runs, () => RunAsync(cli, ["validate", .. files, "--schemas", schemas], null))));
        rows.Add(new OneShotRow("`backoffice validate`, tiered compilation off", fileCount, bytes,
            await TimesAsync(runs, () => RunAsync(cli, ["validate", .. files, "--schemas", schemas], ("DOTNET_TieredCompilation", "0")))));
        rows.Add(new OneShotRow("`backoffice validate` on one 10-prestatie file (fixed cost)", 1, tinyBytes,
            await TimesAsync(runs, () => RunAsync(cli, ["validate", tiny, "--schemas", schemas], null))));

        // In this process, warm: the same check as validate (AnyDirection, the file opened per pass).
        var check = BenchmarkData.NewCheck();
        await CheckPasses.CheckFileAsync(check, tiny, MessageScope.AnyDirection);
        await CheckPasses.CheckFileAsync(check, files[0], MessageScope.AnyDirection);
        rows.Add(new OneShotRow("in-process MessageCheck, same files (warm)", fileCount, bytes, await TimesAsync(runs, async () =>
        {
            foreach (var file in files)
            {
                await CheckPasses.CheckFileAsync(check, file, MessageScope.AnyDirection);
            }
        })));
        var schemaSet = BenchmarkData.Catalogue.SchemaSet;
        rows.Add(new OneShotRow("in-process b. XmlReader + XSD, same files (warm)", fileCount, bytes, await TimesAsync(runs, () =>
        {
            foreach (var file in files)
            {
                using var input = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 81_920, FileOptions.SequentialScan);
                XmlPasses.ValidatingRead(input, schemaSet);
            }

            return Task.CompletedTask;
        })));

        if (Which("xmllint") is { } xmllint)
        {
            var xsd = Path.Combine(schemas, "WMO323.xsd");
            rows.Add(new OneShotRow("`xmllint --noout --schema WMO323.xsd` (XSD only)", fileCount, bytes,
                await TimesAsync(runs, () => RunAsync((xmllint, null), ["--noout", "--schema", xsd, .. files], null))));
        }
        else
        {
            rows.Add(new OneShotRow("`xmllint --noout --schema` (XSD only)", fileCount, bytes, [], "xmllint not installed: skipped"));
        }

        foreach (var row in rows)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {row.What}: {(row.Note ?? string.Join(", ", row.Seconds.Select(s => s.ToString("0.000", CultureInfo.InvariantCulture))) + " s")}"));
        }

        return rows;
    }

    private static async Task<IReadOnlyList<double>> TimesAsync(int runs, Func<Task> run)
    {
        var times = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            await run();
            times.Add(clock.Elapsed.TotalSeconds);
        }

        return times;
    }

    /// <summary>Runs a child to its end; throws unless it exits 0, so a failing run is never a time.</summary>
    private static async Task RunAsync((string File, string? Dll) program, IReadOnlyList<string> arguments, (string Name, string Value)? environment)
    {
        var start = new ProcessStartInfo
        {
            FileName = program.File,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (program.Dll is { } dll)
        {
            start.ArgumentList.Add(dll);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        if (environment is { } env)
        {
            start.Environment[env.Name] = env.Value;
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException($"{program.File} did not start.");
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync();
        var output = await stdout;
        var errors = await stderr;
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"{Path.GetFileName(program.File)} {string.Join(' ', arguments.Take(1))} exited {child.ExitCode}: {Tail(output)} {Tail(errors)}"));
        }
    }

    private static string Tail(string text) => text.Length <= 400 ? text : text[^400..];

    /// <summary>The Release CLI built with this benchmark: its apphost when present, else <c>dotnet backoffice.dll</c>.</summary>
    private static (string File, string? Dll) Cli()
    {
        var folder = AppContext.BaseDirectory;
        var apphost = Path.Combine(folder, OperatingSystem.IsWindows() ? "backoffice.exe" : "backoffice");
        if (File.Exists(apphost))
        {
            return (apphost, null);
        }

        var dll = Path.Combine(folder, "backoffice.dll");
        return File.Exists(dll)
            ? (Which("dotnet") ?? "dotnet", dll)
            : throw new InvalidOperationException($"No backoffice CLI next to the benchmark in {folder}.");
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, OperatingSystem.IsWindows() ? program + ".exe" : program))
            .FirstOrDefault(File.Exists);
}
