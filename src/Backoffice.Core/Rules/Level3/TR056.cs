using Backoffice.Core.Messages;
using Backoffice.Core.Register;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR056: the Identificatie in BerichtIdentificatie is unique per message type for the sending
/// party. The data layer answers whether an earlier message of this type from this Afzender carried
/// it (<see cref="RegisterView.IdentificationUsed"/>); the finding is on the Identificatie in the Header.
/// </summary>
internal sealed class TR056 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR056",
        "9056",
        "Identificatie moet per berichtsoort uniek zijn voor de verzendende partij.",
        HeaderScopes.HeenMessagesAnd325());

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (before.IdentificationUsed)
        {
            report.Add(
                Definition,
                XmlPath.Bericht.Child("Header").Child("BerichtIdentificatie").Child("Identificatie"),
                "Identificatie was already used by the Afzender for a message of this type (TR056).");
        }
    }
}
