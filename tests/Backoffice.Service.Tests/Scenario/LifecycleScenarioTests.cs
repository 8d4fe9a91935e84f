using System.Text;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.TestSupport;
using Backoffice.TestSupport.Lifecycle;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>
/// One client's whole lifecycle through <c>backoffice process</c> on SQLite, step by step on pinned
/// processing days in spring 2026 (iwmo-3.2.md §8.5-8.9): our 301 and the provider's 302; a start, a
/// temporary and a definitive stop; a new start and its correction (delete + new, IV008); a VOW
/// answered by a 301 carrying its reference; a VOT answered by a 319 "in onderzoek" and then a 301.
/// Wrong steps in between are refused with the exact code on the exact class. After each step the
/// json outcome and codes, the answer in the outbox, the register tables and the queue are checked.
/// The answers of the accepted steps and of the refused stop and VOT are golden files
/// (<c>service_*.verified.xml</c>); the refused 306 and 318 have their Core goldens (level3_*).
/// </summary>
public sealed class LifecycleScenarioTests
{
    private const string Municipality = "0384";
    private const string Provider = "42420001";

    private static readonly LifecycleClient Client = new(Municipality, Provider, "999900006");

    private static readonly Product Begeleiding = new("01", "01A01");
    private static readonly Product Dagbesteding = new("01", "01A02");
    private static readonly Product Ondersteuning = new("01", "01A03");

    private static readonly ToegewezenProduct First = LifecycleClient.Allocation(
        70001, Begeleiding, D(3, 2), new TimeOnly(9, 30), D(3, 2), D(12, 31), hoursPerWeek: 4);

