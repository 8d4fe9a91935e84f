using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR134: a date that is not after the message's own Dagtekening (Header/BerichtIdentificatie;
/// on a 325 its own header, not the DeclaratieIdentificatie). The text names no elements; the
/// official stylesheet applies it to these, and so do we (iwmo-3.2.md §8.11): the Client's
/// Geboortedatum in the 301, 305, 307 and 315, the Relatie's Geboortedatum and the
/// Toewijzingsdatum in the 301, the StartProduct's Begindatum, the StopProduct's Einddatum, and
/// the Begindatum of the DeclaratiePeriode (323) and of each ProductPeriode (323 and 325).
/// On a 323 the same period's Einddatum then fails TR137 as well.
/// </summary>
internal sealed class TR134 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR134",
        "Vullen met een bestaande datum die niet groter is dan de Dagtekening van het bericht.",
        new(MessageType.Wmo301, "Client"),
        new(MessageType.Wmo301, "Relatie"),
        new(MessageType.Wmo301, "ToegewezenProduct"),
        new(MessageType.Wmo305, "Client"),
        new(MessageType.Wmo305, "StartProduct"),
        new(MessageType.Wmo307, "Client"),
        new(MessageType.Wmo307, "StopProduct"),
        new(MessageType.Wmo315, "Client"),
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
        var client = XmlPath.Bericht.Child("Client");
        switch (message)
        {
            case Wmo301 { Client: { } c }:
                Geboortedatum(c.Gegevens?.Geboortedatum, client, dagtekening, report);
                for (var i = 0; i < c.Relaties.Count; i++)
                {
                    Geboortedatum(c.Relaties[i].Gegevens?.Geboortedatum, client.Child("Relaties").Item("Relatie", i), dagtekening, report);
                }

                for (var i = 0; i < c.ToegewezenProducten.Count; i++)
                {
                    var product = client.Child("ToegewezenProducten").Item("ToegewezenProduct", i);
                    NotAfter(c.ToegewezenProducten[i].Toewijzingsdatum, product.Child("Toewijzingsdatum"), "Toewijzingsdatum", dagtekening, report);
                }

                break;
            case Wmo305 { Client: { } c }:
                Geboortedatum(c.Gegevens?.Geboortedatum, client, dagtekening, report);
                for (var i = 0; i < c.StartProducten.Count; i++)
                {
                    var product = client.Child("StartProducten").Item("StartProduct", i);
                    NotAfter(c.StartProducten[i].Begindatum, product.Child("Begindatum"), "StartProduct Begindatum", dagtekening, report);
                }

                break;
            case Wmo307 { Client: { } c }:
                Geboortedatum(c.Gegevens?.Geboortedatum, client, dagtekening, report);
                for (var i = 0; i < c.StopProducten.Count; i++)
                {
                    var product = client.Child("StopProducten").Item("StopProduct", i);
                    NotAfter(c.StopProducten[i].Einddatum, product.Child("Einddatum"), "StopProduct Einddatum", dagtekening, report);
                }

                break;
            case Wmo315 { Client: { } c }:
                Geboortedatum(c.Gegevens?.Geboortedatum, client, dagtekening, report);
                break;
            case Wmo323 { Declaratie: { } d }:
                var declaratie = XmlPath.Bericht.Child("Declaratie");
                if (d.DeclaratiePeriode is { } periode)
                {
                    NotAfter(periode.Begindatum, declaratie.Child("DeclaratiePeriode").Child("Begindatum"), "DeclaratiePeriode Begindatum", dagtekening, report);
                }

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
            if (line.Prestatie.ProductPeriode is { } periode && periode.Begindatum > dagtekening)
            {
                NotAfter(periode.Begindatum, line.Path.Child("ProductPeriode").Child("Begindatum"), "ProductPeriode Begindatum", dagtekening, report);
            }
        }
    }

    private void Geboortedatum(Geboortedatum? geboortedatum, XmlPath owner, DateOnly dagtekening, RuleReport report)
    {
        if (geboortedatum is not null)
        {
            NotAfter(geboortedatum.Datum, owner.Child("Geboortedatum").Child("Datum"), "Geboortedatum", dagtekening, report);
        }
    }

    private void NotAfter(DateOnly date, XmlPath path, string what, DateOnly dagtekening, RuleReport report)
    {
        if (date > dagtekening)
        {
            report.Add(Definition, path, $"{what} lies after the Dagtekening of the message (TR134).");
        }
    }
}
