using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CS100 on DeclaratiePeriode and ProductPeriode of the 323: the period's dates are on or after
/// 2021-01-01 (declarations under the 3.x standard start there). The rule is on the period, so one
/// finding per period, pointing at the date inside it that breaks it (Begindatum first, since it
/// is the one that normally does).
/// </summary>
internal sealed class CS100 : IMessageRule
{
    private static readonly DateOnly Earliest = new(2021, 1, 1);

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS100",
        "Vullen met een datum die groter dan of gelijk is aan 01-01-2021",
        new(MessageType.Wmo323, "Declaratie"),
        new(MessageType.Wmo323, "Prestatie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo323 { Declaratie: { } declaratie })
        {
            return;
        }

        var at = XmlPath.Bericht.Child("Declaratie");
        Periode(declaratie.DeclaratiePeriode, at.Child("DeclaratiePeriode"), "DeclaratiePeriode", report);
        var clienten = at.Child("Clienten");
        for (var i = 0; i < declaratie.Clienten.Count; i++)
        {
            var prestaties = clienten.Item("Client", i).Child("Prestaties");
            for (var j = 0; j < declaratie.Clienten[i].Prestaties.Count; j++)
            {
                Periode(declaratie.Clienten[i].Prestaties[j].ProductPeriode, prestaties.Item("Prestatie", j).Child("ProductPeriode"), "ProductPeriode", report);
            }
        }
    }

    private void Periode(GeslotenPeriode? periode, XmlPath at, string name, RuleReport report)
    {
        if (periode is null)
        {
            return;
        }

        if (periode.Begindatum < Earliest)
        {
            report.Add(Definition, at.Child("Begindatum"), $"Begindatum of the {name} lies before 2021-01-01 (CS100).");
        }
        else if (periode.Einddatum < Earliest)
        {
            report.Add(Definition, at.Child("Einddatum"), $"Einddatum of the {name} lies before 2021-01-01 (CS100).");
        }
    }
}
