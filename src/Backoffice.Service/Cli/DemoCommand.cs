using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Backoffice.Core.Schemas;
using Backoffice.Data.Migrations;
using Backoffice.Service.Demo;
using Backoffice.Service.Logging;
using Microsoft.Extensions.Options;

namespace Backoffice.Service.Cli;

/// <summary>
/// <c>backoffice demo [--region default|lekstroom-2020] [--data DIR] [--format text|json]</c>: builds
/// a demo region (<see cref="DemoRegion"/>, or the year calibrated to the Lekstroom 2020 figures,
/// <see cref="LekstroomRegion"/>) in a data folder of its own, processes it step by step through the
/// same batch as <c>process</c>, prints what happened and checks it against what the region
/// expects. Exit 0 when every line that should pass passed and every line that should be rejected
/// was rejected with its code, 1 naming each surprise, 2 usage (a folder the demo did not make) or
/// an I/O or database error.
/// </summary>
internal static class DemoCommand
{
    public const string DefaultData = "data-demo";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = new Option<string?>("--data") { Description = $"Data folder for the demo (default {DefaultData}): must be empty, new, or one an earlier demo made (it is then rebuilt).", HelpName = "DIR" };
        var format = CommonOptions.Format();
        var schemas = CommonOptions.Schemas();
        var region = new Option<string>("--region")
        {
            Description = $"Which region: {DemoRegionChoice.DefaultName} (three months of 2026 around Amsterdam) or {LekstroomRegion.Name} (a year calibrated to the Lekstroom strategy's published 2020 figures, on the calendar of {LekstroomRegion.Year}).",
            HelpName = "NAME",
            DefaultValueFactory = _ => DemoRegionChoice.DefaultName,
        };
        region.AcceptOnlyFromAmong([.. DemoRegionChoice.All.Select(r => r.Name)]);
        var command = new Command("demo", "Build a demo region (reference data, indications, allocations, months of declarations with corrections and rejections), process it as `process` does, and print and check what happened.")
        {
            region, data, format, schemas,
        };
        command.SetAction(async (parse, ct) =>
            await RunAsync(DemoRegionChoice.ByName(parse.GetValue(region)!)!, parse.GetValue(data) ?? DefaultData, parse.GetValue(schemas), parse.GetValue(format) == "json", stdout, stderr, ct));
        return command;
    }

    private static async Task<int> RunAsync(DemoRegionChoice region, string data, string? schemas, bool json, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        DemoReport report;
        try
        {
            if (DemoRun.PrepareFolder(data) is { } refused)
            {
                await stderr.WriteLineAsync($"backoffice demo: {refused}");
                return ExitCodes.Usage;
            }

            report = await DemoRun.RunAsync(data, schemas, region, ct);
        }
        catch (Exception ex) when (ex is SchemaCatalogueException or OptionsValidationException or DatabaseMigrationException)
        {
            await stderr.WriteLineAsync($"backoffice demo: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is DbException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await stderr.WriteLineAsync($"backoffice demo: the demo stopped ({Redaction.Describe(ex)}).");
            return ExitCodes.Usage;
        }

        if (json && report.Figures is { } figures)
        {
            JsonOutput.Write(stdout, new
            {
                Region = region.Name,
                Data = Path.GetFullPath(data),
                report.Clients,
                report.Municipalities,
                report.Providers,
                report.Allocations,
                Messages = report.Steps.SelectMany(s => s.Messages).GroupBy(c => (c.Type, c.Outcome)).Select(g => new { g.Key.Type, g.Key.Outcome, Count = g.Sum(c => c.Count) }),
                Prestaties = new { Declared = report.PrestatiesDeclared, Approved = report.PrestatiesApproved, Rejected = report.PrestatiesDeclared - report.PrestatiesApproved, ByRetourcode = report.RejectedByCode },
                AwardedPerMonth = report.Awarded.GroupBy(a => a.Month).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new { Month = g.Key, AmountCents = g.Sum(a => a.Cents) }),
                Figures = new
                {
                    Municipalities = figures.Municipalities.Select(m => new { Municipality = m.Key, m.Clients, SpendCents = m.Cents }),
                    Total = new { figures.Total.Clients, SpendCents = figures.Total.Cents },
                    ProviderTable = new
                    {
                        Providers = figures.Providers.Count,
                        SpendCents = figures.ProviderTableCents,
                        Largest7Cents = figures.LargestCents(7),
                        Largest12Cents = figures.LargestCents(12),
                        Carrying80 = figures.ProvidersCarrying(80),
                        Carrying90 = figures.ProvidersCarrying(90),
                        SmallProviders = figures.SmallProviders.Count,
                        SmallProvidersCents = figures.SmallProviders.Sum(p => p.Cents),
                    },
                },
                report.AsExpected,
                report.Surprises,
            });
        }
        else if (json)
        {
            JsonOutput.Write(stdout, new
            {
                Data = Path.GetFullPath(data),
                report.Clients,
                report.Municipalities,
                report.Providers,
                report.Allocations,
                Steps = report.Steps.Select(s => new
                {
                    s.Step,
                    ProcessingDate = s.ProcessingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    s.What,
                    s.IndicationsImported,
                    s.Messages,
                    s.Answers,
                }),
                Prestaties = new { Declared = report.PrestatiesDeclared, Approved = report.PrestatiesApproved, Rejected = report.PrestatiesDeclared - report.PrestatiesApproved, ByRetourcode = report.RejectedByCode },
                Awarded = report.Awarded.Select(a => new { a.Month, a.Provider, a.Declaratie, AmountCents = a.Cents }),
                AwardedPerMonth = report.Awarded.GroupBy(a => a.Month).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new { Month = g.Key, AmountCents = g.Sum(a => a.Cents) }),
                report.AsExpected,
                report.Surprises,
            });
        }
        else
        {
            Print(data, report, stdout);
        }

        foreach (var surprise in report.Surprises)
        {
            await stderr.WriteLineAsync($"backoffice demo: surprise: {surprise}");
        }

        return report.AsExpected ? ExitCodes.Ok : ExitCodes.Findings;
    }

    private static void Print(string data, DemoReport r, TextWriter o)
    {
        static string Counts(IEnumerable<DemoCount> counts) => string.Join(", ", counts.Select(c => c.Outcome == "written" ? $"{c.Count} {c.Type}" : $"{c.Count} {c.Type} {c.Outcome}"));
        var months = r.Awarded.Select(a => a.Month).Order(StringComparer.Ordinal).ToList();
        o.WriteLine($"Demo region in {Path.GetFullPath(data)}: {r.Clients} fictitious clients in {r.Municipalities} municipalities at {r.Providers} providers, {r.Allocations} allocations, declared {months.FirstOrDefault()} to {months.LastOrDefault()}.");
        foreach (var s in r.Steps)
        {
            var indications = s.IndicationsImported > 0 ? $"{s.IndicationsImported} indications imported; " : string.Empty;
            o.WriteLine($"step {s.Step} on {s.ProcessingDate:yyyy-MM-dd}, {s.What}: {indications}{Counts(s.Messages)}; to the outbox: {Counts(s.Answers)}");
        }

        var rejected = r.PrestatiesDeclared - r.PrestatiesApproved;
        o.WriteLine($"Prestaties: {r.PrestatiesDeclared} declared, {r.PrestatiesApproved} approved, {rejected} rejected" +
            (r.RejectedByCode.Count == 0 ? "." : $" ({string.Join(", ", r.RejectedByCode.Select(c => $"{c.Key}: {c.Value}"))})."));
        o.WriteLine("Awarded (TotaalToegekendBedrag of the 325s, by declaration month):");
        foreach (var month in r.Awarded.GroupBy(a => a.Month).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var perProvider = month.GroupBy(a => a.Provider).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {DemoReport.Euro(g.Sum(a => a.Cents))}");
            o.WriteLine($"  {month.Key}: {DemoReport.Euro(month.Sum(a => a.Cents))} ({string.Join(", ", perProvider)})");
        }

        if (r.Figures is { } f)
        {
            o.WriteLine($"Figures of the delivery months {months.FirstOrDefault()} to {months.LastOrDefault()} (ledger by delivery month; clients: distinct BSN with net spend above zero):");
            foreach (var m in f.Municipalities)
            {
                o.WriteLine($"  {m.Key}: {m.Clients} clients, {DemoReport.Euro(m.Cents)}");
            }

            o.WriteLine($"  total: {f.Total.Clients} clients, {DemoReport.Euro(f.Total.Cents)}");
            o.WriteLine($"  provider table ({string.Join(", ", LekstroomRegion.Published.ProviderTableMunicipalities)}): {f.Providers.Count} providers, {DemoReport.Euro(f.ProviderTableCents)}; " +
                $"the 7 largest {DemoReport.Euro(f.LargestCents(7))}, the 12 largest {DemoReport.Euro(f.LargestCents(12))}; 80 % carried by {f.ProvidersCarrying(80)}, 90 % by {f.ProvidersCarrying(90)}; " +
                $"{f.SmallProviders.Count} with fewer than {Data.Steering.ProviderConcentration.SmallProviderClients} clients, {DemoReport.Euro(f.SmallProviders.Sum(p => p.Cents))}");
        }

        o.WriteLine(r.AsExpected
            ? "Every line that should pass passed, every line that should be rejected was rejected with its code, every 325 awarded what was expected."
            : $"{r.Surprises.Count} surprises (listed on standard error).");
    }
}
