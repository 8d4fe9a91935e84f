using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Backoffice.Service.Cli;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>
/// The audit trail of the demo region (the same demo run as the declaration tests, not a second
/// one): every message has its receipt and verdict on record and every answer its writing, and
/// <c>backoffice audit</c> tells a declaration's story (receipt, verdict with its rule and schema
/// set, the prestaties approved and rejected, the 325 and its legal deadline) without a BSN.
/// </summary>
public sealed partial class DemoRegionDeclarationTests
{
    [Test]
    public async Task Every_message_has_its_receipt_and_verdict_and_every_answer_its_writing_in_the_audit_trail()
    {
        var messages = await QueryAsync<long>("SELECT id FROM message ORDER BY id");
        var received = await QueryAsync<long>("SELECT message_id FROM audit_event WHERE action = 'received' ORDER BY message_id");
        var verdicts = await QueryAsync<long>("SELECT message_id FROM audit_event WHERE action = 'verdict' ORDER BY message_id");
        var written = await QueryAsync<long>("SELECT message_id FROM audit_event WHERE action = 'answer-written' ORDER BY message_id");
        var answers = await QueryAsync<long>("SELECT message_id FROM message_answer WHERE written_at IS NOT NULL ORDER BY message_id");

        Assert.That(received, Is.EqualTo(messages), "one receipt per message");
        Assert.That(verdicts, Is.EqualTo(messages), "one verdict per message, no more");
        Assert.That(written, Is.EqualTo(answers), "one row per answer written");
        var sets = await QueryAsync<(string Rule, string Schema)>(
            "SELECT a.rule_set, a.schema_set FROM audit_event a JOIN declaration d ON d.message_id = a.message_id WHERE a.action = 'verdict' AND (a.rule_set <> d.rule_set OR a.schema_set <> d.schema_set)");
        Assert.That(sets, Is.Empty, "a declaration's verdict event names the rule and schema set the declaration recorded");
        Assert.That(await QueryAsync<string>("SELECT DISTINCT actor FROM audit_event WHERE action IN ('received', 'verdict', 'answer-written')"), Is.EqualTo(new[] { "system" }));
        Assert.That(await QueryAsync<long>("SELECT COUNT(*) FROM audit_event WHERE action = 'reference-imported'"), Is.EqualTo(new[] { 7L }), "the five reference files and the two indication deliveries");
    }

    [Test]
    public async Task Audit_tells_a_declarations_story_receipt_verdict_answer_and_deadline_without_a_BSN()
    {
        var (id, story) = await StoryOfFirstPartlyRejectedDeclarationAsync();
        var sha256 = (await QueryAsync<string>("SELECT sha256 FROM message WHERE id = @id", new { id })).Single();
        var (approved, rejected) = (await QueryAsync<(long Approved, long Rejected)>(
            "SELECT SUM(approved), SUM(1 - approved) FROM prestatie_verdict WHERE message_id = @id", new { id })).Single();
        var due = (await QueryAsync<string>("SELECT answer_due_on FROM message WHERE id = @id", new { id })).Single();

        Assert.That(story, Does.StartWith(string.Create(CultureInfo.InvariantCulture, $"Message {id}: WMO323 from ")));
        Assert.That(story, Does.Contain($"sha256 {sha256}"));
        Assert.That(story, Does.Contain("rule set: iwmo-3.2 national").And.Contain("schema set: basis "));
        Assert.That(story, Does.Contain(string.Create(CultureInfo.InvariantCulture, $"prestaties: {approved + rejected}, approved {approved}, rejected {rejected}")));
        Assert.That(story, Does.Contain(string.Create(CultureInfo.InvariantCulture, $"file WMO325-R{id:D11}.xml")));
        Assert.That(story, Does.Contain($"deadline: due {due}, met (written "));
        foreach (var bsn in await QueryAsync<string>("SELECT DISTINCT bsn FROM prestatie_verdict WHERE message_id = @id", new { id }))
        {
            Assert.That(story, Does.Not.Contain(bsn));
        }

        // Another declaration's bytes: an export is on its message's trail, and the golden story below stays as it is.
        var other = (await QueryAsync<(long Id, string Sha256)>("SELECT id, sha256 FROM message WHERE message_type = 'WMO323' AND id <> @id ORDER BY id LIMIT 1", new { id })).Single();
        var raw = Path.Combine(_root.FullName, "raw.xml");
        Assert.That((await Cli("audit", $"{other.Id}", "--data", Data, "--raw", raw)).Exit, Is.EqualTo(ExitCodes.Ok));
        Assert.That(Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(raw))), Is.EqualTo(other.Sha256));
        Assert.That(sha256, Is.Not.EqualTo(other.Sha256));
    }

    [Test]
    public async Task The_story_of_a_partly_rejected_declaration_reads_as_verified()
    {
        var (_, story) = await StoryOfFirstPartlyRejectedDeclarationAsync();

        // Times of day and the process run on the wall clock; the dates are the demo's pinned ones.
        var stable = OriginHost().Replace(TimeOfDay().Replace(story, "hh:mm:ssZ"), "on HOST/PID");
        Golden.Verify(stable, "audit_story_partly_rejected_323", "txt");
    }

    private async Task<(long Id, string Story)> StoryOfFirstPartlyRejectedDeclarationAsync()
    {
        var id = (await QueryAsync<long>("SELECT MIN(message_id) FROM prestatie_verdict WHERE approved = 0")).Single();
        var (exit, story, err) = await Cli("audit", $"{id}", "--data", Data);
        Assert.That(exit, Is.EqualTo(ExitCodes.Ok), err);
        return (id, story);
    }

    private static async Task<(int Exit, string Out, string Err)> Cli(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await BackofficeCli.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [GeneratedRegex(@"\b[0-9]{2}:[0-9]{2}:[0-9]{2}Z")]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"on [^ ()/]+/[0-9]+")]
    private static partial Regex OriginHost();
}
