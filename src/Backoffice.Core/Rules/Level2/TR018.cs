using Backoffice.Core.Messages;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR018: a StopProduct's Einddatum is on or after its Begindatum (the same day is allowed). The
/// text makes no exception for StatusAanlevering 3, so a deletion is checked as well.
/// </summary>
internal sealed class TR018 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR018",
        "Einddatum moet groter dan of gelijk zijn aan Begindatum.",
        new RuleScope(MessageType.Wmo307, "StopProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo307 m)
        {
            return;
        }

        var stops = XmlPath.Bericht.Child("Client").Child("StopProducten");
        for (var i = 0; i < m.Client.StopProducten.Count; i++)
        {
            var p = m.Client.StopProducten[i];
            if (p.Einddatum < p.Begindatum)
            {
                report.Add(Definition, stops.Item("StopProduct", i).Child("Einddatum"), "Einddatum of the StopProduct lies before its Begindatum (TR018).");
            }
        }
    }
}
