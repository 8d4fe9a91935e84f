using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.TestSupport;
using Backoffice.TestSupport.Lifecycle;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>
/// The regional switch <c>start-message=signal</c> as a municipality runs it: Diemen allocates
/// household help to two clients of Thuiszorg De Brug, the provider starts the care of one (305)
/// and not of the other, and declares March for both. Both lines are paid (OP364: a missing start
/// never refuses a line, the 325 says 8001); with the switch on, staff get one task naming the
/// allocation paid on without a start, and the verdict records the rule set; without it, nothing.
/// </summary>
public sealed class RegionalStartSignalTests
{
    private const long Tariff = 3380; // deploy/demo/contracts.csv: 42420001, 01A01 in 2026, per hour

    private static DateOnly D(int month, int day) => new(2026, month, day);

    [TestCase(true)]
    [TestCase(false)]
    public async Task Lines_paid_without_a_start_are_listed_for_staff_under_the_signal_and_never_refused(bool signal)
    {
        using var desk = new ScenarioDesk(signal ? """ "Declarations": { "Regional": { "0384": { "StartMessage": "signal" } } }""" : null);
        await desk.ImportAsync(Directory.EnumerateFiles(RepoPaths.DemoReference, "*.csv").ToDictionary(f => Path.GetFileNameWithoutExtension(f), File.ReadAllLines, StringComparer.Ordinal));
        var (b, c) = (DemoInbox.DiemenB, DemoInbox.DiemenC);
        var started = LifecycleClient.Allocation(90003, new Product("01", "01A01"), D(3, 2), new TimeOnly(9, 10), D(3, 2), D(12, 31));
        var unstarted = LifecycleClient.Allocation(90002, new Product("01", "01A01"), D(3, 2), new TimeOnly(9, 5), D(3, 2), D(12, 31));

        var allocations = await desk.ProcessAsync(
            D(3, 2),
            ("01-WMO301-b.xml", b.Wmo301(b.FromMunicipality("TW-B-0001", D(3, 2)), unstarted)),
            ("02-WMO301-c.xml", c.Wmo301(c.FromMunicipality("TW-C-0001", D(3, 2)), started)));
        var start = await desk.ProcessAsync(D(3, 5), ("03-WMO305-c.xml", c.Wmo305(c.FromProvider("ST-C-0001", D(3, 5)), LifecycleClient.Start(started, D(3, 2)))));
        Assert.That(allocations.Results.Concat(start.Results).Select(r => r.Verdict), Is.All.EqualTo("accepted"));

        var march = new GeslotenPeriode(D(3, 2), D(3, 31));
        Prestatie Line(string referentie, int nummer) =>
            new(new Referentie(referentie, null), nummer, "01", "01A01", march, 8, "04", Tariff, new BedragMetDC(8 * Tariff, DebetCredit.Debet));
        var declaration = new Wmo323(
            b.FromProvider("DECL-2026-03", D(4, 2)),
            new Declaratie("D202603", new GeslotenPeriode(D(3, 1), D(3, 31)), D(4, 2), new TotaalBedragMetDC(16 * Tariff, DebetCredit.Debet),
            [
                new DeclaratieClient(b.Bsn, [Line("P-B-03", 90002)]),
                new DeclaratieClient(c.Bsn, [Line("P-C-03", 90003)]),
            ]));
        var declared = await desk.ProcessAsync(D(4, 3), ("04-WMO323.xml", declaration));

        Assert.That(declared["04-WMO323.xml"].Verdict, Is.EqualTo("accepted"), string.Join("; ", declared["04-WMO323.xml"].Codes));
        var answer = desk.Answer<Wmo325>(declared.NewInOutbox.Single()).DeclaratieAntwoord!;
        Assert.That(answer.RetourCodes.ToArray(), Is.EqualTo(new[] { "8001" }), "both lines are paid, the start or not");
        Assert.That(answer.Clienten.ToArray(), Is.Empty);
        var recorded = await desk.QueryAsync<(string RuleSet, long Toegekend)>("SELECT rule_set AS RuleSet, toegekend_cents AS Toegekend FROM declaration");
        Assert.That(recorded.Single(), Is.EqualTo((signal ? "iwmo-3.2 national + regional 0384 (start-message=signal)" : "iwmo-3.2 national", 16 * Tariff)));

        var tasks = (await desk.QueueAsync(D(4, 3))).Where(t => t.Kind == "declared-without-start").ToList();
        if (!signal)
        {
            Assert.That(tasks, Is.Empty);
            return;
        }

        var task = tasks.Single();
        Assert.That(task.MessageId, Is.EqualTo(declared["04-WMO323.xml"].MessageId));
        Assert.That(task.Subject, Does.Contain("was paid on 1 allocation(s) of municipality 0384 without a start message"));
        Assert.That(task.Detail, Does.Contain("Allocations (lines): 90002 (1)."));
        Assert.That(task.Detail, Does.Not.Contain("90003"));
        Assert.That(task.Subject + task.Detail, Does.Not.Contain(b.Bsn).And.Not.Contain(c.Bsn));
    }
}
