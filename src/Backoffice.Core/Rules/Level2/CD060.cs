using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD060 on ProductReferentie/VorigReferentieNummer of a Prestatie: a credit line (IngediendBedrag
/// DebetCredit C) points at the debit it cancels (IV091), and a debit line points at nothing. Both
/// directions are findings. The rule table names the 323 and the 325 (whose Prestaties are the 323
/// lines sent back), so our own 325s are checked too.
/// </summary>
internal sealed class CD060 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD060",
        "Verplicht vullen indien DebetCredit bij het ingediende bedrag de waarde C (credit) heeft, anders leeg laten.",
        new(MessageType.Wmo323, "Prestatie"),
        new(MessageType.Wmo325, "Prestatie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo323 { Declaratie: { } declaratie }:
                Lines(DeclaratieLines.Of(declaratie), report);
                break;
            case Wmo325 { DeclaratieAntwoord: { } antwoord }:
                Lines(DeclaratieLines.Of(antwoord), report);
                break;
        }
    }

    private void Lines(DeclaratieLines.Sequence lines, RuleReport report)
    {
        foreach (var line in lines)
        {
            Prestatie(line, report);
        }
    }

    private void Prestatie(DeclaratieLine line, RuleReport report)
    {
        var prestatie = line.Prestatie;
        var credit = prestatie.IngediendBedrag?.DebetCredit == DebetCredit.Credit;
        var vorig = prestatie.ProductReferentie?.VorigReferentieNummer is not null;
        if (credit && !vorig)
        {
            report.Add(Definition, At(line), "ProductReferentie/VorigReferentieNummer is missing while IngediendBedrag/DebetCredit is C (credit) (CD060).");
        }
        else if (!credit && vorig)
        {
            report.Add(
                Definition,
                At(line),
                "ProductReferentie/VorigReferentieNummer is filled while IngediendBedrag/DebetCredit is not C (credit); it must then be left empty (CD060).");
        }
    }

    private static XmlPath At(DeclaratieLine line) => line.Path.Child("ProductReferentie").Child("VorigReferentieNummer");
}
