using Backoffice.Core.Declarations;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.Core.Validation;

namespace Backoffice.Core.Retours;

/// <summary>
/// The WMO325 on a 323 that passed level 2, after its level-3 and level-4 checks (iwmo-3.2.md §8.4,
/// IV087, IV088):
/// <list type="bullet">
/// <item>an error in the header (TR056, TR135, TR378): the header only, with its codes;</item>
/// <item>an error on the Declaratie (TR333, TR318): header 0200, DeclaratieAntwoord with the code,
/// TotaalToegekendBedrag 0, no Clienten: nothing of it is processed;</item>
/// <item>every line approved: header 0200, DeclaratieAntwoord 8001, toegekend = ingediend, no Clienten;</item>
/// <item>otherwise: header 0200, DeclaratieAntwoord 0200, toegekend = the approved lines (debit minus
/// credit), and only the rejected Prestaties, unchanged (TR367), each with its codes, under their
/// Client with 0200.</item>
/// </list>
/// DeclaratieIdentificatie is the 323's BerichtIdentificatie, so TR342 holds by construction: the
/// returned lines are exactly the ingediend minus the toegekend.
/// </summary>
public static class DeclarationAnswer
{
    /// <summary>8001: "Declaratie is volledig toegekend" (WJ001).</summary>
    public const string FullyApproved = "8001";

    private const string HeaderPath = "/Bericht/Header";

    /// <summary>True when a finding on the header rejects the 323: then its 325 has the header only and nothing is recorded.</summary>
    public static bool RejectsHeader(IReadOnlyList<Finding> declarationFindings) => CodesUnder(declarationFindings, HeaderPath).Count > 0;

    public static Wmo325 For(Wmo323 heen, IReadOnlyList<Finding> declarationFindings, IReadOnlyList<LineVerdict> lines, AnswerIdentity identity, SchemaCatalogue schemas)
    {
        ArgumentNullException.ThrowIfNull(heen);
        ArgumentNullException.ThrowIfNull(declarationFindings);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(schemas);
        var headerCodes = CodesUnder(declarationFindings, HeaderPath);
        if (headerCodes.Count > 0)
        {
            return new Wmo325(Header(heen, identity, schemas, headerCodes), null);
        }

        var d = heen.Declaratie;
        var declaratieCodes = CodesUnder(declarationFindings, "/Bericht/Declaratie");
        if (declaratieCodes.Count > 0)
        {
            return new Wmo325(
                Header(heen, identity, schemas, [RegisterAnswer.Correct]),
                new DeclaratieAntwoord(d.DeclaratieNummer, d.TotaalIngediendBedrag, TotaalBedragMetDC.FromCents(0), [], declaratieCodes));
        }

        if (lines.All(l => l.Approved))
        {
            return new Wmo325(
                Header(heen, identity, schemas, [RegisterAnswer.Correct]),
                new DeclaratieAntwoord(d.DeclaratieNummer, d.TotaalIngediendBedrag, d.TotaalIngediendBedrag with { TotaalBedragAsSent = null }, [], [FullyApproved]));
        }

        var toegekend = LineVerdict.Awarded(lines);
        var clienten = lines
            .Where(l => !l.Approved)
            .GroupBy(l => l.Client)
            .OrderBy(g => g.Key)
            .Select(g => new DeclaratieAntwoordClient(
                g.First().Bsn,
                [.. g.OrderBy(l => l.Index).Select(l => new DeclaratieAntwoordPrestatie(l.Line, [.. l.Retourcodes]))],
                [RegisterAnswer.Correct]))
            .ToArray();
        return new Wmo325(
            Header(heen, identity, schemas, [RegisterAnswer.Correct]),
            new DeclaratieAntwoord(
                d.DeclaratieNummer,
                d.TotaalIngediendBedrag,
                TotaalBedragMetDC.FromCents(toegekend),
                [.. clienten],
                [RegisterAnswer.Correct]));
    }

    /// <summary>The codes of the findings on <paramref name="prefix"/> or under it, in order, once each.</summary>
    private static EquatableArray<string> CodesUnder(IReadOnlyList<Finding> findings, string prefix) =>
        [.. findings.Where(f => f.Path is { } p && (p == prefix || p.StartsWith(prefix + "/", StringComparison.Ordinal)) && f.Retourcode is not null)
            .Select(f => f.Retourcode!).Distinct(StringComparer.Ordinal)];

    private static DeclaratieAntwoordHeader Header(Wmo323 m, AnswerIdentity identity, SchemaCatalogue schemas, EquatableArray<string> codes) =>
        new(
            m.Header.Ontvanger,
            m.Header.Afzender,
            new BerichtIdentificatie(identity.Identificatie, identity.Dagtekening),
            Level2Answer.VersionsOf(MessageType.Wmo325, schemas),
            m.Header.BerichtIdentificatie,
            null,
            m.Header.XsdVersie,
            codes);
}
