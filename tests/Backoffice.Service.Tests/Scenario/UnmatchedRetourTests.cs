using Backoffice.Core.Messages.Common;
using Backoffice.TestSupport.Lifecycle;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>
/// A provider's 302 answering a 301 this backoffice never sent is recorded (it gets no answer, as no
/// retour does) and put in front of staff instead of being taken silently; one answering our own 301
/// is not.
/// </summary>
public sealed class UnmatchedRetourTests
{
    private static readonly LifecycleClient Client = new("0384", "42420001", "999900006");

    private static DateOnly D(int month, int day) => new(2026, month, day);

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
}