    /// <summary>The scenario's reference data: Diemen, one provider, the client's indication 5001 for category 01 in 2026.</summary>
    internal static readonly Dictionary<string, string[]> Reference = new(StringComparer.Ordinal)
    {
        ["municipalities"] = ["cbs_code,name", "0384,Diemen"],
        ["providers"] = ["agb_code,name", "42420001,Thuiszorg Scenario"],
        // One indication for category 01 in 2026, decided on Friday 20 February.
        ["indications"] =
        [
            "indication_number,municipality,bsn,product_categorie,product_code,arrangement_code,begindatum,einddatum,decision_date,status",
            "5001,0384,999900006,01,,,2026-01-01,2026-12-31,2026-02-20,active",
        ],
    };

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [Test]
    public async Task One_clients_lifecycle_through_process_checks_register_queue_and_every_answer()
    {
        using var desk = new ScenarioDesk();
        await desk.ImportAsync(Reference);

        // Before anything: the indication waits for its allocation (5 working days after Fri 20 Feb: Fri 27 Feb).
        Assert.That(Lines(await desk.QueueAsync(D(3, 2))), Is.EqualTo(new[] { "unallocated-indication 2026-02-27 overdue" }));

        // 1. Mon 2 Mar: our 301 leaves unchanged; the allocation is recorded, backed by indication 5001.
        var toewijzing = Client.Wmo301(Client.FromMunicipality("TW2026-0001", D(3, 2)), First);
        var step = await desk.ProcessAsync(D(3, 2), ("toewijzing-1.xml", toewijzing));
        var own301 = Accepted(step, "toewijzing-1.xml", "WMO301");
        AssertForwarded(desk, step, "toewijzing-1.xml");
        Assert.That(await Allocations(desk), Is.EqualTo(new[] { $"70001 - 2026-03-02 09:30 backed 5001 m{own301} current" }));
        Assert.That(Lines(await desk.QueueAsync(D(3, 2))), Is.Empty, "the indication has its allocation");

        // 2. Wed 4 Mar: the provider's 302, every class 0200, is recorded against our 301; no answer.
        var retour = LifecycleClient.Wmo302(toewijzing, "RT-0001", D(3, 3), headerCode: "0200", clientCodes: "0200");
        step = await desk.ProcessAsync(D(3, 4), ("retour-1.xml", retour));
        var retour302 = Accepted(step, "retour-1.xml", "WMO302", answered: false);
        Assert.That(step.NewInOutbox, Is.Empty);
        Assert.That(await ProviderRetour(desk, retour302), Is.EqualTo($"WMO301 TW2026-0001 m{own301} rejected=0"));
        Assert.That(await desk.QueryAsync<long>("SELECT COUNT(*) FROM provider_rejection"), Is.EqualTo(new[] { 0L }));
        Assert.That(Lines(await desk.QueueAsync(D(3, 4))), Is.Empty);

        // 3. Thu 5 Mar: the start (Begindatum 2 Mar) is accepted: a 306 with the header only.
        step = await desk.ProcessAsync(D(3, 5), ("start-1.xml", Client.Wmo305(Client.FromProvider("ST-0001", D(3, 5)), LifecycleClient.Start(First, D(3, 2)))));
        var start1 = Accepted(step, "start-1.xml", "WMO305");
        var answer306 = FullyAccepted<Wmo306>(desk, step, "start-1.xml", "ST-0001");
        Assert.That(answer306.Client, Is.Null);
        Golden.Verify(Text(desk, step, "start-1.xml"), "service_WMO306_accepted", "xml");

        //    Wrong: a start on an allocation that does not exist: 9019 on the StartProduct, 0200 on the header and client.
        var unknown = First with { ToewijzingNummer = 79999 };
        step = await desk.ProcessAsync(D(3, 5), ("start-unknown.xml", Client.Wmo305(Client.FromProvider("ST-0002", D(3, 5)), LifecycleClient.Start(unknown, D(3, 2)))));
        Assert.That(Rejected(step, "start-unknown.xml", "WMO305"), Is.EqualTo(new[] { "TR019 9019 /Bericht/Client/StartProducten/StartProduct/ToewijzingNummer" }));
        var refused306 = RejectedAnswer<Wmo306>(desk, step, "start-unknown.xml", "ST-0002");
        Assert.That(Codes(refused306.Client!.RetourCodes), Is.EqualTo("0200"));
        Assert.That(refused306.Client.StartProducten.Select(p => Codes(p.RetourCodes)), Is.EqualTo(new[] { "9019" }));

        //    Wrong: the identification of the accepted start used again for other content: 9056, the header only (TR056, IV028).
        step = await desk.ProcessAsync(D(3, 6), ("start-1-nogmaals.xml", Client.Wmo305(Client.FromProvider("ST-0001", D(3, 6)), LifecycleClient.Start(First, D(3, 3)))));
        //    (A second start while the first runs is TR326 as well; json lists both, the answer only the header's code.)
        Assert.That(Rejected(step, "start-1-nogmaals.xml", "WMO305"), Is.EqualTo(new[]
        {
            "TR056 9056 /Bericht/Header/BerichtIdentificatie/Identificatie",
            "TR326 9326 /Bericht/Client/StartProducten/StartProduct",
        }));
        var headerOnly = Answer<Wmo306>(desk, step, "start-1-nogmaals.xml", "ST-0001");
        Assert.That((Codes(headerOnly.Header.RetourCodes!.Value), headerOnly.Client), Is.EqualTo(("9056", (StartClientRetour?)null)), "an error in the header returns the header only");
        Assert.That(await CareLines(desk), Is.EqualTo(new[] { $"start 70001 2026-03-02 status 1 m{start1}" }), "the refused starts changed nothing");

        // 4. Mon 16 Mar: a temporary stop (RedenBeeindiging 20) ending Fri 13 Mar.
        step = await desk.ProcessAsync(D(3, 16), ("stop-tijdelijk.xml", Client.Wmo307(Client.FromProvider("SP-0001", D(3, 16)), LifecycleClient.Stop(First, D(3, 2), "20", D(3, 13)))));
        var stopTemporary = Accepted(step, "stop-tijdelijk.xml", "WMO307");
        FullyAccepted<Wmo308>(desk, step, "stop-tijdelijk.xml", "SP-0001");
        Golden.Verify(Text(desk, step, "stop-tijdelijk.xml"), "service_WMO308_accepted", "xml");

        //    Wrong: a second temporary stop of the same start: 9413 on the StopProduct (TR413).
        step = await desk.ProcessAsync(D(3, 17), ("stop-tijdelijk-2.xml", Client.Wmo307(Client.FromProvider("SP-0002", D(3, 17)), LifecycleClient.Stop(First, D(3, 2), "20", D(3, 16)))));
        Assert.That(Rejected(step, "stop-tijdelijk-2.xml", "WMO307"), Is.EqualTo(new[] { "TR413 9413 /Bericht/Client/StopProducten/StopProduct/RedenBeeindiging" }));
        var refused308 = RejectedAnswer<Wmo308>(desk, step, "stop-tijdelijk-2.xml", "SP-0002");
        Assert.That(Codes(refused308.Client!.RetourCodes), Is.EqualTo("0200"));
        Assert.That(refused308.Client.StopProducten.Select(p => Codes(p.RetourCodes)), Is.EqualTo(new[] { "9413" }));
        Golden.Verify(Text(desk, step, "stop-tijdelijk-2.xml"), "service_WMO308_rejected", "xml");

        //    Wrong: a definitive stop ending before the temporary stop's end: 9414 on the StopProduct (TR414).
        step = await desk.ProcessAsync(D(3, 20), ("stop-te-vroeg.xml", Client.Wmo307(Client.FromProvider("SP-0009", D(3, 20)), LifecycleClient.Stop(First, D(3, 2), "23", D(3, 12)))));
        Assert.That(Rejected(step, "stop-te-vroeg.xml", "WMO307"), Is.EqualTo(new[] { "TR414 9414 /Bericht/Client/StopProducten/StopProduct/Einddatum" }));
        Assert.That(RejectedAnswer<Wmo308>(desk, step, "stop-te-vroeg.xml", "SP-0009").Client!.StopProducten.Select(p => Codes(p.RetourCodes)), Is.EqualTo(new[] { "9414" }));

        // 5. Mon 23 Mar: the stop becomes definitive (23, ending Fri 20 Mar, not before the temporary stop's end, TR414).
        step = await desk.ProcessAsync(D(3, 23), ("stop-definitief.xml", Client.Wmo307(Client.FromProvider("SP-0003", D(3, 23)), LifecycleClient.Stop(First, D(3, 2), "23", D(3, 20)))));
        var stopDefinitive = Accepted(step, "stop-definitief.xml", "WMO307");
        FullyAccepted<Wmo308>(desk, step, "stop-definitief.xml", "SP-0003");
        Assert.That(await CareLines(desk), Is.EqualTo(new[]
        {
            $"start 70001 2026-03-02 status 1 m{start1}",
            $"stop 70001 2026-03-02 20 2026-03-13 status 1 m{stopTemporary}",
            $"stop 70001 2026-03-02 23 2026-03-20 status 1 m{stopDefinitive}",
        }));

        //    Wrong: a second definitive stop of the same start: 9415 on the StopProduct (TR415).
        step = await desk.ProcessAsync(D(3, 24), ("stop-definitief-2.xml", Client.Wmo307(Client.FromProvider("SP-0004", D(3, 24)), LifecycleClient.Stop(First, D(3, 2), "19", D(3, 20)))));
        Assert.That(Rejected(step, "stop-definitief-2.xml", "WMO307"), Is.EqualTo(new[] { "TR415 9415 /Bericht/Client/StopProducten/StopProduct" }));

        //    The definitive stop corrected, delete + new in one message (IV008): it ended on Thu 19 Mar.
        step = await desk.ProcessAsync(D(3, 24), ("stop-definitief-correctie.xml", Client.Wmo307(
            Client.FromProvider("SP-0005", D(3, 24)),
            LifecycleClient.Stop(First, D(3, 2), "23", D(3, 20), status: "3"),
            LifecycleClient.Stop(First, D(3, 2), "23", D(3, 19)))));
        var stopCorrection = Accepted(step, "stop-definitief-correctie.xml", "WMO307");
        FullyAccepted<Wmo308>(desk, step, "stop-definitief-correctie.xml", "SP-0005");

        // 6. Wed 15 Apr: the client is back; a new start on the same allocation (OP379), with the wrong date.
        step = await desk.ProcessAsync(D(4, 15), ("start-2.xml", Client.Wmo305(Client.FromProvider("ST-0003", D(4, 15)), LifecycleClient.Start(First, D(4, 14)))));
        var start2 = Accepted(step, "start-2.xml", "WMO305");
        FullyAccepted<Wmo306>(desk, step, "start-2.xml", "ST-0003");

        //    Wrong: deleting the first start, which has stops: 9071 on the StartProduct (TR071).
        step = await desk.ProcessAsync(D(4, 16), ("start-1-weg.xml", Client.Wmo305(Client.FromProvider("ST-0004", D(4, 16)), LifecycleClient.Start(First, D(3, 2), status: "3"))));
        Assert.That(Rejected(step, "start-1-weg.xml", "WMO305"), Is.EqualTo(new[] { "TR071 9071 /Bericht/Client/StartProducten/StartProduct/StatusAanlevering" }));
        Assert.That(RejectedAnswer<Wmo306>(desk, step, "start-1-weg.xml", "ST-0004").Client!.StartProducten.Select(p => Codes(p.RetourCodes)), Is.EqualTo(new[] { "9071" }));

        // 7. Thu 16 Apr: the correction, delete + new in one message (IV008): the start was Mon 13 Apr.
        step = await desk.ProcessAsync(D(4, 16), ("start-2-correctie.xml", Client.Wmo305(
            Client.FromProvider("ST-0005", D(4, 16)),
            LifecycleClient.Start(First, D(4, 14), status: "3"),
            LifecycleClient.Start(First, D(4, 13)))));
        var correction = Accepted(step, "start-2-correctie.xml", "WMO305");
        FullyAccepted<Wmo306>(desk, step, "start-2-correctie.xml", "ST-0005");
        Assert.That(await CareLines(desk), Is.EqualTo(new[]
        {
            $"start 70001 2026-03-02 status 1 m{start1}",
            $"stop 70001 2026-03-02 20 2026-03-13 status 1 m{stopTemporary}",
            $"stop 70001 2026-03-02 23 2026-03-20 status 1 m{stopDefinitive}",
            $"stop 70001 2026-03-02 23 2026-03-20 status 3 m{stopCorrection}",
            $"stop 70001 2026-03-02 23 2026-03-19 status 1 m{stopCorrection}",
            $"start 70001 2026-04-14 status 1 m{start2}",
            $"start 70001 2026-04-14 status 3 m{correction}",
            $"start 70001 2026-04-13 status 1 m{correction}",
        }), "every line as sent; the deletion is recorded before the new line");

        // 8. Tue 21 Apr: a VOW keeps 70001 and asks for 01A02 from May: accepted (318, header only); the
        //    request is open, due 5 working days after receipt skipping the weekend and King's Day: Wed 29 Apr.
        var vow = Client.Wmo317(Client.FromProvider("VW-0001", D(4, 21)), "VOW-2026-01", [70001], LifecycleClient.Nieuw(Dagbesteding, D(5, 1), D(12, 31)));
        step = await desk.ProcessAsync(D(4, 21), ("vow.xml", vow));
        var vowMessage = Accepted(step, "vow.xml", "WMO317");
        FullyAccepted<Wmo318>(desk, step, "vow.xml", "VW-0001");
        Golden.Verify(Text(desk, step, "vow.xml"), "service_WMO318_accepted", "xml");
        Assert.That(await Requests(desk), Is.EqualTo(new[] { $"vow VOW-2026-01 m{vowMessage} 2026-04-21 received 2026-04-21 due 2026-04-29 open" }));
        Assert.That(Lines(await desk.QueueAsync(D(4, 21))), Is.EqualTo(new[] { "answer-request 2026-04-29 open VOW-2026-01" }));
        Assert.That(Lines(await desk.QueueAsync(D(4, 29))), Is.EqualTo(new[] { "answer-request 2026-04-29 due today VOW-2026-01" }));

        //    Wrong: a second VOW while the first is open: 9374 (TR374).
        var secondVow = Client.Wmo317(Client.FromProvider("VW-0002", D(4, 22)), "VOW-2026-02", [70001], LifecycleClient.Nieuw(Ondersteuning, D(5, 4), D(12, 31)));
        step = await desk.ProcessAsync(D(4, 22), ("vow-2.xml", secondVow));
        Assert.That(Rejected(step, "vow-2.xml", "WMO317").Select(c => c.Split(' ')[1]), Is.EqualTo(new[] { "9374" }));
        RejectedAnswer<Wmo318>(desk, step, "vow-2.xml", "VW-0002");

        // 9. Thu 23 Apr: our 301 answers the VOW: every product carries its reference (IV093), 70001 as
        //    the same version sent again, 70002 new. The request is allocated by this 301, its task gone.
        var second = LifecycleClient.Allocation(70002, Dagbesteding, D(4, 23), new TimeOnly(11, 0), D(5, 1), D(12, 31), hoursPerWeek: 2, referentieAanbieder: "VOW-2026-01");
        var vowAnswer = Client.Wmo301(Client.FromMunicipality("TW2026-0002", D(4, 23)), First with { ReferentieAanbieder = "VOW-2026-01" }, second);
        step = await desk.ProcessAsync(D(4, 23), ("toewijzing-2.xml", vowAnswer));
        var own301b = Accepted(step, "toewijzing-2.xml", "WMO301");
        AssertForwarded(desk, step, "toewijzing-2.xml");
        Assert.That(await Requests(desk), Is.EqualTo(new[] { $"vow VOW-2026-01 m{vowMessage} 2026-04-21 received 2026-04-21 due 2026-04-29 allocated by m{own301b}" }));
        Assert.That(await Allocations(desk), Is.EqualTo(new[]
        {
            $"70001 - 2026-03-02 09:30 backed 5001 m{own301}",
            $"70001 VOW-2026-01 2026-03-02 09:30 backed 5001 m{own301b} current",
            $"70002 VOW-2026-01 2026-04-23 11:00 backed 5001 m{own301b} current",
        }));
        Assert.That(Lines(await desk.QueueAsync(D(4, 23))), Is.Empty);

        // 10. Tue 12 May: a VOT for 01A03 from June; receipt + 5 working days skips Ascension (Thu 14 May): Wed 20 May.
        var vot = Client.Wmo315(Client.FromProvider("VT-0001", D(5, 12)), "VOT-2026-01", Ondersteuning, D(6, 1), D(12, 31));
        step = await desk.ProcessAsync(D(5, 12), ("vot.xml", vot));
        var votMessage = Accepted(step, "vot.xml", "WMO315");
        FullyAccepted<Wmo316>(desk, step, "vot.xml", "VT-0001");
        Golden.Verify(Text(desk, step, "vot.xml"), "service_WMO316_accepted", "xml");
        Assert.That(Lines(await desk.QueueAsync(D(5, 12))), Is.EqualTo(new[] { "answer-request 2026-05-20 open VOT-2026-01" }));

        //    Wrong: a second VOT while the first line is open: 9374 (TR374) on the client.
        var secondVot = Client.Wmo315(Client.FromProvider("VT-0002", D(5, 13)), "VOT-2026-02", Dagbesteding, D(6, 1), D(12, 31));
        step = await desk.ProcessAsync(D(5, 13), ("vot-2.xml", secondVot));
        Assert.That(Rejected(step, "vot-2.xml", "WMO315").Select(c => c.Split(' ')[1]), Is.EqualTo(new[] { "9374" }));
        RejectedAnswer<Wmo316>(desk, step, "vot-2.xml", "VT-0002");
        Golden.Verify(Text(desk, step, "vot-2.xml"), "service_WMO316_rejected", "xml");

        // 11. Fri 15 May: our 319 "in onderzoek" leaves unchanged; the request waits for its final answer,
        //     8 weeks after the request's date (Tue 12 May): Tue 7 Jul.
        var inOnderzoek = LifecycleClient.Wmo319(Client.FromMunicipality("AW-0001", D(5, 15)), "VOT-2026-01");
        step = await desk.ProcessAsync(D(5, 15), ("antwoord.xml", inOnderzoek));
        var own319 = Accepted(step, "antwoord.xml", "WMO319");
        AssertForwarded(desk, step, "antwoord.xml");
        Assert.That((await Requests(desk))[1], Is.EqualTo($"vot VOT-2026-01 m{votMessage} 2026-05-12 received 2026-05-12 due 2026-05-20 in-onderzoek 2026-05-15 final 2026-07-07"));
        Assert.That(Lines(await desk.QueueAsync(D(5, 15))), Is.EqualTo(new[] { "answer-request 2026-07-07 open VOT-2026-01" }));
        Assert.That(await desk.QueueTextAsync(D(7, 8)), Does.Contain("[answer-request] due 2026-07-07 (overdue)").And.Contain("VOT-2026-01").And.Contain("1 open tasks."));

        //     Wrong: our 319 for a request nobody sent: refused (TR355), not in the outbox, listed for staff.
        step = await desk.ProcessAsync(D(5, 15), ("antwoord-onbekend.xml", LifecycleClient.Wmo319(Client.FromMunicipality("AW-0002", D(5, 15)), "VOT-ONBEKEND", inOnderzoek: false)));
        var refused319 = step["antwoord-onbekend.xml"];
        Assert.That((refused319.Verdict, refused319.RetourFile, step.NewInOutbox.Count), Is.EqualTo(("rejected", (string?)null, 0)));
        Assert.That(refused319.Codes, Is.EqualTo(new[] { "TR355 9355 /Bericht/Antwoord/ReferentieAanbieder" }));
        Assert.That(Lines(await desk.QueueAsync(D(5, 15))), Is.EqualTo(new[] { "answer-request 2026-07-07 open VOT-2026-01", "refused-own-message - no deadline" }));

        //     Mon 18 May: the provider's 320 accepts our 319 (header only): recorded against it, nothing for staff.
        step = await desk.ProcessAsync(D(5, 18), ("retour-antwoord.xml", LifecycleClient.Wmo320(inOnderzoek, "RT-0002", D(5, 18))));
        var retour320 = Accepted(step, "retour-antwoord.xml", "WMO320", answered: false);
        Assert.That(step.NewInOutbox, Is.Empty);
        Assert.That(await ProviderRetour(desk, retour320), Is.EqualTo($"WMO319 AW-0001 m{own319} rejected=0"));

        //     Wrong: a second "in onderzoek" on the same request (it may be sent once, TR360/TR365): refused, not sent.
        step = await desk.ProcessAsync(D(5, 19), ("antwoord-2.xml", LifecycleClient.Wmo319(Client.FromMunicipality("AW-0003", D(5, 19)), "VOT-2026-01")));
        Assert.That((step["antwoord-2.xml"].Verdict, step["antwoord-2.xml"].RetourFile, step.NewInOutbox.Count), Is.EqualTo(("rejected", (string?)null, 0)));
        Assert.That(step["antwoord-2.xml"].Codes, Is.EqualTo(new[] { "TR360 9360 /Bericht/Antwoord/VerzoekAntwoord" }));

        // 12. Mon 15 Jun: our 301 answers the VOT: 70001 and 70002 sent again as they are, 70003 new with
        //     the VOT's reference. The request is allocated, the final-answer task gone.
        var third = LifecycleClient.Allocation(70003, Ondersteuning, D(6, 15), new TimeOnly(10, 0), D(6, 1), D(12, 31), hoursPerWeek: 2, referentieAanbieder: "VOT-2026-01");
        var votAnswer = Client.Wmo301(Client.FromMunicipality("TW2026-0003", D(6, 15)), First, second with { ReferentieAanbieder = null }, third);
        step = await desk.ProcessAsync(D(6, 15), ("toewijzing-3.xml", votAnswer));
        var own301c = Accepted(step, "toewijzing-3.xml", "WMO301");
        AssertForwarded(desk, step, "toewijzing-3.xml");
        Assert.That((await Requests(desk))[1], Is.EqualTo($"vot VOT-2026-01 m{votMessage} 2026-05-12 received 2026-05-12 due 2026-05-20 allocated by m{own301c} 2026-05-15 final 2026-07-07"));
        //     A version is kept once per reference it was sent with: 70001 without one is the row of step 1,
        //     70002 without one is a row of its own, the same version (IV013), and the current one now.
        Assert.That(await Allocations(desk), Is.EqualTo(new[]
        {
            $"70001 - 2026-03-02 09:30 backed 5001 m{own301}",
            $"70001 VOW-2026-01 2026-03-02 09:30 backed 5001 m{own301b} current",
            $"70002 VOW-2026-01 2026-04-23 11:00 backed 5001 m{own301b}",
            $"70002 - 2026-04-23 11:00 backed 5001 m{own301c} current",
            $"70003 VOT-2026-01 2026-06-15 10:00 backed 5001 m{own301c} current",
        }));
        Assert.That(Lines(await desk.QueueAsync(D(6, 15))), Is.EqualTo(new[] { "refused-own-message - no deadline", "refused-own-message - no deadline" }), "only the refused 319s are left for staff");

        // 13. Tue 16 Jun: the provider's 302 rejects 70003 (9379: it knows no such request); every other class 0200.
        //     Recorded as rejected, the product listed for staff with the provider's code.
        step = await desk.ProcessAsync(D(6, 16), ("retour-3.xml", LifecycleClient.Wmo302(votAnswer, "RT-0003", D(6, 16), headerCode: "0200", clientCodes: "0200", productCode: n => n == 70003 ? "9379" : null)));
        var retour302c = Accepted(step, "retour-3.xml", "WMO302", answered: false);
        Assert.That(await ProviderRetour(desk, retour302c), Is.EqualTo($"WMO301 TW2026-0003 m{own301c} rejected=1"));
        Assert.That(
            await desk.QueryAsync<string>("SELECT subject || ' ' || path || ' ' || retourcodes FROM provider_rejection WHERE message_id = @retour302c ORDER BY seq", new { retour302c }),
            Is.EqualTo(new[] { "ToegewezenProduct with ToewijzingNummer 70003 /Bericht/Client/ToegewezenProducten/ToegewezenProduct[3] 9379" }));
        var queue = await desk.QueueAsync(D(6, 16));
        Assert.That(Lines(queue), Does.Contain("provider-rejected - no deadline"));
        Assert.That(queue.Single(q => q.Kind == "provider-rejected").Detail, Does.Contain("ToewijzingNummer 70003").And.Contain("9379").And.Not.Contain(Client.Bsn));

        //     Wrong: our 301 that leaves out the current 70001 and 70002 (OP087, code 9349 on the Client): refused, not sent.
        step = await desk.ProcessAsync(D(6, 17), ("toewijzing-4.xml", Client.Wmo301(Client.FromMunicipality("TW2026-0004", D(6, 17)), third with { ReferentieAanbieder = null })));
        Assert.That((step["toewijzing-4.xml"].Verdict, step["toewijzing-4.xml"].RetourFile, step.NewInOutbox.Count), Is.EqualTo(("rejected", (string?)null, 0)));
        Assert.That(step["toewijzing-4.xml"].Codes, Is.EqualTo(new[] { "OP087 9349 /Bericht/Client", "OP087 9349 /Bericht/Client" }));

        //     Wrong: our 319 "afgewezen" on the VOT a 301 already answered (TR359): refused, not sent.
        step = await desk.ProcessAsync(D(6, 17), ("antwoord-3.xml", LifecycleClient.Wmo319(Client.FromMunicipality("AW-0004", D(6, 17)), "VOT-2026-01", inOnderzoek: false)));
        Assert.That((step["antwoord-3.xml"].Verdict, step["antwoord-3.xml"].RetourFile, step.NewInOutbox.Count), Is.EqualTo(("rejected", (string?)null, 0)));
        Assert.That(step["antwoord-3.xml"].Codes, Is.EqualTo(new[] { "TR359 9359 /Bericht/Antwoord/ReferentieAanbieder" }));

        //     The same 301 delivered again (a new file, the same bytes) is a duplicate: no second verdict, nothing sent again.
        step = await desk.ProcessAsync(D(6, 17), ("toewijzing-3-opnieuw.xml", votAnswer));
        Assert.That((step["toewijzing-3-opnieuw.xml"].Verdict, step.NewInOutbox.Count), Is.EqualTo(("duplicate", 0)));
        Assert.That(await desk.QueryAsync<long>("SELECT COUNT(*) FROM allocation_version"), Is.EqualTo(new[] { 5L }), "the register is as it was");
        Assert.That(await Requests(desk), Has.All.Contain(" allocated by m"));

        // Nothing of the client reached the logs of all these runs.
        var logs = desk.ReadLogs();
        Assert.That(logs, Is.Not.Empty);
        Assert.That(logs, Does.Not.Contain(Client.Bsn).And.Not.Contain(Client.Achternaam));
    }

