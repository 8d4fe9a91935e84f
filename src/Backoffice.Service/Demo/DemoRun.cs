using System.Globalization;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Retours;
using Backoffice.Data;
using Backoffice.Data.Reference;
using Backoffice.Service.Configuration;
using Backoffice.Service.Hosting;
using Backoffice.Service.Intake;
using Backoffice.Service.Processing;
using Backoffice.Service.Reference;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Demo;

/// <summary>
/// Runs a demo region (<see cref="DemoRegionChoice"/>: <see cref="DemoRegion"/> or
/// <see cref="LekstroomRegion"/>) through the service as an operator would: the region's reference data
/// and the indications imported with <see cref="ReferenceImporter"/>, every step's messages dropped
/// into the data folder's inbox and taken in by one <see cref="InboxBatch"/> on the step's processing
/// date (a host of its own with the date pinned, as <c>process --processing-date</c> builds it), and
/// then every answer read back from the outbox and compared with what the region expects.
/// </summary>
public static class DemoRun
{
    /// <summary>The file that marks a data folder as one <c>backoffice demo</c> made, so a later demo may clear it.</summary>
    public const string Marker = "demo-region.txt";

    /// <summary>The demo reference data next to the binary (copied from <c>deploy/demo</c> by the build).</summary>
    public static string ReferenceFolder => Path.Combine(AppContext.BaseDirectory, "demo");

    /// <summary>The default region (<see cref="DemoRegion"/>).</summary>
    public static Task<DemoReport> RunAsync(string data, string? schemas, CancellationToken ct) => RunAsync(data, schemas, DemoRegionChoice.Default, ct);

    /// <summary>
    /// Makes <paramref name="data"/> ready: absent or empty is used as it is; one a demo made before
    /// (it holds <see cref="Marker"/>) is cleared of what the demo writes; anything else is refused
    /// (returns the reason), so the demo never touches a database it did not make.
    /// </summary>
    public static string? PrepareFolder(string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var folder = new DirectoryInfo(Path.GetFullPath(data));
        if (folder.Exists && folder.EnumerateFileSystemInfos().Any())
        {
            if (!File.Exists(Path.Combine(folder.FullName, Marker)))
            {
                return $"'{data}' is not empty and was not made by backoffice demo; give an empty or new folder with --data.";
            }

            foreach (var entry in folder.EnumerateFileSystemInfos())
            {
                if (entry is DirectoryInfo d && d.Name is "inbox" or "outbox" or "processed" or "quarantine" or "logs" or "demo")
                {
                    d.Delete(recursive: true);
                }
                else if (entry is FileInfo f && (f.Name.StartsWith("backoffice.db", StringComparison.Ordinal) || f.Name == Marker))
                {
                    f.Delete();
                }
            }
        }

        folder.Create();
        File.WriteAllText(
            Path.Combine(folder.FullName, Marker),
            "Made by `backoffice demo`: a fictitious demo region (test BSNs, made-up names). The next `backoffice demo` on this folder clears and rebuilds it.\n");
        return null;
    }

    /// <summary>Builds <paramref name="region"/> into <paramref name="data"/> step by step and checks it (see the class summary).</summary>
    public static async Task<DemoReport> RunAsync(string data, string? schemas, DemoRegionChoice region, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(region);
        var overrides = new Dictionary<string, string?>
        {
            ["Data:Directory"] = data,
            // The demo writes each file whole before the batch starts: nothing needs to settle.
            ["Inbox:SettleSeconds"] = "0",
            ["Log:MinimumLevel"] = "Warning",
        };
        if (schemas is not null)
        {
            overrides["Schemas:Directory"] = schemas;
        }

        DemoPlan plan;
        using (var host = BackofficeHost.BuildMigrated(new HostSettings(overrides, ProcessingDate: region.ImportDate, ConsoleToStandardError: true)))
        {
            var imports = await host.Services.GetRequiredService<ReferenceImporter>().ImportFolderAsync(region.ReferenceFolder, ct);
            if (imports.Count == 0 || imports.Any(i => !i.Result.Applied))
            {
                throw new InvalidDataException($"The demo reference data in '{region.ReferenceFolder}' did not import.");
            }

            var store = host.Services.GetRequiredService<ReferenceStore>();
            var contracts = new List<Core.Reference.ContractTariff>();
            foreach (var agb in region.Providers)
            {
                contracts.AddRange(await store.ContractsOfProviderAsync(agb, ct));
            }

            plan = region.Build(await store.CurrentProductsAsync(ct), contracts);
        }

        var steps = new List<StepReport>();
        for (var s = 0; s < plan.Steps.Count; s++)
        {
            steps.Add(await RunStepAsync(s + 1, plan.Steps[s], overrides, ct));
        }

        var report = DemoReport.From(plan, steps);
        if (region.Calibration is { } calibration)
        {
            using var host = BackofficeHost.BuildMigrated(new HostSettings(overrides, ProcessingDate: steps[^1].Step.ProcessingDate, ConsoleToStandardError: true));
            var figures = await RegionFigures.ReadAsync(host.Services.GetRequiredService<IDbConnectionFactory>(), calibration.From, calibration.To, calibration.ProviderTableMunicipalities, ct);
            report = report with { Figures = figures, Surprises = [.. report.Surprises, .. calibration.Compare(figures)] };
        }

        return report;
    }

