using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;

namespace Backoffice.TestSupport.Lifecycle;

/// <summary>
/// The lifecycle messages in <c>deploy/demo/inbox</c>, the folder the README's first command
/// processes: three fictitious clients of the demo region at provider 42420001 (Thuiszorg De Brug),
/// one in Amsterdam (indication 1003), two in Diemen (indications 3001, 3002), through the 2026
/// lifecycle: our 301s, the provider's 302, starts (one on another client's allocation, refused with
/// 9019), a definitive stop, a VOW answered by a new 301, a VOT put in onderzoek by our 319. Named
/// so the inbox takes them in the order they happened. Built with our own writer from the records,
/// never copied from elsewhere; a test keeps the folder equal to what this builds.
/// </summary>
public static class DemoInbox
{
    public const string Provider = "42420001";

    public static readonly LifecycleClient Amsterdam = new("0363", Provider, "999900006");

    public static readonly LifecycleClient DiemenB = new("0384", Provider, "999900018");

    public static readonly LifecycleClient DiemenC = new("0384", Provider, "999900079");

    /// <summary>The files, in the order the inbox takes them (ordinal by name).</summary>
    public static IReadOnlyList<(string Name, IwmoMessage Message)> Build()
    {
        static DateOnly D(int month, int day) => new(2026, month, day);
        var a = LifecycleClient.Allocation(90001, new Product("01", "01A11"), D(3, 2), new TimeOnly(9, 0), D(3, 2), D(12, 31));
        var b = LifecycleClient.Allocation(90002, new Product("01", "01A01"), D(3, 2), new TimeOnly(9, 5), D(3, 2), D(12, 31));
        var c = LifecycleClient.Allocation(90003, new Product("01", "01A01"), D(3, 2), new TimeOnly(9, 10), D(3, 2), D(12, 31));
        var toewijzingA = Amsterdam.Wmo301(Amsterdam.FromMunicipality("TW-A-0001", D(3, 2)), a);
        var vowAnswer = LifecycleClient.Allocation(90004, new Product("01", "01A02"), D(4, 23), new TimeOnly(11, 0), D(5, 1), D(12, 31), hoursPerWeek: 2, referentieAanbieder: "VOW-A-0001");
        return
        [
            ("01-WMO301-amsterdam.xml", toewijzingA),
            ("02-WMO301-diemen-b.xml", DiemenB.Wmo301(DiemenB.FromMunicipality("TW-B-0001", D(3, 2)), b)),
            ("03-WMO301-diemen-c.xml", DiemenC.Wmo301(DiemenC.FromMunicipality("TW-C-0001", D(3, 2)), c)),
            ("04-WMO302-amsterdam.xml", LifecycleClient.Wmo302(toewijzingA, "RT-A-0001", D(3, 3), headerCode: "0200", clientCodes: "0200")),
            ("05-WMO305-amsterdam.xml", Amsterdam.Wmo305(Amsterdam.FromProvider("ST-A-0001", D(3, 5)), LifecycleClient.Start(a, D(3, 2)))),
            ("06-WMO305-diemen-b.xml", DiemenB.Wmo305(DiemenB.FromProvider("ST-B-0001", D(3, 5)), LifecycleClient.Start(c, D(3, 2)))),
            ("07-WMO305-diemen-c.xml", DiemenC.Wmo305(DiemenC.FromProvider("ST-C-0001", D(3, 5)), LifecycleClient.Start(c, D(3, 2)))),
            ("08-WMO307-diemen-c.xml", DiemenC.Wmo307(DiemenC.FromProvider("SP-C-0001", D(3, 23)), LifecycleClient.Stop(c, D(3, 2), "23", D(3, 20)))),
            ("09-WMO317-amsterdam.xml", Amsterdam.Wmo317(Amsterdam.FromProvider("VW-A-0001", D(4, 21)), "VOW-A-0001", [90001], LifecycleClient.Nieuw(new Product("01", "01A02"), D(5, 1), D(12, 31)))),
            ("10-WMO301-amsterdam.xml", Amsterdam.Wmo301(Amsterdam.FromMunicipality("TW-A-0002", D(4, 23)), a with { ReferentieAanbieder = "VOW-A-0001" }, vowAnswer)),
            ("11-WMO315-diemen-b.xml", DiemenB.Wmo315(DiemenB.FromProvider("VT-B-0001", D(5, 12)), "VOT-B-0001", new Product("01", "01A03"), D(6, 1), D(12, 31))),
            ("12-WMO319-diemen-b.xml", LifecycleClient.Wmo319(DiemenB.FromMunicipality("AW-B-0001", D(5, 15)), "VOT-B-0001")),
        ];
    }
}
