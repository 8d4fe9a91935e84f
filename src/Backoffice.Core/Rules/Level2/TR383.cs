using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR383: every AangevraagdProduct in a VOT has its own ReferentieAanbieder. That is also the
/// class's logical key, so a repeat fails TR101 as well (iwmo-3.2.md §8.11). The finding is on the
/// repeating ReferentieAanbieder (the stylesheet names the earlier one; the later one is the one to fix).
/// </summary>
internal sealed class TR383 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR383",
        "ReferentieAanbieder is uniek voor elk AangevraagdProduct binnen het bericht.",
        new RuleScope(MessageType.Wmo315, "AangevraagdProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo315 { Client: { } client })
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var parent = XmlPath.Bericht.Child("Client").Child("AangevraagdeProducten");
        for (var i = 0; i < client.AangevraagdeProducten.Count; i++)
        {
            if (client.AangevraagdeProducten[i].ReferentieAanbieder is { } referentie && !seen.Add(referentie))
            {
                report.Add(
                    Definition,
                    parent.Item("AangevraagdProduct", i).Child("ReferentieAanbieder"),
                    "ReferentieAanbieder is the same as that of an earlier AangevraagdProduct in the message (TR383).");
            }
        }
    }
}
