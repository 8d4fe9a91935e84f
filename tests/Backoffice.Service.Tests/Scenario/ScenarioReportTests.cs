using System.Globalization;
using Backoffice.Service.Cli;
using Dapper;
using Microsoft.Data.Sqlite;
using MiniExcelLibs;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>
/// <c>backoffice report scenario</c> on the demo region as a policy officer runs it: a scenario with
/// every share at zero reproduces what was paid exactly, per line, cell, municipality and provider;
/// the three example scenarios replay the period and each line traces back to its 323; a scenario
/// that cannot be replayed writes nothing.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class ScenarioReportTests
{
    private DirectoryInfo _out = null!;
    private DemoRegionRun _demo = null!;

    [OneTimeSetUp]
    public async Task RunTheDemo()
    {
        _demo = await DemoRegionOnce.GetAsync();
        _out = Directory.CreateTempSubdirectory("backoffice-scenario-report-");
    }

    [OneTimeTearDown]
    public void CleanUp()
    {
        SqliteConnection.ClearAllPools();
        _out.Delete(recursive: true);
    }

    private static string Shipped(string name) => Path.Combine(AppContext.BaseDirectory, "scenarios", name + ".json");

    private string Write(string name, string json)
    {
        var path = Path.Combine(_out.FullName, name + ".json");
        File.WriteAllText(path, json);
        return path;
    }

    private Task<(int Exit, string Out, string Err)> Report(string scenario, string format, string path, string from = "2026-01", string to = "2026-03") =>
        Cli.CliRun.RunAsync("report", "scenario", "--from", from, "--to", to, "--scenario", scenario, "--format", format, "--out", path, "--data", _demo.Data);

    private async Task<long> LedgerCents(string from, string to)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_demo.Data, "backoffice.db")};Mode=ReadOnly");
        return await connection.ExecuteScalarAsync<long>("SELECT COALESCE(SUM(amount_cents), 0) FROM payment_ledger WHERE delivery_month BETWEEN @from AND @to", new { from, to });
    }

    private static List<Dictionary<string, string>> Csv(string path) => Reports.ReportCsv.Records(path);

    [Test]
    public async Task Every_share_zero_reproduces_the_actual_spend_exactly_on_every_line_cell_and_total()
    {
        var zero = Write("zero", """{ "name": "zero", "description": "nothing moves" }""");
        var path = Path.Combine(_out.FullName, "zero.csv");

        var (exit, output, err) = await Report(zero, "csv", path);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        var ledger = await LedgerCents("2026-01", "2026-03");
        Assert.That(ledger, Is.GreaterThan(0));
        var lines = Csv(Path.Combine(_out.FullName, "zero.lines.csv"));
        Assert.That(lines.Sum(l => long.Parse(l["actual_cents"], CultureInfo.InvariantCulture)), Is.EqualTo(ledger));
        Assert.That(lines.Select(l => l["scenario_cents"]), Is.EqualTo(lines.Select(l => l["actual_cents"])), "every line pays what it paid");
        Assert.That(lines.Select(l => l["ends_in"]), Is.EqualTo(lines.Select(l => l["cell"] + " 1")), "and stays where it was");
        foreach (var table in new[] { "zero.csv", "zero.municipalities.csv", "zero.providers.csv" })
        {
            var rows = Csv(Path.Combine(_out.FullName, table));
            Assert.That(rows.Select(r => r["difference_cents"]), Is.All.EqualTo("0"), table);
            Assert.That(rows.Select(r => r["scenario_cents"]), Is.EqualTo(rows.Select(r => r["actual_cents"])), table);
        }

        var stages = Csv(Path.Combine(_out.FullName, "zero.stages.csv"));
        Assert.That(stages.Select(s => long.Parse(s["spend_cents"], CultureInfo.InvariantCulture)), Is.All.EqualTo(ledger));
        Assert.That(Csv(Path.Combine(_out.FullName, "zero.municipalities.csv"))[^1]["actual_cents"], Is.EqualTo(ledger.ToString(CultureInfo.InvariantCulture)));
        Assert.That(output, Does.Contain("(difference 0.00)"));
    }

    [TestCase("behoudend")]
    [TestCase("gemiddeld")]
    [TestCase("optimaal")]
    public async Task Each_example_scenario_replays_the_period_and_every_line_traces_to_its_declaration(string name)
    {
        var path = Path.Combine(_out.FullName, name + ".xlsx");

        var (exit, output, err) = await Report(Shipped(name), "xlsx", path);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        Assert.That(MiniExcel.GetSheetNames(path), Is.EqualTo(new[] { "stages", "municipalities", "providers", "cells", "lines" }));
        var stages = MiniExcel.Query(path, useHeaderRow: true, sheetName: "stages").Cast<IDictionary<string, object?>>().ToList();
        var ledger = await LedgerCents("2026-01", "2026-03");
        Assert.That(stages[0]["stage"], Is.EqualTo("actual"));
        Assert.That(stages[0]["spend_cents"], Is.TypeOf<double>().And.EqualTo((double)ledger), "typed numbers; the actual spend is the ledger's");
        Assert.That(stages[0]["from"], Is.TypeOf<DateTime>().And.EqualTo(new DateTime(2026, 1, 1)));
        var final = (double)stages[^1]["spend_cents"]!;
        Assert.That(final, Is.LessThan(ledger), "every example scenario saves money on the demo region");
        Assert.That(stages.Skip(1).Sum(s => (double)s["effect_cents"]!), Is.EqualTo(final - ledger), "the stages' effects add up to the difference");

        var lines = MiniExcel.Query(path, useHeaderRow: true, sheetName: "lines").Cast<IDictionary<string, object?>>().ToList();
        Assert.That(lines.Sum(l => (double)l["scenario_cents"]!), Is.EqualTo(final).Within(lines.Count * 0.5), "the lines add up to the total up to half a cent each");
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_demo.Data, "backoffice.db")};Mode=ReadOnly");
        var declarations = (await connection.QueryAsync<(long MessageId, string Nummer)>("SELECT message_id, declaratie_nummer FROM declaration")).ToDictionary(d => d.MessageId, d => d.Nummer);
        var referenced = (await connection.QueryAsync<(long Id, long MessageId, string Referentie)>("SELECT id, message_id, referentie_nummer FROM prestatie_verdict WHERE approved = 1")).ToDictionary(p => p.Id);
        foreach (var line in lines)
        {
            var id = (long)(double)line["prestatie_id"]!;
            Assert.That(referenced[id].MessageId, Is.EqualTo((long)(double)line["message_id"]!));
            Assert.That(referenced[id].Referentie, Is.EqualTo(line["referentie_nummer"]));
            Assert.That(declarations[referenced[id].MessageId], Is.EqualTo(line["declaratie_nummer"]));
        }

        Assert.That(output, Does.Contain($"Scenario {name}, delivery months 2026-01 to 2026-03: {lines.Count} paid lines"));
    }

    [TestCase("""{ "name": "x", "movements": { "lessIntensive": { "share": 2 } } }""", "movements.lessIntensive.share: 2 is not a share between 0 and 1")]
    [TestCase("""{ "name": "x", "movements": { "lessIntensive": { "cells": { "ARR-5-BEH-PLUS": 1 } } }, "tariffs": { "ARR-5-BEH-GEM": { "percent": 5 } } """, "not a scenario file")]
    public async Task A_file_that_is_not_a_scenario_writes_nothing_and_says_why(string json, string reason)
    {
        var path = Path.Combine(_out.FullName, "bad.csv");
        var (exit, _, err) = await Report(Write("bad", json), "csv", path);
        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err, Does.Contain(reason));
        Assert.That(Directory.EnumerateFiles(_out.FullName, "bad.*csv"), Is.Empty);
    }

    [Test]
    public async Task A_period_running_backwards_is_a_usage_error() =>
        Assert.That((await Report(Shipped("gemiddeld"), "csv", Path.Combine(_out.FullName, "back.csv"), "2026-03", "2026-01")).Exit, Is.EqualTo(ExitCodes.Usage));
}
