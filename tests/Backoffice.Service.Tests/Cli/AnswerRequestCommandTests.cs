using System.Text.Json;
using System.Xml.Linq;
using Backoffice.Service.Cli;
using Backoffice.TestSupport;
using Dapper;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Cli;

/// <summary>
/// <c>backoffice answer-request</c> as staff use it: a provider's VOT arrives, staff put it in
/// onderzoek and later turn it down; each 319 is built, checked at every level, recorded and sent,
/// and the queue follows. What must not be sent is refused and listed, never written to the outbox.
/// </summary>
public sealed class AnswerRequestCommandTests
{
    private const string Provider = "42420001";
    private const string Reference = "Q000001-1";

    private DirectoryInfo root = null!;

    private string Data => Path.Combine(root.FullName, "data");

    private string Outbox => Path.Combine(Data, "outbox");

    [SetUp]
    public async Task SetUp()
    {
        RepoPaths.RequireReference();
        root = Directory.CreateTempSubdirectory("backoffice-answer-");
        Assert.That((await Run("import", "all", RepoPaths.DemoReference, "--data", Data)).Exit, Is.EqualTo(ExitCodes.Ok));
        var inbox = Directory.CreateDirectory(Path.Combine(Data, "inbox")).FullName;
        var request = Path.Combine(inbox, "vot.xml");
        await File.WriteAllBytesAsync(request, Samples.AcceptedRequest(1));
        File.SetLastWriteTimeUtc(request, DateTime.UtcNow.AddMinutes(-5));
        // Monday 30 November 2026: the VOT's lines are to be answered within 5 working days.
        var (exit, output, err) = await Run("process", "--data", Data, "--processing-date", "2026-11-30", "--format", "json", "--schemas", RepoPaths.IwmoSchemas);
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        Assert.That(JsonDocument.Parse(output).RootElement[0].GetProperty("outcome").GetString(), Is.EqualTo("accepted"));
    }

    [TearDown]
    public void TearDown()
    {
        SqliteConnection.ClearAllPools();
        root?.Delete(true);
    }

