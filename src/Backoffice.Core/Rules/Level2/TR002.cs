using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR002: a Geboortedatum lies at most 120 years before the message's Dagtekening
/// (Header/BerichtIdentificatie/Dagtekening), unless it is unknown. Unknown is exactly what the
/// toelichting says: DatumGebruik 3 together with Datum 1900-01-01; any other combination is
/// checked. A birth date exactly 120 years before the Dagtekening (same day and month) is still
/// allowed ("niet meer dan"). The classes: the Client in all four messages and, in the 301, each
/// Relatie that has a Geboortedatum (the shared iJw rule text of TR002 names Client and Relatie for
/// the JW301; the iWmo text names only the messages).
/// </summary>
internal sealed class TR002 : IMessageRule
{
    private static readonly DateOnly Onbekend = new(1900, 1, 1);

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR002",
        "Geboortedatum mag niet meer dan 120 jaar voor de Dagtekening liggen, tenzij Geboortedatum onbekend is.",
        new(MessageType.Wmo301, "Client"),
        new(MessageType.Wmo301, "Relatie"),
        new(MessageType.Wmo305, "Client"),
        new(MessageType.Wmo307, "Client"),
        new(MessageType.Wmo315, "Client"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message.Header?.BerichtIdentificatie is not { } identificatie)
        {
            return;
        }

        foreach (var (geboortedatum, owner) in BirthDates.In(message))
        {
            Geboortedatum(geboortedatum, identificatie.Dagtekening, owner, report);
        }
    }

    private void Geboortedatum(Geboortedatum? geboortedatum, DateOnly dagtekening, XmlPath owner, RuleReport report)
    {
        if (geboortedatum is null || (geboortedatum is { DatumGebruik: "3" } && geboortedatum.Datum == Onbekend))
        {
            return;
        }

        if (geboortedatum.Datum < dagtekening.AddYears(-120))
        {
            report.Add(
                Definition,
                owner.Child("Geboortedatum").Child("Datum"),
                "Geboortedatum lies more than 120 years before the Dagtekening of the message and is not marked unknown (TR002).");
        }
    }
}