    private static async Task<StepReport> RunStepAsync(int number, DemoStep step, Dictionary<string, string?> overrides, CancellationToken ct)
    {
        using var host = BackofficeHost.BuildMigrated(new HostSettings(overrides, ProcessingDate: step.ProcessingDate, ConsoleToStandardError: true));
        var paths = host.Services.GetRequiredService<BackofficePaths>();
        paths.EnsureWorkFolders();
        if (step.Indications.Count > 0)
        {
            var folder = Directory.CreateDirectory(Path.Combine(paths.DataDirectory, "demo")).FullName;
            var csv = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"indications-step{number}.csv"));
            await File.WriteAllTextAsync(csv, DemoRegion.IndicationsCsv(step.Indications), ct);
            var import = await host.Services.GetRequiredService<ReferenceImporter>().ImportAsync(ReferenceKind.Indications, csv, ct);
            if (!import.Result.Applied)
            {
                throw new InvalidDataException($"The demo indications of step {number} did not import: {string.Join("; ", import.Result.Rejected.Select(r => r.ToString()))}");
            }
        }

        for (var i = 0; i < step.Messages.Count; i++)
        {
            var message = step.Messages[i];
            var name = string.Create(CultureInfo.InvariantCulture, $"{number:D2}-{i:D4}-{message.Type.Name}-{message.Header.Afzender}-{message.Header.BerichtIdentificatie.Identificatie}.xml");
            await File.WriteAllBytesAsync(Path.Combine(paths.Inbox, name), IwmoWriter.ToBytes(message), ct);
        }

        var wait = TimeSpan.FromSeconds(host.Services.GetRequiredService<IOptions<ProcessingOptions>>().Value.BatchWaitSeconds);
        var run = await host.Services.GetRequiredService<InboxBatch>().RunAsync(wait, ct);
        var answers = new List<(InputResult Input, Wmo325? Answer)>();
        foreach (var result in run.Results.Where(r => r.MessageType == "WMO323"))
        {
            Wmo325? answer = null;
            if (result.RetourFile is { } file && File.Exists(file))
            {
                answer = IwmoReader.Read(await File.ReadAllBytesAsync(file, ct)).Message as Wmo325;
            }

            answers.Add((result, answer));
        }

        return new StepReport(number, step, run, answers);
    }
}

/// <summary>What one step did: the batch's results and, per 323, the 325 read back from the outbox.</summary>
public sealed record StepReport(int Number, DemoStep Step, BatchRun Run, IReadOnlyList<(InputResult Input, Wmo325? Answer)> Answers);

