using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR332: within one municipality every ToegewezenProduct has its own number per legal domain (this
/// backoffice has one, the Wmo). The number of a ToegewezenProduct is taken when the register holds
/// a version with that number in the same municipality for another client or at another provider.
/// Two versions of one allocation (same client and provider) share their number by design; whether
/// the change between them is allowed is OP033x1's and IV066's question.
/// </summary>
internal sealed class TR332 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR332",
        "9332",
        "Ieder ToegewezenProduct binnen één gemeente heeft een uniek nummer per wettelijk domein.",
        new RuleScope(MessageType.Wmo301, "ToegewezenProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo301 { Client: { } client, Header: { } header })
        {
            return;
        }

        for (var i = 0; i < client.ToegewezenProducten.Count; i++)
        {
            var number = client.ToegewezenProducten[i].ToewijzingNummer;
            if (before.Allocations.Any(a =>
                    a.Municipality == header.Afzender
                    && a.Version.ToewijzingNummer == number
                    && (a.Bsn != client.Gegevens.Bsn || a.Provider != header.Ontvanger)))
            {
                report.Add(
                    Definition,
                    Wmo301Register.Product(i).Child("ToewijzingNummer"),
                    "ToewijzingNummer is already the number of an allocation of another client or at another provider in this municipality (TR332).");
            }
        }
    }
}
