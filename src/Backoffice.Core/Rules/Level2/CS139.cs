using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CS139: DatumGebruik and Datum of a Geboortedatum agree. The text does not say what agreeing
/// means; IV009 does: the unknown parts are filled with 01 (day, month) and 1900 (year). So
/// DatumGebruik 1 (dag onbekend) wants day 01, 2 (dag en maand onbekend) wants 01-01, and
/// 3 (geheel onbekend) wants exactly 1900-01-01. Without DatumGebruik the date is fully known and
/// any valid date agrees.
/// </summary>
internal sealed class CS139 : IMessageRule
{
    private static readonly DateOnly Onbekend = new(1900, 1, 1);

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS139",
        "Voor Geboortedatum geldt dat DatumGebruik en Datum met elkaar in overeenstemming moeten zijn.",
        new(MessageType.Wmo301, "Client"),
        new(MessageType.Wmo301, "Relatie"),
        new(MessageType.Wmo305, "Client"),
        new(MessageType.Wmo307, "Client"),
        new(MessageType.Wmo315, "Client"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        foreach (var (geboortedatum, owner) in BirthDates.In(message))
        {
            Geboortedatum(geboortedatum, owner, report);
        }
    }

    /// <summary>True when <paramref name="datumGebruik"/> allows <paramref name="datum"/> (IV009).</summary>
    public static bool Agrees(DateOnly datum, string? datumGebruik) => datumGebruik switch
    {
        "1" => datum.Day == 1,
        "2" => datum is { Day: 1, Month: 1 },
        "3" => datum == Onbekend,
        _ => true,
    };

    private void Geboortedatum(Geboortedatum? geboortedatum, XmlPath owner, RuleReport report)
    {
        if (geboortedatum is not null && !Agrees(geboortedatum.Datum, geboortedatum.DatumGebruik))
        {
            report.Add(
                Definition,
                owner.Child("Geboortedatum").Child("DatumGebruik"),
                "Geboortedatum/Datum does not agree with DatumGebruik: unknown parts must be filled with 01 for day and month and 1900 for the year (CS139).");
        }
    }
}