    [Test]
    public async Task In_onderzoek_then_afgewezen_are_each_checked_recorded_sent_and_followed_by_the_queue()
    {
        Assert.That(
            (await RequestTasksAsync()).Where(t => t.Subject.StartsWith($"Answer the VOT line {Reference} ", StringComparison.Ordinal)).Select(t => t.DueOn),
            Is.EqualTo(new[] { "2026-12-07" }),
            "Monday + 5 working days");

        var onderzoek = await AnswerAsync("--answer", "in-onderzoek", "--processing-date", "2026-12-01");

        Assert.That(onderzoek.Exit, Is.EqualTo(ExitCodes.Ok), onderzoek.Err);
        var first = Sent(onderzoek.Out);
        Assert.That(first.Antwoord, Is.EqualTo((Reference, "2", (string?)null)));
        Assert.That((first.Afzender, first.Ontvanger, first.Dagtekening), Is.EqualTo(("0384", Provider, "2026-12-01")));
        Assert.That(await StateAsync(), Is.EqualTo("in-onderzoek"));
        var requestDate = DateOnly.Parse(await ScalarAsync<string>("SELECT request_date FROM request WHERE referentie_aanbieder = @r", new { r = Reference }), System.Globalization.CultureInfo.InvariantCulture);
        var tasks = await RequestTasksAsync();
        Assert.That(tasks.Where(t => t.Subject.Contains(Reference, StringComparison.Ordinal)), Is.EqualTo(new[]
        {
            ($"Final answer due on request {Reference} of provider {Provider}: it is in onderzoek (message 2)", requestDate.AddDays(56).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        }), "the 5-day task is settled; the final answer is due 8 weeks after the request's date");

        var afgewezen = await AnswerAsync("--answer", "afgewezen", "--reason", "7", "--processing-date", "2026-12-03");

        Assert.That(afgewezen.Exit, Is.EqualTo(ExitCodes.Ok), afgewezen.Err);
        Assert.That(Sent(afgewezen.Out).Antwoord, Is.EqualTo((Reference, "1", (string?)"7")));
        Assert.That(await StateAsync(), Is.EqualTo("rejected"));
        Assert.That((await RequestTasksAsync()).Where(t => t.Subject.Contains(Reference, StringComparison.Ordinal)), Is.Empty, "closed");
        Assert.That(Directory.EnumerateFiles(Outbox, "WMO319-*.xml").Count(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_second_answer_after_afgewezen_is_refused_by_TR365_listed_for_staff_and_not_sent()
    {
        Assert.That((await AnswerAsync("--answer", "afgewezen", "--reason", "3")).Exit, Is.EqualTo(ExitCodes.Ok));

        var again = await AnswerAsync("--answer", "afgewezen", "--reason", "2", "--format", "json");

        Assert.That(again.Exit, Is.EqualTo(ExitCodes.Findings));
        var result = JsonDocument.Parse(again.Out).RootElement[0];
        Assert.That(result.GetProperty("outcome").GetString(), Is.EqualTo("rejected"));
        Assert.That(result.GetProperty("findings").EnumerateArray().Select(f => (f.GetProperty("rule").GetString(), f.GetProperty("retourcode").GetString())), Is.EqualTo(new[] { ("TR365", "9365") }));
        Assert.That(result.GetProperty("retourFile").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(Directory.EnumerateFiles(Outbox, "WMO319-*.xml").Count(), Is.EqualTo(1), "only the first left");
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM staff_task WHERE kind = 'refused-own-message' AND closed_at IS NULL"), Is.EqualTo(1));
    }

    [Test]
    public async Task While_another_run_holds_the_database_the_319_is_stored_said_so_and_sent_by_the_next_run()
    {
        var config = Path.Combine(root.FullName, "no-wait.json");
        await File.WriteAllTextAsync(config, """{ "Processing": { "BatchWaitSeconds": 0 } }""");
        (int Exit, string Out, string Err) held;
        using (Backoffice.Data.DatabaseLock.TryAcquire(Backoffice.Data.DatabaseSettings.SqliteInDataFolder(Data), Backoffice.Data.DatabaseLock.Batch, TimeSpan.Zero))
        {
            held = await AnswerAsync("--answer", "in-onderzoek", "--config", config);
        }

        Assert.That(held.Exit, Is.EqualTo(ExitCodes.Findings));
        Assert.That(held.Err, Does.Contain("the 319 is stored as message 2").And.Contain("the next process run"));
        Assert.That(Directory.Exists(Outbox) ? Directory.EnumerateFiles(Outbox, "WMO319-*.xml") : [], Is.Empty, "not sent before it is checked");

        var (exit, output, err) = await Run("process", "--data", Data, "--format", "json", "--schemas", RepoPaths.IwmoSchemas);

        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        var result = JsonDocument.Parse(output).RootElement.EnumerateArray().Single();
        Assert.That((result.GetProperty("input").GetString(), result.GetProperty("outcome").GetString()), Is.EqualTo(("store:2", "accepted")));
        Assert.That(Directory.EnumerateFiles(Outbox, "WMO319-*.xml").Count(), Is.EqualTo(1));
        Assert.That(await StateAsync(), Is.EqualTo("in-onderzoek"));
    }

    [Test]
    public async Task A_reference_the_provider_never_sent_makes_nothing()
    {
        var before = await ScalarAsync<long>("SELECT COUNT(*) FROM message");

        var (exit, _, err) = await Run("answer-request", Provider, "VOT-NOT-SENT", "--answer", "in-onderzoek", "--data", Data, "--schemas", RepoPaths.IwmoSchemas);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(err, Does.Contain("sent no request with ReferentieAanbieder VOT-NOT-SENT"));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM message"), Is.EqualTo(before));
    }

    [TestCase("--answer", "afgewezen")]
    [TestCase("--answer", "in-onderzoek", "--reason", "3")]
    [TestCase("--answer", "afgewezen", "--reason", "10")]
    [TestCase("--answer", "maybe")]
    public async Task A_reason_missing_unknown_or_not_allowed_is_a_usage_error_and_makes_nothing(params string[] options)
    {
        var before = await ScalarAsync<long>("SELECT COUNT(*) FROM message");

        var (exit, _, _) = await AnswerAsync(options);

        Assert.That(exit, Is.EqualTo(ExitCodes.Usage));
        Assert.That(await ScalarAsync<long>("SELECT COUNT(*) FROM message"), Is.EqualTo(before));
    }

    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => CliRun.RunAsync(args);

    private Task<(int Exit, string Out, string Err)> AnswerAsync(params string[] options) =>
        Run(["answer-request", Provider, Reference, "--data", Data, "--schemas", RepoPaths.IwmoSchemas, .. options]);

    /// <summary>The 319 the text output names, read from the outbox: it must be there, and be the stored message's bytes.</summary>
    private (string Afzender, string Ontvanger, string Dagtekening, (string, string, string?) Antwoord) Sent(string output)
    {
        var file = Directory.EnumerateFiles(Outbox, "WMO319-*.xml").OrderBy(File.GetLastWriteTimeUtc).Last();
        Assert.That(output, Does.Contain("WMO319 accepted").And.Contain("sent on to the provider"));
        XNamespace ns = "http://www.istandaarden.nl/iwmo/3_2/wmo319/schema";
        XNamespace iwmo = "http://www.istandaarden.nl/iwmo/3_2/basisschema/schema";
        var xml = XDocument.Load(file);
        var header = xml.Root!.Element(ns + "Header")!;
        var antwoord = xml.Root.Element(ns + "Antwoord")!;
        return (
            header.Element(ns + "Afzender")!.Value,
            header.Element(ns + "Ontvanger")!.Value,
            header.Element(ns + "BerichtIdentificatie")!.Element(iwmo + "Dagtekening")!.Value,
            (antwoord.Element(ns + "ReferentieAanbieder")!.Value, antwoord.Element(ns + "VerzoekAntwoord")!.Value, antwoord.Element(ns + "RedenAfwijzingVerzoek")?.Value));
    }

    private async Task<List<(string Subject, string? DueOn)>> RequestTasksAsync()
    {
        var (exit, output, err) = await Run("queue", "--data", Data, "--format", "json");
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        return
        [
            .. JsonDocument.Parse(output).RootElement.EnumerateArray()
                .Where(t => t.GetProperty("kind").GetString() == "answer-request")
                .Select(t => (t.GetProperty("subject").GetString()!, t.GetProperty("dueOn").GetString())),
        ];
    }

    private Task<string> StateAsync() => ScalarAsync<string>("SELECT state FROM request WHERE referentie_aanbieder = @r", new { r = Reference });

    private async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Data, "backoffice.db")}");
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }
}
