using Backoffice.Core.Messages.Common;
using Backoffice.TestSupport.Lifecycle;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>
/// What the register puts in front of staff besides refusals (issue 7): an indication without an
/// allocation (an allocation resting on it takes it off the list; deleting that allocation,
/// RedenWijziging 13 with Einddatum = Ingangsdatum, puts it back), and a provider's 302 answering a
/// 301 this backoffice never sent (recorded, no answer, as no retour gets one, and listed).
/// </summary>
public sealed class StaffFollowUpTests
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

    [Test]
    public async Task A_302_on_a_301_we_never_sent_is_listed_for_staff_and_one_on_ours_is_not()
    {
        using var desk = new ScenarioDesk();
        await desk.ImportAsync(LifecycleScenarioTests.Reference);
        var allocation = LifecycleClient.Allocation(70001, new Product("01", "01A01"), D(3, 2), new TimeOnly(9, 30), D(3, 2), D(12, 31));
        var ours = Client.Wmo301(Client.FromMunicipality("TW-0001", D(3, 2)), allocation);
        var never = Client.Wmo301(Client.FromMunicipality("TW-ELSEWHERE", D(3, 2)), allocation);

        await desk.ProcessAsync(D(3, 2), ("toewijzing.xml", ours));
        var step = await desk.ProcessAsync(
            D(3, 3),
            ("retour-ours.xml", LifecycleClient.Wmo302(ours, "RT-0001", D(3, 3))),
            ("retour-never.xml", LifecycleClient.Wmo302(never, "RT-0002", D(3, 3))));

        Assert.That(step.Results.Select(r => (r.Input, r.Verdict, r.RetourFile)), Is.EquivalentTo(new[]
        {
            ("retour-never.xml", "accepted", (string?)null),
            ("retour-ours.xml", "accepted", (string?)null),
        }));
        var unmatched = (await desk.QueueAsync(D(3, 3))).Where(q => q.Kind == "unmatched-retour").ToList();
        Assert.That(unmatched.Select(q => q.MessageId), Is.EqualTo(new[] { step["retour-never.xml"].MessageId }));
        Assert.That(unmatched.Single().Subject, Does.Contain("WMO301 TW-ELSEWHERE").And.Contain("never sent"));
    }

    private static string[] Unallocated(IReadOnlyList<QueueEntry> queue) =>
        [.. queue.Where(q => q.Kind == "unallocated-indication").Select(q => $"{q.DueOn} {q.Status}")];
}
