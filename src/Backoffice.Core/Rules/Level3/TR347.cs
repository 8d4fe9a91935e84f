using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR347: a ReferentieAanbieder is unique for the provider within the legal domain. Read as: no
/// earlier request (VOT line or VOW) of this provider carries it, in whatever state and to whichever
/// municipality (<see cref="RequestLookup.ByReference"/>); the register holds only Wmo, so the domain
/// needs no test. Uniqueness among the lines of one VOT is TR383 (level 2). The finding is on the
/// ReferentieAanbieder of the AangevraagdProduct or of the Verzoek.
/// </summary>
internal sealed class TR347 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR347",
        "9347",
        "ReferentieAanbieder is uniek voor de aanbieder binnen het wettelijk domein.",
        new RuleScope(MessageType.Wmo315, "AangevraagdProduct"),
        new RuleScope(MessageType.Wmo317, "Verzoek"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        var provider = RegisterKey.For(message).Provider;
        switch (message)
        {
            case Wmo315 { Client: { } client }:
                var list = XmlPath.Bericht.Child("Client").Child("AangevraagdeProducten");
                for (var i = 0; i < client.AangevraagdeProducten.Count; i++)
                {
                    Check(before, provider, client.AangevraagdeProducten[i].ReferentieAanbieder, list.Item("AangevraagdProduct", i), "AangevraagdProduct", report);
                }

                break;
            case Wmo317 { Client.Verzoek: { } verzoek }:
                Check(before, provider, verzoek.ReferentieAanbieder, XmlPath.Bericht.Child("Client").Child("Verzoek"), "Verzoek", report);
                break;
        }
    }

    private void Check(RegisterView before, string provider, string reference, XmlPath path, string className, RuleReport report)
    {
        if (RequestLookup.ByReference(before, provider, reference).Count > 0)
        {
            report.Add(Definition, path.Child("ReferentieAanbieder"), $"{className}/ReferentieAanbieder was already used by an earlier request of this provider (TR347).");
        }
    }
}
