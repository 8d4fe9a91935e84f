using Backoffice.Core.Messages.Common;
using Backoffice.TestSupport.Lifecycle;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>
/// Indications without an allocation are listed for staff (issue 7): an allocation resting on the
/// indication takes it off the list, and deleting that allocation (RedenWijziging 13, Einddatum =
/// Ingangsdatum) puts it back, because the indication then has no allocation any more.
/// </summary>
public sealed class IndicationFollowUpTests
{
    private static readonly LifecycleClient Client = new("0384", "42420001", "999900006");

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Test]
    public async Task An_indication_whose_allocation_was_deleted_is_listed_again_as_without_allocation()
    {
        using var desk = new ScenarioDesk();
        await desk.ImportAsync(LifecycleScenarioTests.Reference);
        var allocation = LifecycleClient.Allocation(70001, new Product("01", "01A01"), D(3, 2), new TimeOnly(9, 30), D(3, 2), D(12, 31));

        var made = await desk.ProcessAsync(D(3, 2), ("toewijzing.xml", Client.Wmo301(Client.FromMunicipality("TW-0001", D(3, 2)), allocation)));
        Assert.That(made["toewijzing.xml"].Verdict, Is.EqualTo("accepted"));
        Assert.That(Unallocated(await desk.QueueAsync(D(3, 2))), Is.Empty, "the indication has its allocation");

        var deletion = allocation with { Toewijzingsdatum = D(3, 10), RedenWijziging = "13", Einddatum = allocation.Ingangsdatum };
        var deleted = await desk.ProcessAsync(D(3, 10), ("intrekking.xml", Client.Wmo301(Client.FromMunicipality("TW-0002", D(3, 10)), deletion)));

        Assert.That(deleted["intrekking.xml"].Verdict, Is.EqualTo("accepted"), string.Join("; ", deleted["intrekking.xml"].Codes));
        Assert.That(Unallocated(await desk.QueueAsync(D(3, 10))), Is.EqualTo(new[] { "2026-02-27 overdue" }), "5 working days after the decision on Fri 20 Feb");
    }

    private static string[] Unallocated(IReadOnlyList<QueueEntry> queue) =>
        [.. queue.Where(q => q.Kind == "unallocated-indication").Select(q => $"{q.DueOn} {q.Status}")];
}
