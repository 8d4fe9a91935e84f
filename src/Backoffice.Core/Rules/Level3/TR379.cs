using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR379: a ToegewezenProduct sent to honour a VOT or VOW carries that request's ReferentieAanbieder,
/// otherwise none; and only the first time it is sent after the request was honoured. Read as:
/// <list type="bullet">
/// <item>A filled ReferentieAanbieder must be the reference of a request of this client at this
/// provider (a VOT line or a VOW) that is still open. Once a 301 answered it or a 319 rejected it,
/// only a resend of the very version that answered it (IV013: the same number, Toewijzingsdatum and
/// Toewijzingstijd) may carry it again.</item>
/// <item>A 301 honouring a VOW carries its reference on every ToegewezenProduct, the unchanged ones
/// too (the toelichting; IV093, IV097): when one product carries the reference of an open VOW, a
/// product without it is a finding on that product.</item>
/// </list>
/// A 301 that answers a request without carrying its reference cannot be told from one sent on
/// the municipality's own initiative, so it is not a finding.
/// </summary>
internal sealed class TR379 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR379",
        "9379",
        "Indien ToegewezenProduct wordt verstuurd ter honorering van een VOT of VOW, dient ReferentieAanbieder te worden gevuld met ReferentieAanbieder uit die VOT of VOW, anders leeglaten.",
        new RuleScope(MessageType.Wmo301, "ToegewezenProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo301 { Client: { } client } m)
        {
            return;
        }

        var producten = client.ToegewezenProducten;
        var openVow = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < producten.Count; i++)
        {
            if (producten[i].ReferentieAanbieder is not { } reference)
            {
                continue;
            }

            var requests = Requests(m, before, reference).ToList();
            if (requests.Count == 0)
            {
                report.Add(
                    Definition,
                    Wmo301Register.Product(i).Child("ReferentieAanbieder"),
                    "ReferentieAanbieder refers to no request (VOT or VOW) of this client at this provider (TR379).");
            }
            else if (!requests.Any(r => r.IsOpen) && !ResendOfAnswer(m, before, producten[i]))
            {
                report.Add(
                    Definition,
                    Wmo301Register.Product(i).Child("ReferentieAanbieder"),
                    "ReferentieAanbieder refers to a request that was already answered; only the first ToegewezenProduct sent to honour it carries it (TR379).");
            }
            else if (requests.Any(r => r is { IsOpen: true, Kind: RequestKind.Vow }))
            {
                openVow.Add(reference);
            }
        }

        foreach (var reference in openVow)
        {
            for (var i = 0; i < producten.Count; i++)
            {
                if (producten[i].ReferentieAanbieder != reference)
                {
                    report.Add(
                        Definition,
                        Wmo301Register.Product(i),
                        "ToegewezenProduct lacks the ReferentieAanbieder of the VOW this 301 honours; every ToegewezenProduct carries it (TR379).");
                }
            }
        }
    }

    private static IEnumerable<RecordedRequest> Requests(Wmo301 message, RegisterView before, string reference) =>
        before.Requests.Where(r =>
            r.ReferentieAanbieder == reference
            && r.Provider == message.Header.Ontvanger
            && r.Municipality == message.Header.Afzender
            && r.Bsn == message.Client.Gegevens.Bsn);

    /// <summary>The same version as a recorded one that carried this reference: the answer sent again.</summary>
    private static bool ResendOfAnswer(Wmo301 message, RegisterView before, ToegewezenProduct product) =>
        Wmo301Register.OfNumber(message, before, product.ToewijzingNummer)
            .Any(a => AllocationVersions.SameVersion(a.Version, product) && a.Version.ReferentieAanbieder == product.ReferentieAanbieder);
}
