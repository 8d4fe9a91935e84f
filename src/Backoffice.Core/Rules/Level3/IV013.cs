using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// IV013: Toewijzingsdatum and Toewijzingstijd hold the moment the municipality decided a version;
/// the latest is the current one. A resend keeps them unchanged, and a change (of the volume, the
/// end date) gets the moment of that change. So a ToegewezenProduct with the number, Toewijzingsdatum
/// and Toewijzingstijd of a recorded version must be that version unchanged: otherwise two different
/// versions would share one moment, and which is current could not be told. ReferentieAanbieder is
/// left out of the comparison: it may come and go on a resend (IV093, IV097). An identical resend,
/// and a version older than the current one (OP080), are fine.
/// <para>
/// IV013 is an invulinstructie, without a retourcode of its own; our own 301 that breaks it is
/// refused for staff and never sent. The code it carries is 9074 ("Er is al een eerder bericht
/// ontvangen met dezelfde sleutel", TR074), the rule base's code for a key that was received before
/// with other content, which is exactly this: the version's key (number, date, time) is taken.
/// </para>
/// </summary>
internal sealed class IV013 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "IV013",
        "9074",
        "De toewijzing met de meest recente Toewijzingsdatum en Toewijzingstijd is de actuele toewijzing. Als een aanbieder de gemeente verzoekt om een bestaande toewijzing nog een keer te versturen, blijft de inhoud van Toewijzingsdatum en Toewijzingstijd onveranderd.",
        new RuleScope(MessageType.Wmo301, "ToegewezenProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo301 { Client: { } client } m)
        {
            return;
        }

        for (var i = 0; i < client.ToegewezenProducten.Count; i++)
        {
            var product = client.ToegewezenProducten[i];
            if (Wmo301Register.OfNumber(m, before, product.ToewijzingNummer)
                .Any(a => AllocationVersions.SameVersion(a.Version, product) && !AllocationVersions.SameContent(a.Version, product)))
            {
                report.Add(
                    Definition,
                    Wmo301Register.Product(i),
                    "ToegewezenProduct has the ToewijzingNummer, Toewijzingsdatum and Toewijzingstijd of a version sent before, but other content; a change needs the moment it was decided (IV013).");
            }
        }
    }
}
