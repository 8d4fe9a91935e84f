using System.Globalization;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.Core.Standard;
using CsCheck;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

/// <summary>
/// Property: the level-2 rules that look at every Prestatie of a 323 or 325 (they are written for
/// speed on large declarations: one loop, no path until a finding) find exactly what a plain
/// reading of each rule finds, in the same order, at the same paths. The reference below is the
/// rule's class comment said in LINQ over every line with its full path; the declarations are
/// random and small, with values from small pools so that repeats, credits of debits in the same
/// message, dates on both sides of every bound and clients sharing a BSN all occur often.
/// </summary>
public sealed class DeclaratieLineRulesPropertyTests
{
    private static readonly string[] LineRules =
        ["CD060", "CD087", "CS002", "CS100", "CS325", "CS337", "CS339", "TR101", "TR134", "TR137", "TR315", "TR316", "TR319", "TR335", "TR342", "TR358", "TR416"];

    private static readonly DateOnly Month = new(2023, 4, 1);

    private static Gen<string> From(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<DateOnly> Dates = Gen.OneOf(
        Gen.Int[-45, 75].Select(d => Month.AddDays(d)),
        Gen.Int[-2200, -1700].Select(d => Month.AddDays(d)),
        Gen.Const(new DateOnly(2020, 12, 31)),
        Gen.Const(new DateOnly(2021, 1, 1)));

    // Half from a few whole months, so that lines share a ProductPeriode (TR416) often.
    private static readonly Gen<GeslotenPeriode> Periodes = Gen.OneOf(
        Gen.Int[-1, 1].Select(m => new GeslotenPeriode(Month.AddMonths(m), Month.AddMonths(m + 1).AddDays(-1))),
        Gen.Select(Dates, Gen.Int[-3, 35]).Select((begin, days) => new GeslotenPeriode(begin, begin.AddDays(days))));

    private static readonly Gen<Referentie> Referenties =
        Gen.Select(From("R1", "R2", "R3", "R4"), From("R1", "R2", "R5", "R6").Null(0.5))
            .Select((nummer, vorig) => new Referentie(nummer, vorig));

    private static readonly Gen<Prestatie> Prestaties =
        Gen.Select(
                Referenties,
                Gen.Select(Gen.Int[1, 2], From("01", "02"), From("01A01", "02A01")),
                Periodes,
                Gen.Select(Gen.Long[0, 2], From("83", "04"), Gen.Long[0, 2].Nullable(0.5)),
                Gen.Select(Gen.Long[0, 2], Gen.Bool).Select((bedrag, credit) => new BedragMetDC(bedrag, credit ? DebetCredit.Credit : DebetCredit.Debet)))
            .Select((referentie, product, periode, volume, bedrag) => new Prestatie(
                referentie, product.Item1, product.Item2, product.Item3, periode, volume.Item1, volume.Item2, volume.Item3, bedrag));

    private static readonly Gen<DeclaratieClient> Clienten =
        Gen.Select(From("999990019", "999990020", "999990032", "123456789"), Prestaties.Array[1, 6])
            .Select((bsn, prestaties) => new DeclaratieClient(bsn, [.. prestaties]));

    private static readonly Gen<Wmo323> Declaraties =
        Gen.Select(Clienten.Array[1, 5], Periodes, Dates, Dates, Gen.Int[-2, 2], Gen.Bool)
            .Select((clienten, periode, dagtekening, declaratieDagtekening, off, credit) =>
            {
                var sum = clienten.SelectMany(c => c.Prestaties).Sum(p => p.IngediendBedrag.DebetCredit == DebetCredit.Credit ? -p.IngediendBedrag.Bedrag : p.IngediendBedrag.Bedrag);
                var totaal = new TotaalBedragMetDC(Math.Abs(sum) + (off == 2 ? 1 : 0), (sum < 0) ^ credit ? DebetCredit.Credit : DebetCredit.Debet);
                var header = new Header("65656055", "0384", new BerichtIdentificatie("PROP0001", dagtekening), XsdVersie.Iwmo32);
                return new Wmo323(header, new Declaratie("PROP1", periode, declaratieDagtekening, totaal, [.. clienten]));
            });

    private static readonly Gen<Wmo325> Antwoorden =
        Gen.Select(Declaraties, Gen.Bool.Array[30], Gen.Int[-1, 1], From("0200", "8001", "9339"))
            .Select((declaratie, rejects, off, code) =>
            {
                var rejected = declaratie.Declaratie.Clienten
                    .SelectMany((c, ci) => c.Prestaties.Select((_, pi) => (Client: ci, Prestatie: pi)))
                    .Where((_, i) => rejects[i % rejects.Length])
                    .ToArray();
                var antwoord = DeclaratieAntwoordSamples.Answering(declaratie, rejected);
                var a = antwoord.DeclaratieAntwoord!;
                return antwoord with
                {
                    DeclaratieAntwoord = a with
                    {
                        TotaalToegekendBedrag = a.TotaalToegekendBedrag with { TotaalBedrag = Math.Max(0, a.TotaalToegekendBedrag.TotaalBedrag + off) },
                        RetourCodes = [code],
                    },
                };
            });

    [Test]
    public void The_line_rules_on_a_323_find_what_the_plain_reading_finds()
    {
        Declaraties.Sample(
            message => Assert.That(Found(message), Is.EqualTo(Reference(message))),
            iter: 3000);
    }

    [Test]
    public void The_line_rules_on_a_325_find_what_the_plain_reading_finds()
    {
        Antwoorden.Sample(
            message => Assert.That(Found(message), Is.EqualTo(Reference(message))),
            iter: 2000);
    }

    [Test]
    public void The_random_declarations_do_break_every_line_rule_somewhere()
    {
        // The property above says little if the generator never makes a rule fire.
        var fired = new HashSet<string>(StringComparer.Ordinal);
        Declaraties.Sample(m => fired.UnionWith(Reference(m).Select(f => f.Split(' ')[0])), iter: 3000);
        Antwoorden.Sample(m => fired.UnionWith(Reference(m).Select(f => f.Split(' ')[0])), iter: 2000);
        Assert.That(LineRules.Where(r => !fired.Contains(r)), Is.Empty);
    }

    private static string[] Found(IwmoMessage message) =>
        [.. RuleSet.Level2.Check(message).Where(f => LineRules.Contains(f.Rule)).Select(f => f.Rule + " " + f.Path)];

    /// <summary>A line with its full path: client and prestatie 0-based, as in the record.</summary>
    private sealed record Line(int Client, Prestatie Prestatie, string Path);

    private static string At(string name, int index) =>
        "/" + name + (index > 0 ? "[" + (index + 1).ToString(CultureInfo.InvariantCulture) + "]" : string.Empty);

    private static Line[] Lines(string root, IEnumerable<IReadOnlyList<Prestatie>> clienten) =>
        [.. clienten.SelectMany((prestaties, c) => prestaties.Select((p, i) => new Line(c, p, root + "/Clienten" + At("Client", c) + "/Prestaties" + At("Prestatie", i))))];

    private static long Signed(long amount, DebetCredit sign) => sign == DebetCredit.Credit ? -amount : amount;

    private static List<string> Reference(Wmo323 message)
    {
        const string Root = "/Bericht/Declaratie";
        var d = message.Declaratie;
        var dagtekening = message.Header.BerichtIdentificatie.Dagtekening;
        var lines = Lines(Root, d.Clienten.Select(c => (IReadOnlyList<Prestatie>)c.Prestaties));
        var earliest = new DateOnly(2021, 1, 1);
        var result = new List<string>();

        // In rule order (RuleSet: by code).
        result.AddRange(CD060(lines));
        result.AddRange(lines
            .Where(l => (l.Prestatie.Eenheid != "83") == (l.Prestatie.ProductTarief is null))
            .Select(l => "CD087 " + l.Path + "/ProductTarief"));
        result.AddRange(CS002(Root, d.Clienten.Select(c => c.Bsn)));
        result.AddRange(new[] { (Periode: d.DeclaratiePeriode, Path: Root + "/DeclaratiePeriode") }
            .Concat(lines.Select(l => (Periode: l.Prestatie.ProductPeriode, Path: l.Path + "/ProductPeriode")))
            .Where(x => x.Periode.Begindatum < earliest || x.Periode.Einddatum < earliest)
            .Select(x => "CS100 " + x.Path + (x.Periode.Begindatum < earliest ? "/Begindatum" : "/Einddatum")));
        if (d.TotaalIngediendBedrag is { TotaalBedrag: 0, DebetCredit: DebetCredit.Credit })
        {
            result.Add("CS325 " + Root + "/TotaalIngediendBedrag/DebetCredit");
        }

        result.AddRange(CS325(lines));
        result.AddRange(lines
            .Where(l => l.Prestatie.ProductPeriode.Einddatum.Year != l.Prestatie.ProductPeriode.Begindatum.Year
                || l.Prestatie.ProductPeriode.Einddatum.Month != l.Prestatie.ProductPeriode.Begindatum.Month)
            .Select(l => "CS337 " + l.Path + "/ProductPeriode/Einddatum"));
        result.AddRange(lines
            .Where(l => l.Prestatie.Eenheid == "83" && l.Prestatie.IngediendBedrag.Bedrag != l.Prestatie.GeleverdVolume)
            .Select(l => "CS339 " + l.Path + "/IngediendBedrag/Bedrag"));
        result.AddRange(TR101(Root, d.Clienten.Select(c => c.Bsn), lines));
        if (d.DeclaratiePeriode.Begindatum > dagtekening)
        {
            result.Add("TR134 " + Root + "/DeclaratiePeriode/Begindatum");
        }

        result.AddRange(TR134(lines, dagtekening));
        if (d.DeclaratiePeriode.Einddatum < d.DeclaratiePeriode.Begindatum || d.DeclaratiePeriode.Einddatum > dagtekening)
        {
            result.Add("TR137 " + Root + "/DeclaratiePeriode/Einddatum");
        }

        result.AddRange(TR137(lines, dagtekening));
        result.AddRange(lines
            .Where((l, i) => l.Prestatie.ProductReferentie.VorigReferentieNummer is { } vorig
                && lines.Take(i).Any(e => e.Prestatie.ProductReferentie.VorigReferentieNummer == vorig))
            .Select(l => "TR315 " + l.Path + "/ProductReferentie/VorigReferentieNummer"));
        result.AddRange(lines
            .Where(l => lines.Any(e => e.Prestatie.ProductReferentie.ReferentieNummer == l.Prestatie.ProductReferentie.VorigReferentieNummer))
            .Select(l => "TR316 " + l.Path + "/ProductReferentie/VorigReferentieNummer"));
        foreach (var l in lines)
        {
            if (l.Prestatie.ProductPeriode.Begindatum > d.DeclaratiePeriode.Einddatum)
            {
                result.Add("TR319 " + l.Path + "/ProductPeriode/Begindatum");
            }

            if (l.Prestatie.ProductPeriode.Einddatum > d.DeclaratiePeriode.Einddatum)
            {
                result.Add("TR319 " + l.Path + "/ProductPeriode/Einddatum");
            }
        }

        result.AddRange(lines
            .Where(l => l.Prestatie.ProductPeriode.Einddatum < d.DeclaratieDagtekening.AddMonths(-60))
            .Select(l => "TR335 " + l.Path + "/ProductPeriode/Einddatum"));
        var sum = lines.Sum(l => Signed(l.Prestatie.IngediendBedrag.Bedrag, l.Prestatie.IngediendBedrag.DebetCredit));
        var totaal = d.TotaalIngediendBedrag;
        if (totaal.TotaalBedrag.ToString(CultureInfo.InvariantCulture) != Signed(sum, totaal.DebetCredit).ToString(CultureInfo.InvariantCulture))
        {
            result.Add("TR358 " + Root + "/TotaalIngediendBedrag/TotaalBedrag");
        }

        static bool Debet(Line l) => l.Prestatie.IngediendBedrag.DebetCredit == DebetCredit.Debet;
        static object Key(Line l) =>
            (l.Prestatie.ToewijzingNummer, l.Prestatie.ProductPeriode, l.Prestatie.ProductCategorie, l.Prestatie.ProductCode);
        result.AddRange(lines
            .Where((l, i) => Debet(l) && lines.Take(i).Any(e => e.Client == l.Client && Debet(e) && Key(e).Equals(Key(l))))
            .Select(l => "TR416 " + l.Path));
        return result;
    }

    private static List<string> Reference(Wmo325 message)
    {
        const string Root = "/Bericht/DeclaratieAntwoord";
        var result = new List<string>();
        if (message.DeclaratieAntwoord is not { } a)
        {
            return result;
        }

        var dagtekening = message.Header.BerichtIdentificatie.Dagtekening;
        var lines = Lines(Root, a.Clienten.Select(c => (IReadOnlyList<Prestatie>)[.. c.Prestaties.Select(p => p.Prestatie)]));
        result.AddRange(CD060(lines));
        result.AddRange(CS002(Root, a.Clienten.Select(c => c.Bsn)));
        foreach (var (totaal, name) in new[] { (a.TotaalIngediendBedrag, "TotaalIngediendBedrag"), (a.TotaalToegekendBedrag, "TotaalToegekendBedrag") })
        {
            if (totaal is { TotaalBedrag: 0, DebetCredit: DebetCredit.Credit })
            {
                result.Add("CS325 " + Root + "/" + name + "/DebetCredit");
            }
        }

        result.AddRange(CS325(lines));
        result.AddRange(TR101(Root, a.Clienten.Select(c => c.Bsn), lines));
        result.AddRange(TR134(lines, dagtekening));
        result.AddRange(TR137(lines, dagtekening));
        var rejected = a.RetourCodes.Any(code => code is not ("0200" or "8001"));
        var returned = lines.Sum(l => Signed(l.Prestatie.IngediendBedrag.Bedrag, l.Prestatie.IngediendBedrag.DebetCredit));
        if (rejected
            ? a.TotaalToegekendBedrag.TotaalBedrag != 0
            : returned != Signed(a.TotaalIngediendBedrag.TotaalBedrag, a.TotaalIngediendBedrag.DebetCredit) - Signed(a.TotaalToegekendBedrag.TotaalBedrag, a.TotaalToegekendBedrag.DebetCredit))
        {
            result.Add("TR342 " + Root + "/TotaalToegekendBedrag");
        }

        return result;
    }

    private static IEnumerable<string> CD060(Line[] lines) => lines
        .Where(l => (l.Prestatie.IngediendBedrag.DebetCredit == DebetCredit.Credit) != (l.Prestatie.ProductReferentie.VorigReferentieNummer is not null))
        .Select(l => "CD060 " + l.Path + "/ProductReferentie/VorigReferentieNummer");

    private static IEnumerable<string> CS002(string root, IEnumerable<string> bsns) => bsns
        .Select((bsn, c) => (bsn, c))
        .Where(x => !Bsn.PassesElfProef(x.bsn))
        .Select(x => "CS002 " + root + "/Clienten" + At("Client", x.c) + "/Bsn");

    private static IEnumerable<string> CS325(Line[] lines) => lines
        .Where(l => l.Prestatie.IngediendBedrag is { Bedrag: 0, DebetCredit: DebetCredit.Credit })
        .Select(l => "CS325 " + l.Path + "/IngediendBedrag/DebetCredit");

    private static IEnumerable<string> TR101(string root, IEnumerable<string> bsns, Line[] lines)
    {
        var clienten = bsns.ToArray();
        var repeatedClients = clienten
            .Select((bsn, c) => (bsn, c))
            .Where(x => clienten.Take(x.c).Contains(x.bsn))
            .Select(x => "TR101 " + root + "/Clienten" + At("Client", x.c));
        static (string, string?) Key(Line l) => (l.Prestatie.ProductReferentie.ReferentieNummer, l.Prestatie.ProductReferentie.VorigReferentieNummer);
        var repeatedLines = lines
            .Where((l, i) => lines.Take(i).Any(e => e.Client == l.Client && Key(e) == Key(l)))
            .Select(l => "TR101 " + l.Path);
        return repeatedClients.Concat(repeatedLines);
    }

    private static IEnumerable<string> TR134(Line[] lines, DateOnly dagtekening) => lines
        .Where(l => l.Prestatie.ProductPeriode.Begindatum > dagtekening)
        .Select(l => "TR134 " + l.Path + "/ProductPeriode/Begindatum");

    private static IEnumerable<string> TR137(Line[] lines, DateOnly dagtekening) => lines
        .Where(l => l.Prestatie.ProductPeriode.Einddatum < l.Prestatie.ProductPeriode.Begindatum || l.Prestatie.ProductPeriode.Einddatum > dagtekening)
        .Select(l => "TR137 " + l.Path + "/ProductPeriode/Einddatum");
}