/// <summary>Everything <c>backoffice demo</c> prints: per step, the prestaties by verdict and code, the money per month and provider, and every surprise.</summary>
public sealed record DemoReport(
    int Clients,
    int Municipalities,
    int Providers,
    int Allocations,
    IReadOnlyList<DemoStepSummary> Steps,
    int PrestatiesDeclared,
    int PrestatiesApproved,
    IReadOnlyDictionary<string, int> RejectedByCode,
    IReadOnlyList<DemoAward> Awarded,
    IReadOnlyList<string> Surprises,
    RegionFigureSet? Figures = null)
{
    public bool AsExpected => Surprises.Count == 0;

    public static DemoReport From(DemoPlan plan, IReadOnlyList<StepReport> steps)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(steps);
        var surprises = new List<string>();
        var summaries = new List<DemoStepSummary>();
        var declared = 0;
        var rejected = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var awarded = new List<DemoAward>();
        foreach (var step in steps)
        {
            var results = step.Run.Results;
            if (!step.Run.Ran || step.Run.LeftWork)
            {
                surprises.Add($"step {step.Number}: the batch did not finish every input ({(step.Run.Ran ? "some left for a later run" : "another batch held the database")}).");
            }

            if (results.Count != step.Step.Messages.Count)
            {
                surprises.Add($"step {step.Number}: {results.Count} inputs reported for {step.Step.Messages.Count} messages dropped.");
            }

            foreach (var r in results.Where(r => r.Outcome != InputOutcomes.Accepted || r.RetourFile is null))
            {
                surprises.Add($"step {step.Number}: {r.MessageType} {r.Identificatie} from {r.Sender} is {r.Outcome}{(r.RetourFile is null ? " without an answer in the outbox" : string.Empty)}.");
            }

            foreach (var expected in step.Step.Declarations)
            {
                declared += expected.Lines;
                var (input, answer) = step.Answers.FirstOrDefault(a => a.Input.Sender == expected.Provider && a.Input.Identificatie == expected.Identificatie);
                if (input is null || answer?.DeclaratieAntwoord is not { } antwoord)
                {
                    surprises.Add($"step {step.Number}: no 325 with a DeclaratieAntwoord for declaration {expected.Identificatie} of {expected.Provider}.");
                    continue;
                }

                var toegekend = antwoord.TotaalToegekendBedrag.Cents;
                awarded.Add(new DemoAward(expected.Month, expected.Provider, expected.Identificatie, toegekend));
                if (toegekend != expected.ToegekendCents)
                {
                    surprises.Add($"declaration {expected.Identificatie} of {expected.Provider}: awarded {Euro(toegekend)}, expected {Euro(expected.ToegekendCents)}.");
                }

                var expectedCode = expected.Rejected.Count == 0 ? DeclarationAnswer.FullyApproved : RegisterAnswer.Correct;
                if (!antwoord.RetourCodes.SequenceEqual([expectedCode]))
                {
                    surprises.Add($"declaration {expected.Identificatie} of {expected.Provider}: DeclaratieAntwoord carries {string.Join(" ", antwoord.RetourCodes)}, expected {expectedCode}.");
                }

                var returned = antwoord.Clienten.SelectMany(c => c.Prestaties)
                    .ToDictionary(p => p.Prestatie.ProductReferentie.ReferentieNummer, p => string.Join(" ", p.RetourCodes), StringComparer.Ordinal);
                foreach (var (reference, code) in expected.Rejected)
                {
                    if (!returned.TryGetValue(reference, out var got))
                    {
                        surprises.Add($"declaration {expected.Identificatie} of {expected.Provider}: prestatie {reference} was approved, expected rejected with {code}.");
                    }
                    else if (got != code)
                    {
                        surprises.Add($"declaration {expected.Identificatie} of {expected.Provider}: prestatie {reference} rejected with {got}, expected {code}.");
                    }
                }

                foreach (var (reference, got) in returned.Where(r => !expected.Rejected.ContainsKey(r.Key)))
                {
                    surprises.Add($"declaration {expected.Identificatie} of {expected.Provider}: prestatie {reference} rejected with {got}, expected approved.");
                }

                foreach (var code in returned.Values.SelectMany(v => v.Split(' ')))
                {
                    rejected[code] = rejected.GetValueOrDefault(code) + 1;
                }
            }

            summaries.Add(new DemoStepSummary(
                step.Number,
                step.Step.ProcessingDate,
                step.Step.What,
                step.Step.Indications.Count,
                [.. results.GroupBy(r => (r.MessageType ?? "?", r.Outcome)).OrderBy(g => g.Key.Item1, StringComparer.Ordinal).ThenBy(g => g.Key.Outcome, StringComparer.Ordinal)
                    .Select(g => new DemoCount(g.Key.Item1, g.Key.Outcome, g.Count()))],
                [.. results.Where(r => r.RetourFile is not null).GroupBy(r => Path.GetFileName(r.RetourFile!).Split('-')[0]).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new DemoCount(g.Key, "written", g.Count()))]));
        }

        var rejectedLines = steps.SelectMany(s => s.Answers).Sum(a => a.Answer?.DeclaratieAntwoord?.Clienten.Sum(c => c.Prestaties.Count) ?? 0);
        return new DemoReport(
            plan.Clients.Count,
            plan.Clients.Select(c => c.Municipality).Distinct(StringComparer.Ordinal).Count(),
            plan.Clients.Select(c => c.Provider).Distinct(StringComparer.Ordinal).Count(),
            plan.Clients.Sum(c => c.Allocations.Count),
            summaries,
            declared,
            declared - rejectedLines,
            rejected,
            awarded,
            surprises);
    }

    public static string Euro(long cents) =>
        string.Create(CultureInfo.InvariantCulture, $"EUR {(cents < 0 ? "-" : string.Empty)}{Math.Abs(cents) / 100:N0}.{Math.Abs(cents) % 100:D2}");
}

