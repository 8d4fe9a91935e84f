using Backoffice.Core.Standard;
using Backoffice.Data.Reference;
using Backoffice.Service.Intake;
using Backoffice.Service.Processing;
using Backoffice.Service.Reference;
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

    [Test]
    public async Task A_small_region_is_accepted_at_every_level_load_and_day_alike()
    {
        using var service = new ServiceHarness(processingDate: RegionTrafficGenerator.ProcessingDate, referenceData: false);
        var reference = Path.Combine(service.DataDirectory, "region");
        RegionTrafficGenerator.WriteReferenceData(reference, Small);
        var importer = service.Get<ReferenceImporter>();
        foreach (var kind in ReferenceWords.Kinds)
        {
            var import = await importer.ImportAsync(kind, Path.Combine(reference, ReferenceWords.Of(kind) + ".csv"), CancellationToken.None);
            Assert.That(import.Result.Applied, Is.True, ReferenceWords.Of(kind));
        }

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
}