    private static async Task<string> ProviderRetour(ScenarioDesk desk, long retour) =>
        (await desk.QueryAsync<string>(
            "SELECT answers_type || ' ' || answers_identificatie || ' m' || answers_message_id || ' rejected=' || rejected FROM provider_retour WHERE message_id = @retour",
            new { retour })).Single();

    /// <summary>The message was accepted; with an answer, its file is named by the message (R + id); returns the message id.</summary>
    private static long Accepted(StepRun step, string input, string type, bool answered = true)
    {
        var result = step[input];
        Assert.That((result.MessageType, result.Verdict, result.Findings.Count), Is.EqualTo(((string?)type, "accepted", 0)), $"{input}: {string.Join("; ", result.Codes)}");
        var id = result.MessageId!.Value;
        Assert.That(result.RetourFile, answered ? Is.Not.Null : Is.Null, input);
        return id;
    }

    /// <summary>The message was refused with findings and answered; returns its findings as "rule code path".</summary>
    private static string[] Rejected(StepRun step, string input, string type)
    {
        var result = step[input];
        Assert.That((result.MessageType, result.Verdict), Is.EqualTo(((string?)type, "rejected")), input);
        return [.. result.Codes];
    }

    /// <summary>Our own message went to the outbox byte for byte, as the only new file of the step.</summary>
    private static void AssertForwarded(ScenarioDesk desk, StepRun step, string input)
    {
        var result = step[input];
        Assert.That(step.NewInOutbox, Is.EqualTo(new[] { Path.GetFileName(result.RetourFile) }), input);
        Assert.That(desk.OutboxBytes(step.NewInOutbox[0]), Is.EqualTo(step.Dropped[input]), $"{input} leaves unchanged");
        Assert.That(step.NewInOutbox[0], Does.StartWith(result.MessageType + "-R"));
    }

