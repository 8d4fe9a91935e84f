using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.TestSupport.Generators;
using Backoffice.TestSupport.Lifecycle;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>
/// A folder of lifecycle messages for a few clients in one <c>process</c> run each (issue 7): the
/// right answer per message in the outbox, each message's outcome with its codes in <c>--format
/// json</c>, and the open work with its deadline in <c>queue</c>. Files are taken in name order.
/// </summary>
public sealed class FolderOfClientsTests
{
    private const string Municipality = "0363";
    private const string Provider = "75750003";

    [Test]
    public async Task A_folder_for_three_clients_gets_each_message_its_answer_and_codes()
    {
        var bsns = new TestBsnSequence();
        var (a, b, c) = (new LifecycleClient(Municipality, Provider, bsns.Next()), new LifecycleClient(Municipality, Provider, bsns.Next()), new LifecycleClient(Municipality, Provider, bsns.Next()));
        using var desk = new ScenarioDesk();
        await desk.ImportAsync(new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["municipalities"] = ["cbs_code,name", "0363,Amsterdam"],
            ["providers"] = ["agb_code,name", "75750003,Huishoudelijke Hulp Scenario"],
            ["indications"] =
            [
                "indication_number,municipality,bsn,product_categorie,product_code,arrangement_code,begindatum,einddatum,decision_date,status",
                $"6001,0363,{a.Bsn},01,,,2026-01-01,2026-12-31,2026-02-20,active",
                $"6002,0363,{b.Bsn},01,,,2026-01-01,2026-12-31,2026-02-20,active",
                $"6003,0363,{c.Bsn},01,,,2026-01-01,2026-12-31,2026-02-20,active",
            ],
        });

        static ToegewezenProduct Allocation(int number) =>
            LifecycleClient.Allocation(number, new Product("01", "01A01"), new DateOnly(2026, 3, 2), new TimeOnly(9, 0), new DateOnly(2026, 3, 2), new DateOnly(2026, 12, 31));

        // Mon 2 Mar: a 301 for each client; all three leave unchanged.
        var day1 = await desk.ProcessAsync(
            new DateOnly(2026, 3, 2),
            ("a-301.xml", a.Wmo301(a.FromMunicipality("A-TW-1", new DateOnly(2026, 3, 2)), Allocation(80001))),
            ("b-301.xml", b.Wmo301(b.FromMunicipality("B-TW-1", new DateOnly(2026, 3, 2)), Allocation(80002))),
            ("c-301.xml", c.Wmo301(c.FromMunicipality("C-TW-1", new DateOnly(2026, 3, 2)), Allocation(80003))));
        Assert.That(day1.Results.Select(r => $"{r.Input} {r.MessageType} {r.Verdict} {r.Findings.Count}"), Is.EqualTo(new[]
        {
            "a-301.xml WMO301 accepted 0",
            "b-301.xml WMO301 accepted 0",
            "c-301.xml WMO301 accepted 0",
        }));
        Assert.That(day1.NewInOutbox, Has.Count.EqualTo(3).And.All.StartWith("WMO301-R"));
        foreach (var result in day1.Results)
        {
            Assert.That(desk.OutboxBytes(Path.GetFileName(result.RetourFile)!), Is.EqualTo(day1.Dropped[result.Input]), result.Input);
        }

        // Wed 4 Mar: a start for A; a stop for B, who never started (TR382); a start for B on A's
        // allocation (TR019); a VOT for C, and one dated tomorrow (TR135).
        var day = new DateOnly(2026, 3, 4);
        var day2 = await desk.ProcessAsync(
            day,
            ("a-305.xml", a.Wmo305(a.FromProvider("A-ST-1", day), LifecycleClient.Start(Allocation(80001), new DateOnly(2026, 3, 2)))),
            ("b-305.xml", b.Wmo305(b.FromProvider("B-ST-1", day), LifecycleClient.Start(Allocation(80001), new DateOnly(2026, 3, 2)))),
            ("b-307.xml", b.Wmo307(b.FromProvider("B-SP-1", day), LifecycleClient.Stop(Allocation(80002), new DateOnly(2026, 3, 2), "19", new DateOnly(2026, 3, 3)))),
            ("c-315.xml", c.Wmo315(c.FromProvider("C-VT-1", day), "VOT-C-1", new Product("01", "01A02"), new DateOnly(2026, 4, 1), new DateOnly(2026, 12, 31))),
            ("c-315-morgen.xml", c.Wmo315(c.FromProvider("C-VT-2", day.AddDays(1)), "VOT-C-2", new Product("01", "01A03"), new DateOnly(2026, 4, 1), new DateOnly(2026, 12, 31))));
        Assert.That(day2.Results.Select(r => $"{r.Input} {r.MessageType} {r.Verdict}: {string.Join("; ", r.Codes)}"), Is.EqualTo(new[]
        {
            "a-305.xml WMO305 accepted: ",
            "b-305.xml WMO305 rejected: TR019 9019 /Bericht/Client/StartProducten/StartProduct/ToewijzingNummer",
            "b-307.xml WMO307 rejected: TR382 9069 /Bericht/Client/StopProducten/StopProduct",
            "c-315-morgen.xml WMO315 rejected: TR135 8848 /Bericht/Header/BerichtIdentificatie/Dagtekening",
            "c-315.xml WMO315 accepted: ",
        }));
        Assert.That(day2.NewInOutbox, Has.Count.EqualTo(5));
        Assert.That(Answered<Wmo306>(desk, day2, "a-305.xml").Header.RetourCodes, Is.Null);
        Assert.That(Answered<Wmo306>(desk, day2, "b-305.xml").Client!.StartProducten.Single().RetourCodes, Is.EqualTo(new EquatableArray<string>(["9019"])));
        Assert.That(Answered<Wmo308>(desk, day2, "b-307.xml").Client!.StopProducten.Single().RetourCodes, Is.EqualTo(new EquatableArray<string>(["9069"])));
        Assert.That(Answered<Wmo316>(desk, day2, "c-315.xml").Header.RetourCodes, Is.Null);
        var tomorrow = Answered<Wmo316>(desk, day2, "c-315-morgen.xml");
        Assert.That((tomorrow.Header.RetourCodes, tomorrow.Client), Is.EqualTo(((EquatableArray<string>?)new EquatableArray<string>(["8848"]), (VotClientRetour?)null)), "a Dagtekening after today: the header only, with 8848 (TR135)");

        // The VOT waits for its answer: 5 working days after Wed 4 Mar is Wed 11 Mar.
        var queue = await desk.QueueAsync(day);
        Assert.That(queue.Select(q => $"{q.Kind} {q.DueOn} {q.Status}"), Is.EqualTo(new[] { "answer-request 2026-03-11 open" }));
        Assert.That(queue[0].Subject, Does.Contain("VOT-C-1").And.Contain(Provider));
    }

    private static T Answered<T>(ScenarioDesk desk, StepRun step, string input)
        where T : IwmoMessage
    {
        var result = step[input];
        var answer = desk.Answer<T>(Path.GetFileName(result.RetourFile)!);
        Assert.That(((RetourHeader)answer.Header).BerichtIdentificatie, Is.EqualTo(IwmoReader.Read(step.Dropped[input]).Message!.Header.BerichtIdentificatie), "the retour copies the heen header (IV028)");
        return answer;
    }
}
