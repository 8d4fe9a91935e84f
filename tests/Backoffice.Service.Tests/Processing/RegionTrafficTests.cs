using System.Text;
using Backoffice.Core.Standard;
using Backoffice.Service.Intake;
using Backoffice.Service.Processing;
using Backoffice.TestSupport.Generators;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Processing;

/// <summary>
/// The region benchmark (issue 7) measures accepted traffic only if the generated region is accepted
/// at every level by the real service: its reference data imported, the 301 load processed, then the
/// day of 305/307/315/317 in order on the pinned processing date. This protects the benchmark from
/// silently measuring rejections.
/// </summary>
public sealed class RegionTrafficTests
{
    private static readonly RegionTrafficOptions Small = new() { Clients = 50, DayMessages = 40, Providers = 7, Municipalities = 3 };

    private static async Task<IReadOnlyList<InputResult>> RunAsync(ServiceHarness service) =>
        (await service.Get<InboxBatch>().RunAsync(TimeSpan.Zero, CancellationToken.None)).Results;

    private static string Describe(IEnumerable<InputResult> results) => string.Join(
        "; ",
        results.Where(r => r.Outcome != InputOutcomes.Accepted)
            .Select(r => $"{r.Input}: {r.Outcome} {string.Join(",", r.Findings.Select(f => f.Rule))} {r.Reason}"));

    private static ServiceHarness Region()
    {
        var service = new ServiceHarness(processingDate: RegionTrafficGenerator.ProcessingDate, referenceData: false);
        var reference = Path.Combine(service.DataDirectory, "region");
        RegionTrafficGenerator.WriteReferenceData(reference, Small);
        service.ImportReference(reference);
        return service;
    }

    private static byte[] Edit(RegionMessage message, params (string From, string To)[] edits)
    {
        var xml = Encoding.UTF8.GetString(message.Content);
        foreach (var (from, to) in edits)
        {
            Assert.That(xml, Does.Contain(from), message.Name);
            xml = xml.Replace(from, to, StringComparison.Ordinal);
        }

        return Encoding.UTF8.GetBytes(xml);
    }

    [Test]
    public async Task A_small_region_is_accepted_at_every_level_load_and_day_alike()
    {
        using var service = Region();
        foreach (var message in RegionTrafficGenerator.Load(Small))
        {
            service.Drop(message.Name, message.Content);
        }

        var load = await RunAsync(service);
        Assert.That(load, Has.Count.EqualTo(Small.Clients));
        Assert.That(load.Where(r => r.Outcome != InputOutcomes.Accepted), Is.Empty, Describe(load));
        Assert.That(load.Select(r => r.Reason), Has.All.StartsWith("Passed levels 1 to 4"), "checked against the register, not only level 2");

        var day = RegionTrafficGenerator.Day(Small).ToList();
        foreach (var message in day)
        {
            service.Drop(message.Name, message.Content);
        }

        var results = await RunAsync(service);
        Assert.That(results, Has.Count.EqualTo(Small.DayMessages));
        Assert.That(results.Where(r => r.Outcome != InputOutcomes.Accepted), Is.Empty, Describe(results));
        Assert.That(results.Select(r => r.Reason), Has.All.StartsWith("Passed levels 1 to 4"));
        Assert.That(results.Select(r => r.Input), Is.EqualTo(day.Select(m => m.Name)), "processed in the generated order");
        Assert.That(results.Count(r => r.RetourFile is not null), Is.EqualTo(Small.DayMessages), "each provider message answered");
        var mix = RegionTrafficGenerator.DayMix(Small);
        Assert.That(mix.Keys, Is.EquivalentTo(new[] { MessageType.Wmo305, MessageType.Wmo307, MessageType.Wmo315, MessageType.Wmo317 }));
        Assert.That(day.GroupBy(m => m.Type).ToDictionary(g => g.Key, g => g.Count()), Is.EqualTo(mix));
    }

    /// <summary>
    /// The register view reaches beyond the client where the rules do: another client's allocation
    /// with the same number in the municipality (TR332), another client's request with the same
    /// reference at the provider (TR347), an earlier message with the same identification (TR056).
    /// </summary>
    [Test]
    public async Task The_register_view_holds_other_clients_numbers_and_references_and_earlier_identifications()
    {
        using var service = Region();
        var load = RegionTrafficGenerator.Load(Small).ToList();
        foreach (var message in load)
        {
            service.Drop(message.Name, message.Content);
        }

        Assert.That((await RunAsync(service)).Where(r => r.Outcome != InputOutcomes.Accepted), Is.Empty);
        var day = RegionTrafficGenerator.Day(Small).ToList();
        foreach (var message in day)
        {
            service.Drop(message.Name, message.Content);
        }

        Assert.That((await RunAsync(service)).Where(r => r.Outcome != InputOutcomes.Accepted), Is.Empty);

        // Clients 3 and 6 share a municipality (3 municipalities) and have one allocation each: 30 and 60.
        var numberTaken = Edit(load[5], ("<wmo301:ToewijzingNummer>60<", "<wmo301:ToewijzingNummer>30<"), ("RL0000000006", "RX0000000006"));
        var requests = day.Where(m => m.Type == MessageType.Wmo315).Take(2).ToList();
        var firstReference = Encoding.UTF8.GetString(requests[0].Content).Split("<wmo315:ReferentieAanbieder>")[1].Split('<')[0];
        var secondReference = Encoding.UTF8.GetString(requests[1].Content).Split("<wmo315:ReferentieAanbieder>")[1].Split('<')[0];
        var referenceTaken = Edit(requests[1], (secondReference, firstReference), ("RD", "RY"));
        var identificationTaken = Edit(requests[1], (secondReference, "VOT-AGAIN"));
        service.Drop("x1-number.xml", numberTaken);
        service.Drop("x2-reference.xml", referenceTaken);
        service.Drop("x3-identification.xml", identificationTaken);

        var results = await RunAsync(service);

        Assert.That(results.Select(r => r.Outcome), Is.All.EqualTo(Outcomes.Rejected), Describe(results));
        Assert.That(results.Single(r => r.Input == "x1-number.xml").Findings.Select(f => f.Rule), Does.Contain("TR332"));
        Assert.That(results.Single(r => r.Input == "x2-reference.xml").Findings.Select(f => f.Rule), Does.Contain("TR347"));
        Assert.That(results.Single(r => r.Input == "x3-identification.xml").Findings.Select(f => f.Rule), Does.Contain("TR056"));
    }
}