    private static T Answer<T>(ScenarioDesk desk, StepRun step, string input, string identificatie)
        where T : IwmoMessage
    {
        var result = step[input];
        var file = Path.GetFileName(result.RetourFile)!;
        Assert.That(step.NewInOutbox, Is.EqualTo(new[] { file }), input);
        var answer = desk.Answer<T>(file);
        var header = (RetourHeader)answer.Header;
        Assert.That(header.BerichtIdentificatie.Identificatie, Is.EqualTo(identificatie), "the retour copies the heen header (IV028)");
        Assert.That(header.IdentificatieRetour, Is.EqualTo($"R{result.MessageId:D11}"));
        Assert.That(file, Is.EqualTo($"{typeof(T).Name.ToUpperInvariant()}-R{result.MessageId:D11}.xml"));
        return answer;
    }

    /// <summary>A retour of a fully accepted message: the header only, without retourcodes.</summary>
    private static T FullyAccepted<T>(ScenarioDesk desk, StepRun step, string input, string identificatie)
        where T : IwmoMessage
    {
        var answer = Answer<T>(desk, step, input, identificatie);
        Assert.That(((RetourHeader)answer.Header).RetourCodes, Is.Null, $"{input}: fully accepted, no codes");
        Assert.That(answer switch { Wmo306 a => a.Client, Wmo308 a => a.Client, Wmo316 a => a.Client, Wmo318 a => (object?)a.Client, _ => "?" }, Is.Null, "header only");
        return answer;
    }

