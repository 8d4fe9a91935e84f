using System.Security.Cryptography;
using System.Text;
using Backoffice.Core.Standard;
using Backoffice.Data.Intake;
using Backoffice.Data.Processing;
using Backoffice.Service.Intake;
using Backoffice.Service.Processing;
using Backoffice.TestSupport;
using Backoffice.TestSupport.Generators;
using Dapper;
using Microsoft.Data.Sqlite;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Intake;

/// <summary>The inbox pass end to end on a real SQLite file: store first, verdict, set aside, nothing lost.</summary>
public sealed class InboxBatchTests
{
    private static async Task<IReadOnlyList<InputResult>> RunAsync(ServiceHarness service) =>
        (await service.Get<InboxBatch>().RunAsync(TimeSpan.Zero, CancellationToken.None)).Results;

    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), name));

    [Test]
    public async Task Reference_samples_are_stored_judged_against_the_register_and_set_aside_by_verdict()
    {
        RepoPaths.RequireReference();
        using var service = new ServiceHarness();
        foreach (var sample in Samples.Iwmo32())
        {
            service.DropSample(Path.GetFileName(sample));
        }

        var results = await RunAsync(service);

        // With the demo reference data and an empty register the samples, which do not belong to one
        // client's story, come to these verdicts: the 315 is a request of a known provider; the 323 is
        // processed, its lines rejected for allocations the register does not hold (its 325 carries
        // 0200, and 9338 on every line, with 0611 and S329 where the demo catalogue and contracts lack the
        // sample's products); the others name allocations or requests the register does not
        // hold (TR379, TR019, TR355), and the 317 fails TR380 at level 2 (iwmo-3.2.md §8.11).
        var verdicts = results.ToDictionary(r => r.MessageType!, r => (r.Outcome, Rule: r.Reason!.Split('(', ')')[1]));
        Assert.That(verdicts, Is.EquivalentTo(new Dictionary<string, (string, string)>
        {
            ["WMO301"] = (Outcomes.Rejected, "TR379"),
            ["WMO305"] = (Outcomes.Rejected, "TR019"),
            ["WMO307"] = (Outcomes.Rejected, "TR019"),
            ["WMO315"] = (Outcomes.Accepted, "header only, no retourcodes"),
            ["WMO317"] = (Outcomes.Rejected, "TR380"),
            ["WMO319"] = (Outcomes.Rejected, "TR355"),
            ["WMO323"] = (Outcomes.Accepted, "0200 9338 0611 S329"),
        }));
        Assert.That(Directory.EnumerateFiles(service.Inbox), Is.Empty);
        Assert.That(Directory.EnumerateFiles(service.Processed, "*.xml").Count(), Is.EqualTo(2));
        Assert.That(Directory.EnumerateFiles(service.Quarantine, "*.xml").Count(), Is.EqualTo(5));

        var store = service.Get<MessageSummaries>();
        foreach (var result in results)
        {
            var stored = await store.GetAsync(result.MessageId!.Value, CancellationToken.None);
            Assert.That(stored!.Status, Is.EqualTo(MessageStatuses.Processed));
            Assert.That(stored.Outcome, Is.EqualTo(result.Outcome));
            Assert.That(stored.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(result.MovedTo!)))), "the stored bytes are the delivered bytes");
        }
    }

    [Test]
    public async Task Declaration_of_20000_prestaties_goes_through_whole()
    {
        using var service = new ServiceHarness();
        var summary = Wmo323Generator.WriteFile(Path.Combine(service.Inbox, "big-323.xml"), new Wmo323GeneratorOptions { Prestaties = 20_000 });

        var result = (await RunAsync(service)).Single();

        Assert.That(result.Outcome, Is.EqualTo(InputOutcomes.Accepted));
        var stored = await service.Get<MessageSummaries>().GetAsync(result.MessageId!.Value, CancellationToken.None);
        Assert.That(stored!.SizeBytes, Is.EqualTo(summary.Bytes));
    }

    [Test]
    public async Task Same_bytes_twice_are_one_message_reported_as_duplicate()
    {
        using var service = new ServiceHarness();
        service.Drop("first.xml", Samples.AcceptedRequest(1));
        service.Drop("second.xml", Samples.AcceptedRequest(1));

        var results = await RunAsync(service);

        Assert.That(results.Select(r => r.Outcome), Is.EqualTo(new[] { InputOutcomes.Accepted, InputOutcomes.Duplicate }));
        Assert.That(results[1].MessageId, Is.EqualTo(results[0].MessageId));
        var stored = await service.Get<MessageSummaries>().GetAsync(results[0].MessageId!.Value, CancellationToken.None);
        Assert.That(stored!.DeliveryCount, Is.EqualTo(2));
        Assert.That(File.ReadAllText(results[1].MovedTo + ".reason.txt"), Does.Contain("received before as message"));
    }

    [Test]
    public async Task Every_kind_of_bad_input_is_kept_with_its_reason_and_the_next_file_is_processed()
    {
        using var service = new ServiceHarness();
        var wmo323 = Encoding.UTF8.GetString(Sample("WMO323.xml"));
        var bad = new Dictionary<string, (byte[] Bytes, string Outcome, string ReasonText)>
        {
            ["a-not-xml.xml"] = (Encoding.UTF8.GetBytes("%PDF-1.7 this is not xml"), Outcomes.Unreadable, "not well-formed"),
            ["b-truncated.xml"] = (Encoding.UTF8.GetBytes(wmo323[..(wmo323.Length / 3)]), Outcomes.Unreadable, "truncated"),
            ["c-bom.xml"] = ([.. Encoding.UTF8.GetPreamble(), .. Sample("WMO301.xml")], Outcomes.Rejected, "OP192"),
            ["d-dtd.xml"] = (Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"), Outcomes.Unreadable, "DTD"),
            ["e-empty.xml"] = ([], Outcomes.Unreadable, "empty"),
            ["f-ijw.xml"] = (File.ReadAllBytes(Path.Combine(RepoPaths.ReferenceSamples("ijw-3.2"), "JW301.xml")), Outcomes.Unsupported, "iJw 3.2"),
            ["g-iwmo20.xml"] = (File.ReadAllBytes(Path.Combine(RepoPaths.ReferenceSamples("iwmo-2.0"), "CasusB-02-WMO305_start.xml")), Outcomes.Unsupported, "iWmo 2.0"),
            ["h-unknown-ns.xml"] = (Encoding.UTF8.GetBytes("<Bericht xmlns=\"urn:somebody:else\"><x/></Bericht>"), Outcomes.Unsupported, "Unknown namespace"),
            ["i-nested.xml"] = (Encoding.UTF8.GetBytes("<wmo323:Bericht xmlns:wmo323=\"http://www.istandaarden.nl/iwmo/3_2/wmo323/schema\">" + string.Concat(Enumerable.Repeat("<wmo323:J>", 20_000)) + string.Concat(Enumerable.Repeat("</wmo323:J>", 20_000)) + "</wmo323:Bericht>"), Outcomes.Rejected, "Header"),
            ["j-too-large.xml"] = (TooLarge(), Outcomes.TooLarge, "OP179"),
            ["k-invalid.xml"] = (Encoding.UTF8.GetBytes(wmo323.Replace("<wmo323:DeclaratieNummer>DN001</wmo323:DeclaratieNummer>", string.Empty, StringComparison.Ordinal)), Outcomes.Rejected, "DeclaratieNummer"),
        };
        foreach (var (name, input) in bad)
        {
            service.Drop(name, input.Bytes);
        }

        service.Drop("z-valid.xml", Samples.AcceptedRequest(1));

        var results = await RunAsync(service);

        Assert.That(results, Has.Count.EqualTo(bad.Count + 1));
        var store = service.Get<MessageSummaries>();
        foreach (var (name, expected) in bad)
        {
            var result = results.Single(r => r.Input == name);
            Assert.That(result.Outcome, Is.EqualTo(expected.Outcome), name);
            Assert.That(result.MovedTo, Does.StartWith(service.Quarantine), name);
            Assert.That(File.ReadAllBytes(result.MovedTo!), Is.EqualTo(expected.Bytes), $"{name} is kept as delivered");
            var reason = File.ReadAllText(result.MovedTo + ".reason.txt");
            Assert.That(reason, Does.Contain(expected.ReasonText), name);
            var stored = await store.GetAsync(result.MessageId!.Value, CancellationToken.None);
            Assert.That(stored!.Outcome, Is.EqualTo(expected.Outcome), name);
            Assert.That(stored.SizeBytes, Is.EqualTo(expected.Bytes.Length), $"{name}: the raw bytes are in the store");
            Assert.That(stored.Findings, Is.Not.Empty, name);
        }

        Assert.That(results.Single(r => r.Input == "z-valid.xml").Outcome, Is.EqualTo(InputOutcomes.Accepted));
        Assert.That(Directory.EnumerateFiles(service.Inbox), Is.Empty);
    }

    [Test]
    public async Task Dangling_link_is_refused_unread_and_the_next_is_processed()
    {
        using var service = new ServiceHarness();
        File.CreateSymbolicLink(Path.Combine(service.Inbox, "a-gone.xml"), Path.Combine(service.DataDirectory, "nowhere.xml"));
        service.Drop("b-valid.xml", Samples.AcceptedRequest(1));

        var results = await RunAsync(service);

        Assert.That(results[0].Outcome, Is.EqualTo(InputOutcomes.Refused));
        Assert.That(results[0].MessageId, Is.Null, "nothing stored");
        Assert.That(results[1].Outcome, Is.EqualTo(InputOutcomes.Accepted));
    }

    [Test]
    public async Task Message_stored_by_a_run_that_stopped_is_finished_by_the_next_run()
    {
        using var service = new ServiceHarness();
        // The crash window: bytes committed (with the file's identity, as intake records it), file
        // still in the inbox, no verdict yet.
        var path = service.DropSample("WMO315.xml");
        await using (var content = File.OpenRead(path))
        {
            var key = FileIdentity.Lstat(path)!.Value.Key;
            await service.Get<MessageIntakeStore>().ReceiveAsync(content, new IntakeSource(InboxBatch.Channel, "WMO315.xml", TimeProvider.System.GetUtcNow(), key), CancellationToken.None);
        }

        var results = await RunAsync(service);

        Assert.That(results.Single().Outcome, Is.EqualTo(InputOutcomes.Accepted), "resumed, not called a duplicate");
        Assert.That(Directory.EnumerateFiles(service.Inbox), Is.Empty);
        var stored = await service.Get<MessageSummaries>().GetAsync(results.Single().MessageId!.Value, CancellationToken.None);
        Assert.That(stored!.DeliveryCount, Is.EqualTo(1), "one delivery, not a duplicate row");
    }

    [Test]
    public async Task Stored_message_without_its_file_is_processed_from_the_store()
    {
        using var service = new ServiceHarness();
        await using (var content = new MemoryStream(Samples.AcceptedRequest(1)))
        {
            await service.Get<MessageIntakeStore>().ReceiveAsync(content, new IntakeSource("ggk", "WMO315.xml", TimeProvider.System.GetUtcNow()), CancellationToken.None);
        }

        var results = await RunAsync(service);

        Assert.That(results.Single().Input, Does.StartWith("store:"));
        Assert.That(results.Single().Outcome, Is.EqualTo(InputOutcomes.Accepted));
    }

    [Test]
    public async Task Database_fault_while_recording_gives_up_visibly_and_loses_nothing()
    {
        using var service = new ServiceHarness();
        var database = Path.Combine(service.DataDirectory, "backoffice.db");
        await using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            // Not transient: retrying cannot help, so the batch must say so and keep the input.
            await connection.ExecuteAsync("ALTER TABLE message_finding RENAME TO message_finding_gone");
        }

        service.Drop("WMO315.xml", Samples.AcceptedRequest(1));
        var broken = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Sample("WMO305.xml")).Replace("<wmo305:Geslacht>", "<wmo305:Geslacht>X", StringComparison.Ordinal));
        service.Drop("WMO305-broken.xml", broken);

        var results = await RunAsync(service);

        var failed = results.Single(r => r.Input == "WMO305-broken.xml");
        Assert.That(failed.Outcome, Is.EqualTo(InputOutcomes.Failed));
        Assert.That(failed.Reason, Does.Contain("retried"));
        Assert.That(File.Exists(Path.Combine(service.Inbox, "WMO305-broken.xml")), Is.True, "the file stays for the next scan");
        await using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            var status = await connection.ExecuteScalarAsync<string>("SELECT status FROM message WHERE id = @id", new { id = failed.MessageId });
            Assert.That(status, Is.EqualTo(MessageStatuses.Processing), "stored and claimed; the claim goes stale and a later scan retries it");
        }
        Assert.That(results.Single(r => r.Input == "WMO315.xml").Outcome, Is.EqualTo(InputOutcomes.Accepted), "a message without findings still records");
    }

    [Test]
    public async Task File_that_cannot_be_set_aside_keeps_its_verdict_and_stays_for_the_next_scan()
    {
        using var service = new ServiceHarness();
        service.Drop("WMO315.xml", Samples.AcceptedRequest(1));
        // Where the file should go, something else is in the way.
        Directory.CreateDirectory(Path.Combine(service.Processed, "000001-000001-WMO315.xml"));

        var results = await RunAsync(service);

        Assert.That(results.Single().Outcome, Is.EqualTo(InputOutcomes.Failed), "left for the next scan");
        Assert.That(results.Single().MovedTo, Is.Null);
        Assert.That(results.Single().Reason, Does.Contain("verdict is recorded").And.Contain("could not be moved"));
        Assert.That(File.Exists(Path.Combine(service.Inbox, "WMO315.xml")), Is.True);
        Assert.That(Directory.Exists(Path.Combine(service.Processed, "000001-000001-WMO315.xml")), Is.True, "what was in the way is untouched");

        // Once the way is clear, the next scan finishes the same delivery: no duplicate row.
        Directory.Delete(Path.Combine(service.Processed, "000001-000001-WMO315.xml"));
        var again = (await RunAsync(service)).Single();
        Assert.That(again.Outcome, Is.EqualTo(InputOutcomes.Accepted));
        Assert.That(again.MovedTo, Is.EqualTo(Path.Combine(service.Processed, "000001-000001-WMO315.xml")));
        var stored = await service.Get<MessageSummaries>().GetAsync(again.MessageId!.Value, CancellationToken.None);
        Assert.That(stored!.DeliveryCount, Is.EqualTo(1));
    }

    [Test]
    public async Task Leave_inbox_copies_instead_of_moving()
    {
        using var service = new ServiceHarness(leaveFiles: true);
        service.Drop("WMO315.xml", Samples.AcceptedRequest(1));

        var first = await RunAsync(service);
        var second = await RunAsync(service);

        Assert.That(File.Exists(Path.Combine(service.Inbox, "WMO315.xml")), Is.True);
        Assert.That(first.Single().Outcome, Is.EqualTo(InputOutcomes.Accepted));
        Assert.That(second.Single().Outcome, Is.EqualTo(InputOutcomes.Unchanged), "the same file again is not a new delivery");
        var stored = await service.Get<MessageSummaries>().GetAsync(first.Single().MessageId!.Value, CancellationToken.None);
        Assert.That(stored!.DeliveryCount, Is.EqualTo(1));
        Assert.That(Directory.EnumerateFiles(service.Processed), Has.Exactly(1).Items, "no second copy, no note");
    }

    [Test]
    public async Task Logs_and_reason_files_hold_no_BSN_or_name_from_the_messages()
    {
        RepoPaths.RequireReference();
        using var service = new ServiceHarness();
        var personal = new HashSet<string>(StringComparer.Ordinal);
        foreach (var sample in Samples.Iwmo32())
        {
            var xml = System.Xml.Linq.XDocument.Load(sample);
            // Single initials ("A") would match anywhere; names and BSNs are what could identify.
            foreach (var e in xml.Descendants().Where(e => e.Name.LocalName is "Bsn" or "Achternaam" or "Geslachtsnaam" or "Voornamen" or "Voorletters" && !e.HasElements && e.Value.Length > 2))
            {
                personal.Add(e.Value);
            }

            service.DropSample(Path.GetFileName(sample));
            // And a broken copy of each, so findings and reason files are produced too.
            service.Drop("broken-" + Path.GetFileName(sample), Encoding.UTF8.GetBytes(File.ReadAllText(sample).Replace("<iwmo:Identificatie>", "<iwmo:Identificatie>   ", StringComparison.Ordinal).Replace("Bericht>", "Bericht><Extra/>", StringComparison.Ordinal)));
        }

        var results = await RunAsync(service);

        Assert.That(personal, Has.Count.GreaterThan(5), "the samples carry BSNs and names to look for");
        Assert.That(results.Where(r => r.Outcome != InputOutcomes.Accepted), Is.Not.Empty);
        var text = service.ReadLogs() + string.Concat(Directory.EnumerateFiles(service.Quarantine, "*.reason.txt").Select(File.ReadAllText))
            + string.Concat(results.SelectMany(r => r.Findings).Select(f => f.Message + f.Path));
        Assert.That(personal.Where(p => text.Contains(p, StringComparison.Ordinal)), Is.Empty);
    }

    private static byte[] TooLarge()
    {
        var bytes = new byte[(26 * 1024 * 1024) + 10];
        Encoding.ASCII.GetBytes("<x>").CopyTo(bytes, 0);
        bytes.AsSpan(3).Fill((byte)' ');
        return bytes;
    }
}
