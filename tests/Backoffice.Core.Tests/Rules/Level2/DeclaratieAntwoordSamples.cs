using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;

namespace Backoffice.Core.Tests.Rules.Level2;

/// <summary>
/// WMO325s as we build them (IV087, iwmo-3.2.md §8.4), answering a 323 record: there is no
/// reference 325 sample, so the 325 rules are tested on these. Header and DeclaratieAntwoord
/// 0200 when lines are rejected (each with 9339, its Client 0200), 8001 without Clienten when
/// none are, and TotaalToegekendBedrag as submitted minus the rejected lines (CS325: 0 carries D).
/// </summary>
internal static class DeclaratieAntwoordSamples
{
    public static readonly DateOnly Dagtekening = new(2023, 5, 12);

    /// <summary>The 325 on <paramref name="declaratie"/> rejecting the lines at (client, prestatie), both 0-based.</summary>
    public static Wmo325 Answering(Wmo323 declaratie, params (int Client, int Prestatie)[] rejected)
    {
        var d = declaratie.Declaratie;
        var clienten = rejected
            .GroupBy(r => r.Client)
            .OrderBy(g => g.Key)
            .Select(g => new DeclaratieAntwoordClient(
                d.Clienten[g.Key].Bsn,
                [.. g.OrderBy(r => r.Prestatie).Select(r => new DeclaratieAntwoordPrestatie(d.Clienten[g.Key].Prestaties[r.Prestatie], ["9339"]))],
                ["0200"]))
            .ToEquatableArray();
        var toegekend = Signed(d.TotaalIngediendBedrag.TotaalBedrag, d.TotaalIngediendBedrag.DebetCredit)
            - clienten.SelectMany(c => c.Prestaties).Sum(p => Signed(p.Prestatie.IngediendBedrag.Bedrag, p.Prestatie.IngediendBedrag.DebetCredit));
        var antwoord = new DeclaratieAntwoord(
            d.DeclaratieNummer,
            d.TotaalIngediendBedrag,
            new TotaalBedragMetDC(Math.Abs(toegekend), toegekend < 0 ? DebetCredit.Credit : DebetCredit.Debet),
            clienten,
            clienten.IsEmpty ? ["8001"] : ["0200"]);

        // The 325 goes from the municipality (the 323's Ontvanger) to the provider (its Afzender).
        var header = new DeclaratieAntwoordHeader(
            declaratie.Header.Ontvanger,
            declaratie.Header.Afzender,
            new BerichtIdentificatie("DA0001", Dagtekening),
            XsdVersie.Iwmo32,
            declaratie.Header.BerichtIdentificatie,
            XsltVersie: null,
            declaratie.Header.XsdVersie,
            ["0200"]);
        return new Wmo325(header, antwoord);
    }

    private static long Signed(long amount, DebetCredit sign) => sign == DebetCredit.Credit ? -amount : amount;
}
