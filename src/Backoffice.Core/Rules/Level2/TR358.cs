using System.Globalization;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR358: TotaalIngediendBedrag is the sum of the lines' IngediendBedrag, debit added and credit
/// subtracted, with the total's own DebetCredit giving its sign (a credit total is the negative
/// sum; a negative sum with D, or a positive one with C, fails). The official stylesheet compares
/// the TotaalBedrag as text with the sum written plainly, so "0123" or "+123" fails there even
/// when the number is right (iwmo-3.2.md §8.11); the text as sent is what is compared here too.
/// </summary>
internal sealed class TR358 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR358",
        "De waarde van TotaalBedrag in TotaalIngediendBedrag moet gelijk zijn aan de SOM van de waarden van Bedrag in Ingediendbedrag in alle onderliggende Prestaties, rekening houdend met indicatie debet/credit.",
        new RuleScope(MessageType.Wmo323, "Declaratie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo323 { Declaratie: { TotaalIngediendBedrag: { } totaal } declaratie })
        {
            return;
        }

        long sum = 0;
        foreach (var line in DeclaratieLines.Of(declaratie))
        {
            if (line.Prestatie.IngediendBedrag is { } b)
            {
                // Checked, as Enumerable.Sum is: an overflowing total throws rather than wraps.
                sum = checked(sum + b.Cents);
            }
        }

        var expected = totaal.DebetCredit == DebetCredit.Credit ? -sum : sum;
        if (AsSent.Text(totaal.TotaalBedrag, totaal.TotaalBedragAsSent) == expected.ToString(CultureInfo.InvariantCulture))
        {
            return;
        }

        report.Add(
            Definition,
            XmlPath.Bericht.Child("Declaratie").Child("TotaalIngediendBedrag").Child("TotaalBedrag"),
            totaal.TotaalBedrag == expected
                ? "TotaalBedrag has the sum of the Prestaties as its value but is not written plainly (a sign or leading zeros); the rule compares the text (TR358)."
                : "TotaalBedrag with its DebetCredit is not the sum of the IngediendBedrag of all Prestaties, debit minus credit (TR358).");
    }
}
