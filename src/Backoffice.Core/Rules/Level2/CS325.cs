using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CS325: an amount of 0 carries DebetCredit D, for TotaalIngediendBedrag and each Prestatie's
/// IngediendBedrag in the 323, and in the 325 also for TotaalToegekendBedrag. The finding points
/// at the DebetCredit that should be D.
/// </summary>
internal sealed class CS325 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS325",
        "Indien (Totaal)Bedrag de waarde 0 heeft, dan DebetCredit vullen met D (Debet).",
        new(MessageType.Wmo323, "Declaratie"),
        new(MessageType.Wmo323, "Prestatie"),
        new(MessageType.Wmo325, "DeclaratieAntwoord"),
        new(MessageType.Wmo325, "Prestatie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        switch (message)
        {
            case Wmo323 { Declaratie: { } d }:
                var declaratie = XmlPath.Bericht.Child("Declaratie");
                Totaal(d.TotaalIngediendBedrag, declaratie.Child("TotaalIngediendBedrag"), "TotaalIngediendBedrag", report);
                Lines(DeclaratieLines.Of(d), report);
                break;
            case Wmo325 { DeclaratieAntwoord: { } a }:
                var antwoord = XmlPath.Bericht.Child("DeclaratieAntwoord");
                Totaal(a.TotaalIngediendBedrag, antwoord.Child("TotaalIngediendBedrag"), "TotaalIngediendBedrag", report);
                Totaal(a.TotaalToegekendBedrag, antwoord.Child("TotaalToegekendBedrag"), "TotaalToegekendBedrag", report);
                Lines(DeclaratieLines.Of(a), report);
                break;
        }
    }

    private void Totaal(TotaalBedragMetDC? totaal, XmlPath at, string name, RuleReport report)
    {
        if (totaal is { TotaalBedrag: 0, DebetCredit: not DebetCredit.Debet })
        {
            report.Add(Definition, at.Child("DebetCredit"), $"{name} is 0 but its DebetCredit is not D (CS325).");
        }
    }

    private void Lines(DeclaratieLines.Sequence lines, RuleReport report)
    {
        foreach (var line in lines)
        {
            if (line.Prestatie.IngediendBedrag is { Bedrag: 0, DebetCredit: not DebetCredit.Debet })
            {
                report.Add(Definition, line.Path.Child("IngediendBedrag").Child("DebetCredit"), "IngediendBedrag of the Prestatie is 0 but its DebetCredit is not D (CS325).");
            }
        }
    }
}
