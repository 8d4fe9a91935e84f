using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR342, on the WMO325 we build: only rejected Prestaties go back, so what they claimed explains
/// the difference: the sum of their IngediendBedrag (debit minus credit) equals
/// TotaalIngediendBedrag minus TotaalToegekendBedrag. When the DeclaratieAntwoord class itself is
/// rejected (a RetourCode other than 0200 or 8001 on it) no line is judged and
/// TotaalToegekendBedrag must be 0 (toelichting). The check is the sum only, as in the official
/// stylesheet: it does not look at the codes on the returned lines. The finding is on
/// TotaalToegekendBedrag, the amount we compute.
/// </summary>
internal sealed class TR342 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR342",
        "Alleen afgewezen Prestaties dienen meegestuurd te worden in het declaratie-antwoordbericht op een declaratie.",
        new RuleScope(MessageType.Wmo325, "DeclaratieAntwoord"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo325 { DeclaratieAntwoord: { } antwoord }
            || antwoord.TotaalIngediendBedrag is not { } ingediend
            || antwoord.TotaalToegekendBedrag is not { } toegekend)
        {
            return;
        }

        var path = XmlPath.Bericht.Child("DeclaratieAntwoord").Child("TotaalToegekendBedrag");
        if (antwoord.RetourCodes.Any(code => code is not ("0200" or "8001")))
        {
            if (toegekend.TotaalBedrag != 0)
            {
                report.Add(Definition, path, "TotaalToegekendBedrag is not 0 while the DeclaratieAntwoord itself is rejected (TR342).");
            }

            return;
        }

        long returned = 0;
        foreach (var line in DeclaratieLines.Of(antwoord))
        {
            if (line.Prestatie.IngediendBedrag is { } b)
            {
                // Checked, as Enumerable.Sum is: an overflowing total throws rather than wraps.
                returned = checked(returned + b.Cents);
            }
        }

        if (returned != ingediend.Cents - toegekend.Cents)
        {
            report.Add(
                Definition,
                path,
                "The IngediendBedrag of the returned Prestaties does not add up to TotaalIngediendBedrag minus TotaalToegekendBedrag (TR342).");
        }
    }
}