public sealed record DemoStepSummary(int Step, DateOnly ProcessingDate, string What, int IndicationsImported, IReadOnlyList<DemoCount> Messages, IReadOnlyList<DemoCount> Answers);

public sealed record DemoCount(string Type, string Outcome, int Count);

/// <summary>The amount a 325 awarded (TotaalToegekendBedrag, a credit negative), by declaration month and provider.</summary>
public sealed record DemoAward(string Month, string Provider, string Declaratie, long Cents);

/// <summary>
/// A region <c>backoffice demo</c> can build: its reference data (imported on
/// <paramref name="ImportDate"/>), the providers whose contracts the plan is built from, the plan,
/// and for a region calibrated to published figures what is checked against them after the last step.
/// Both regions go through the same steps (<see cref="DemoRun"/>); only the plan differs.
/// </summary>
public sealed record DemoRegionChoice(
    string Name,
    string ReferenceFolder,
    DateOnly ImportDate,
    IReadOnlyList<string> Providers,
    Func<IReadOnlyList<Core.Reference.CatalogueProduct>, IReadOnlyList<Core.Reference.ContractTariff>, DemoPlan> Build,
    DemoCalibration? Calibration)
{
    public const string DefaultName = "default";

    /// <summary>Today's demo: six municipalities around Amsterdam, three months of 2026.</summary>
    public static DemoRegionChoice Default { get; } = new(
        DefaultName,
        DemoRun.ReferenceFolder,
        new DateOnly(DemoRegion.Year - 1, 12, 1),
        [.. DemoRegion.Providers.Select(p => p.Agb)],
        (products, contracts) => DemoRegion.Build(products, contracts),
        null);

    /// <summary>The year 2020 calibrated to the Lekstroom strategy's published figures (<see cref="LekstroomRegion"/>).</summary>
    public static DemoRegionChoice Lekstroom2020 { get; } = new(
        LekstroomRegion.Name,
        Path.Combine(DemoRun.ReferenceFolder, LekstroomRegion.Name),
        new DateOnly(LekstroomRegion.Year - 1, 12, 1),
        LekstroomRegion.Providers,
        LekstroomRegion.Build,
        new DemoCalibration(
            string.Create(CultureInfo.InvariantCulture, $"{LekstroomRegion.Year}-01"),
            string.Create(CultureInfo.InvariantCulture, $"{LekstroomRegion.Year}-12"),
            LekstroomRegion.Published.ProviderTableMunicipalities,
            LekstroomRegion.Compare));

    public static IReadOnlyList<DemoRegionChoice> All { get; } = [Default, Lekstroom2020];

    public static DemoRegionChoice? ByName(string name) => All.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));
}

/// <summary>The delivery months a calibrated region's figures cover, the municipalities of its provider table, and the comparison with what was published.</summary>
public sealed record DemoCalibration(string From, string To, IReadOnlyList<string> ProviderTableMunicipalities, Func<RegionFigureSet, IReadOnlyList<string>> Compare);
