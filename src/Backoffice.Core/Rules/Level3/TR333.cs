using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR333: a DeclaratieNummer is used once per provider (9333). The code belongs to the Declaratie
/// class, so the whole declaration is rejected and nothing of it is processed (IV087). An earlier
/// 323 that passed level 2 used the number, whatever its verdict; one refused at level 2 counts as
/// not sent.
/// </summary>
internal sealed class TR333 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR333",
        "9333",
        "DeclaratieNummer moet uniek zijn voor de aanbieder binnen het wettelijk domein.",
        new RuleScope(MessageType.Wmo323, "Declaratie"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is Wmo323 && before.Declarations is { DeclaratieNummerUsed: true })
        {
            report.Add(Definition, XmlPath.Bericht.Child("Declaratie").Child("DeclaratieNummer"), "This DeclaratieNummer was used before by this provider (TR333).");
        }
    }
}
