using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Reference;
using Backoffice.Core.Register;
using Backoffice.Core.Rules;
using Backoffice.Core.Rules.Level2;
using Backoffice.Core.Validation;

namespace Backoffice.Core.Declarations;

/// <summary>
/// Judges every Prestatie of a WMO323 that passed level 2 and its header and declaration rules:
/// credits first, then debits, each in message order (OP366, so a correction by credit and new
/// debit arrives in one message), every prestatie rule on each line with what was approved before
/// it; a line is approved when no rule finds anything, and then counts for the lines after it
/// (TR322, TR369, TR389, TR390). A line is approved or rejected as a whole.
/// </summary>
public static class PrestatieWalk
{
    /// <summary>Every prestatie rule of iWmo 3.2 in this assembly (<c>Rules/Level3/</c>, <c>Rules/Level4/</c>).</summary>
    public static IReadOnlyList<IPrestatieRule> Standard { get; } = Discovery.ByCode(
        Discovery.In<IPrestatieRule>(typeof(IPrestatieRule).Namespace + ".Level3").Concat(Discovery.In<IPrestatieRule>(typeof(IPrestatieRule).Namespace + ".Level4")),
        r => r.Definition,
        nameof(Standard));

    public static IReadOnlyList<LineVerdict> Run(Wmo323 message, RegisterView before, IReadOnlyList<IPrestatieRule> rules)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(rules);
        var history = before.Declarations ?? DeclarationHistory.Empty;
        var municipality = message.Header.Ontvanger;
        var provider = message.Header.Afzender;
        var allocations = before.Allocations
            .Where(a => a.Municipality == municipality && a.Provider == provider)
            .GroupBy(a => a.Version.ToewijzingNummer)
            .ToDictionary(g => g.Key, g => g.MaxBy(v => (v.Version.Toewijzingsdatum, v.Version.Toewijzingstijd, v.Id))!);
        var catalogue = history.Products.ToLookup(p => (p.ProductCategorie, p.ProductCode));

        var totals = new ApprovedTotals();
        foreach (var earlier in history.Earlier.Where(e => e.Approved && e.Municipality == municipality).OrderBy(e => e.Id))
        {
            var line = AsLine(earlier);
            totals.Add(line, Sixtieths(allocations.GetValueOrDefault(earlier.ToewijzingNummer), line));
            if (earlier.DebetCredit == DebetCredit.Credit && earlier.VorigReferentieNummer is { } debit)
            {
                totals.Credit(debit, line);
            }
        }

        var lines = new List<(int Client, int Index, string Bsn, Prestatie Line)>();
        foreach (var (client, c) in message.Declaratie.Clienten.Select((c, i) => (c, i)))
        {
            foreach (var (line, i) in client.Prestaties.Select((p, i) => (p, i)))
            {
                lines.Add((c, i, client.Bsn, line));
            }
        }

        var verdicts = new List<LineVerdict>(lines.Count);
        foreach (var (c, i, bsn, line) in lines.OrderBy(l => l.Line.IngediendBedrag.DebetCredit == DebetCredit.Credit ? 0 : 1))
        {
            var allocation = allocations.GetValueOrDefault(line.ToewijzingNummer);
            var product = Valid(catalogue[(line.ProductCategorie, line.ProductCode)], line.ProductPeriode.Begindatum);
            var allocated = allocation?.Version.Product is { Code: { } code } allocatedProduct
                ? Valid(catalogue[(allocatedProduct.Categorie, code)], line.ProductPeriode.Begindatum) ?? catalogue[(allocatedProduct.Categorie, code)].FirstOrDefault()
                : product;
            var contract = history.Contracts
                .Where(t => t.Provider == provider && t.ProductCategorie == line.ProductCategorie && t.ProductCode == line.ProductCode
                    && t.Begindatum <= line.ProductPeriode.Begindatum && (t.Einddatum is not { } end || end >= line.ProductPeriode.Begindatum))
                .MaxBy(t => (t.Begindatum, t.Version));
            var debit = line.IngediendBedrag.DebetCredit == DebetCredit.Credit && line.ProductReferentie.VorigReferentieNummer is { } vorig
                ? history.Earlier.Where(e => e.Approved && e.DebetCredit == DebetCredit.Debet && e.Municipality == municipality && e.ReferentieNummer == vorig).MaxBy(e => e.Id)
                : null;
            var context = new PrestatieContext(
                c, i, bsn, line, DeclaratieLines.PrestatiePath(false, c, i), municipality, provider, allocation, product,
                allocated?.Financing ?? FinancingForm.Inspanningsgericht, contract, debit, totals, history);

            var report = new RuleReport();
            foreach (var rule in rules)
            {
                if (!context.IsCredit || rule.AppliesToCredits)
                {
                    rule.Check(context, report);
                }
            }

            if (!report.Any)
            {
                totals.Add(line, Sixtieths(allocation, line));
                if (context.IsCredit)
                {
                    totals.Credit(line.ProductReferentie.VorigReferentieNummer!, line);
                }
            }

            totals.Referenced(line.ProductReferentie.ReferentieNummer);
            verdicts.Add(new LineVerdict(c, i, bsn, line, report.Findings, allocation, contract, debit));
        }

        return [.. verdicts.OrderBy(v => v.Client).ThenBy(v => v.Index)];
    }

    /// <summary>How many 60ths of the allocation's unit one unit of the line is: 1 for minutes on an hours allocation, else 60.</summary>
    public static long Sixtieths(RecordedAllocation? allocation, Prestatie line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return allocation?.Version.Omvang is { } omvang && VolumeLimits.UnitFactor(omvang.Eenheid, line.Eenheid) is { } factor ? 60 / factor : 60;
    }

    // The product list in use for the line is the one valid on its first day (TR381: "volgens de
    // gehanteerde productcodelijst"): a code the catalogue ended before the period no longer fits.
    private static CatalogueProduct? Valid(IEnumerable<CatalogueProduct> products, DateOnly day) =>
        products.FirstOrDefault(p => p.Begindatum <= day && (p.Einddatum is not { } end || end >= day));

    private static Prestatie AsLine(RecordedPrestatie p) => new(
        new Referentie(p.ReferentieNummer, p.VorigReferentieNummer), p.ToewijzingNummer, p.ProductCategorie, p.ProductCode,
        p.ProductPeriode, p.GeleverdVolume, p.Eenheid, null, new BedragMetDC(p.Bedrag, p.DebetCredit));
}

/// <summary>The verdict on one Prestatie (approved when it has no findings) with what it was matched to.</summary>
public sealed record LineVerdict(
    int Client,
    int Index,
    string Bsn,
    Prestatie Line,
    IReadOnlyList<Finding> Findings,
    RecordedAllocation? Allocation,
    ContractTariff? Contract,
    RecordedPrestatie? Debit)
{
    public bool Approved => Findings.Count == 0;

    /// <summary>The line's amount with its sign: a debit positive, a credit negative.</summary>
    public long SignedAmount => Line.IngediendBedrag.Cents;

    /// <summary>The codes of the rules that rejected the line, once each, in rule order.</summary>
    public IReadOnlyList<string> Retourcodes => [.. Findings.Select(f => f.Retourcode!).Distinct(StringComparer.Ordinal)];

    /// <summary>What <paramref name="lines"/> award: the approved debits minus the approved credits (TotaalToegekendBedrag).</summary>
    public static long Awarded(IEnumerable<LineVerdict> lines) => lines.Where(l => l.Approved).Sum(l => l.SignedAmount);
}