    /// <summary>A retour of a message refused at level 3: 0200 in the header, the client with every class coded.</summary>
    private static T RejectedAnswer<T>(ScenarioDesk desk, StepRun step, string input, string identificatie)
        where T : IwmoMessage
    {
        var answer = Answer<T>(desk, step, input, identificatie);
        Assert.That(Codes(((RetourHeader)answer.Header).RetourCodes!.Value), Is.EqualTo("0200"), input);
        return answer;
    }

    private static string Text(ScenarioDesk desk, StepRun step, string input) =>
        Encoding.UTF8.GetString(desk.OutboxBytes(Path.GetFileName(step[input].RetourFile)!));

    private static string Codes(EquatableArray<string> codes) => string.Join(' ', codes);

    /// <summary>"kind due status" per queue line, and the request's reference for a request.</summary>
    private static string[] Lines(IReadOnlyList<QueueEntry> queue)
    {
        Assert.That(queue.Select(q => q.Subject + " " + q.Detail), Has.None.Contain(Client.Bsn).And.None.Contain(Client.Achternaam), "the queue names no client");
        return
        [
            .. queue.Select(q => $"{q.Kind} {q.DueOn ?? "-"} {q.Status}" + (q.Kind == "answer-request" ? " " + q.Subject.Split(' ').First(w => w.StartsWith("VOW-", StringComparison.Ordinal) || w.StartsWith("VOT-", StringComparison.Ordinal)) : string.Empty)),
        ];
    }

