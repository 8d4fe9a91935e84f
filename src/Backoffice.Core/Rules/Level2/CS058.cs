using Backoffice.Core.Messages;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>CS058: StatusAanlevering of a StartProduct or StopProduct is 1 (eerste aanlevering) or 3 (verwijderen aanlevering).</summary>
internal sealed class CS058 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS058",
        "1 (eerste aanlevering) of 3 (verwijderen aanlevering) vullen.",
        new(MessageType.Wmo305, "StartProduct"),
        new(MessageType.Wmo307, "StopProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        var client = XmlPath.Bericht.Child("Client");
        switch (message)
        {
            case Wmo305 m:
                var starts = client.Child("StartProducten");
                for (var i = 0; i < m.Client.StartProducten.Count; i++)
                {
                    Status(m.Client.StartProducten[i].StatusAanlevering, starts.Item("StartProduct", i), "StartProduct", report);
                }

                break;
            case Wmo307 m:
                var stops = client.Child("StopProducten");
                for (var i = 0; i < m.Client.StopProducten.Count; i++)
                {
                    Status(m.Client.StopProducten[i].StatusAanlevering, stops.Item("StopProduct", i), "StopProduct", report);
                }

                break;
        }
    }

    private void Status(string? status, XmlPath product, string name, RuleReport report)
    {
        if (status is not ("1" or "3"))
        {
            report.Add(Definition, product.Child("StatusAanlevering"), $"StatusAanlevering of the {name} must be 1 or 3 (CS058).");
        }
    }
}
