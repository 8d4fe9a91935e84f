using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Rules.Level2;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR361: no stacking in the situation a VOW asks for. An OngewijzigdProduct or TeWijzigenProduct
/// takes its Product from the current allocation with its ToewijzingNummer; its care period is the
/// allocation's, from Ingangsdatum to Einddatum, and for a TeWijzigenProduct to the desired Einddatum
/// (empty: open-ended). Those are compared with each other and with the NieuwProducten, with the
/// stacking test of TR302/TR386/TR410 (<see cref="ProductStacking"/>: the same code, or the same
/// category without a code; no Product stacks with everything; hulpmiddelen 11 to 14 never; inclusive
/// overlap). NieuwProducten among themselves are TR410 (level 2); a line whose allocation is not
/// current is TR350/TR351 and takes no part. In document order (Ongewijzigd, TeWijzigen, Nieuw), the
/// finding is on the later of the two classes.
/// </summary>
internal sealed class TR361 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR361",
        "9361",
        "Een Product mag alleen vaker in verzoek om wijziging voorkomen als de zorgperiodes elkaar niet overlappen.",
        new RuleScope(MessageType.Wmo317, "OngewijzigdProduct"),
        new RuleScope(MessageType.Wmo317, "TeWijzigenProduct"),
        new RuleScope(MessageType.Wmo317, "NieuwProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo317 { Client.Verzoek: { } verzoek } vow)
        {
            return;
        }

        var lines = Lines(verzoek, VowAllocations.Current(vow, before));
        foreach (var (i, j) in ProductStacking.FirstStackings(lines, l => l.Product, l => l.Start, l => l.End, l => !l.Known))
        {
            var (later, earlier) = (lines[i], lines[j]);
            if (later.Nieuw && earlier.Nieuw)
            {
                continue;
            }

            report.Add(
                Definition,
                later.Path,
                $"{later.Class} overlaps {earlier.Class} {earlier.Position} for the same product in the care period the Verzoek asks for (TR361).");
        }
    }

    private static List<Line> Lines(Verzoek verzoek, IReadOnlyDictionary<int, RecordedAllocation> current)
    {
        var parent = XmlPath.Bericht.Child("Client").Child("Verzoek");
        var lines = new List<Line>();
        for (var i = 0; i < verzoek.OngewijzigdeProducten.Count; i++)
        {
            var path = parent.Child("OngewijzigdeProducten").Item("OngewijzigdProduct", i);
            lines.Add(current.TryGetValue(verzoek.OngewijzigdeProducten[i].ToewijzingNummer, out var a)
                ? new Line("OngewijzigdProduct", i + 1, path, a.Version.Product, a.Version.Ingangsdatum, a.Version.Einddatum, Known: true, Nieuw: false)
                : Unknown("OngewijzigdProduct", i + 1, path));
        }

        for (var i = 0; i < verzoek.TeWijzigenProducten.Count; i++)
        {
            var line = verzoek.TeWijzigenProducten[i];
            var path = parent.Child("TeWijzigenProducten").Item("TeWijzigenProduct", i);
            lines.Add(current.TryGetValue(line.ToewijzingNummer, out var a)
                ? new Line("TeWijzigenProduct", i + 1, path, a.Version.Product, a.Version.Ingangsdatum, line.Einddatum, Known: true, Nieuw: false)
                : Unknown("TeWijzigenProduct", i + 1, path));
        }

        for (var i = 0; i < verzoek.NieuweProducten.Count; i++)
        {
            var line = verzoek.NieuweProducten[i];
            lines.Add(new Line("NieuwProduct", i + 1, parent.Child("NieuweProducten").Item("NieuwProduct", i), line.Product, line.GewensteIngangsdatum, line.Einddatum, Known: true, Nieuw: true));
        }

        return lines;
    }

    private static Line Unknown(string className, int position, XmlPath path) =>
        new(className, position, path, null, DateOnly.MinValue, null, Known: false, Nieuw: false);

    /// <summary>One product of the asked situation: its class, 1-based position within its list, path, product and care period.</summary>
    private sealed record Line(string Class, int Position, XmlPath Path, Product? Product, DateOnly Start, DateOnly? End, bool Known, bool Nieuw);
}
