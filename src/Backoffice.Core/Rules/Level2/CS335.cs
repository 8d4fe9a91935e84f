using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CS335: RedenWijziging 13 (verwijderd) only on a ToegewezenProduct whose Einddatum equals its
/// Ingangsdatum (a deletion is Einddatum := Ingangsdatum plus 13, iwmo-3.2.md §8.5). Without an
/// Einddatum the dates are not equal, so 13 is not allowed there either.
/// </summary>
internal sealed class CS335 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS335",
        "RedenWijziging 13 (verwijderd) mag alleen gebruikt worden indien de ingangsdatum gelijk is aan de einddatum",
        new RuleScope(MessageType.Wmo301, "ToegewezenProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo301 m)
        {
            return;
        }

        var producten = XmlPath.Bericht.Child("Client").Child("ToegewezenProducten");
        for (var i = 0; i < m.Client.ToegewezenProducten.Count; i++)
        {
            var p = m.Client.ToegewezenProducten[i];
            if (p.RedenWijziging == "13" && p.Einddatum != p.Ingangsdatum)
            {
                report.Add(
                    Definition,
                    producten.Item("ToegewezenProduct", i).Child("RedenWijziging"),
                    "RedenWijziging 13 (verwijderd) is used while Einddatum of the ToegewezenProduct is not equal to its Ingangsdatum (CS335).");
            }
        }
    }
}