    /// <summary>Every allocation version: number, reference, moment, backing, message, and "current" for the one IV013 makes current.</summary>
    private static async Task<string[]> Allocations(ScenarioDesk desk) =>
    [
        .. await desk.QueryAsync<string>("""
            SELECT a.toewijzing_nummer || ' ' || COALESCE(a.referentie_aanbieder, '-') || ' ' || a.toewijzingsdatum || ' ' || substr(a.toewijzingstijd, 1, 5)
                   || ' ' || a.backing || ' ' || COALESCE(a.indication_number, '-') || ' m' || a.message_id
                   || CASE WHEN a.id = (SELECT b.id FROM allocation_version b WHERE b.municipality = a.municipality AND b.toewijzing_nummer = a.toewijzing_nummer
                                        ORDER BY b.toewijzingsdatum DESC, b.toewijzingstijd DESC, b.id DESC LIMIT 1) THEN ' current' ELSE '' END
            FROM allocation_version a ORDER BY a.toewijzing_nummer, a.id
            """),
    ];

    private static async Task<string[]> CareLines(ScenarioDesk desk) =>
    [
        .. await desk.QueryAsync<string>("""
            SELECT kind || ' ' || toewijzing_nummer || ' ' || begindatum
                   || CASE WHEN kind = 'stop' THEN ' ' || reden_beeindiging || ' ' || einddatum ELSE '' END
                   || ' status ' || status_aanlevering || ' m' || message_id
            FROM care_line ORDER BY id
            """),
    ];

    private static async Task<string[]> Requests(ScenarioDesk desk) =>
    [
        .. await desk.QueryAsync<string>("""
            SELECT kind || ' ' || referentie_aanbieder || ' m' || message_id || ' ' || request_date || ' received ' || received_on || ' due ' || due_on || ' ' || state
                   || COALESCE(' by m' || closed_by_message_id, '')
                   || COALESCE(' ' || in_onderzoek_on, '') || COALESCE(' final ' || final_due_on, '')
            FROM request ORDER BY id
            """),
    ];
}
