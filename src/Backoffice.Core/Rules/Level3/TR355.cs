using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR355, on our own 319 before it is sent: its ReferentieAanbieder is that of an earlier VOT line or
/// VOW of the provider it goes to, sent to the municipality that answers (<see cref="AnsweredRequests"/>).
/// A finding refuses our own message; it is never sent, so there is no retour. The path is that of
/// the Antwoord's ReferentieAanbieder.
/// </summary>
internal sealed class TR355 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR355",
        "9355",
        "ReferentieAanbieder in het antwoordbericht komt voor in een eerder verzoek om toewijzing of verzoek om wijziging.",
        new RuleScope(MessageType.Wmo319, "Antwoord"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is Wmo319 { Antwoord: not null } antwoord && AnsweredRequests.Of(antwoord, before).Count == 0)
        {
            report.Add(
                Definition,
                XmlPath.Bericht.Child("Antwoord").Child("ReferentieAanbieder"),
                "Antwoord/ReferentieAanbieder is not that of an earlier VOT or VOW of the provider to this municipality (TR355).");
        }
    }
}
