using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR137: a period's Einddatum is on or after its Begindatum and not after the message's
/// Dagtekening. As in the official stylesheet (iwmo-3.2.md §8.11) that is the Dagtekening in the
/// Header, not the 323's DeclaratieDagtekening (TR335 uses that one), and the rule covers the
/// DeclaratiePeriode and each ProductPeriode of a 323 and each ProductPeriode of a 325. One
/// finding per Einddatum, naming the part it breaks.
/// </summary>
internal sealed class TR137 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR137",
        "Vullen met een waarde die groter is dan, of gelijk is aan de Begindatum van de aangeduide periode én die niet groter is dan de Dagtekening van het bericht.",
        new(MessageType.Wmo323, "Declaratie"),
        new(MessageType.Wmo323, "Prestatie"),
        new(MessageType.Wmo325, "Prestatie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message.Header?.BerichtIdentificatie is not { } identificatie)
        {
            return;
        }

        var dagtekening = identificatie.Dagtekening;
        switch (message)
        {
            case Wmo323 { Declaratie: { } d }:
                var declaratie = XmlPath.Bericht.Child("Declaratie");
                Periode(d.DeclaratiePeriode, declaratie.Child("DeclaratiePeriode"), "DeclaratiePeriode", dagtekening, report);
                ProductPeriodes(DeclaratieLines.Of(d), dagtekening, report);
                break;
            case Wmo325 { DeclaratieAntwoord: { } a }:
                ProductPeriodes(DeclaratieLines.Of(a), dagtekening, report);
                break;
        }
    }

    private void ProductPeriodes(DeclaratieLines.Sequence lines, DateOnly dagtekening, RuleReport report)
    {
        foreach (var line in lines)
        {
            // The path is made for a finding only.
            if (line.Prestatie.ProductPeriode is { } periode && (periode.Einddatum < periode.Begindatum || periode.Einddatum > dagtekening))
            {
                Periode(periode, line.Path.Child("ProductPeriode"), "ProductPeriode", dagtekening, report);
            }
        }
    }

    private void Periode(GeslotenPeriode? periode, XmlPath path, string what, DateOnly dagtekening, RuleReport report)
    {
        if (periode is null)
        {
            return;
        }

        var beforeBegin = periode.Einddatum < periode.Begindatum;
        var afterDagtekening = periode.Einddatum > dagtekening;
        if (beforeBegin || afterDagtekening)
        {
            var broken = (beforeBegin, afterDagtekening) switch
            {
                (true, true) => "lies before its Begindatum and after the Dagtekening of the message",
                (true, false) => "lies before its Begindatum",
                _ => "lies after the Dagtekening of the message",
            };
            report.Add(Definition, path.Child("Einddatum"), $"{what} Einddatum {broken} (TR137).");
        }
    }
}
