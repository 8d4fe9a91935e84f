using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR352: a VOW lists at least one current allocation, as an OngewijzigdProduct or a
/// TeWijzigenProduct. Either would do, so the finding is on the Verzoek that holds neither.
/// </summary>
internal sealed class TR352 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR352",
        "Bij een verzoek om wijziging komt minstens 1 OngewijzigdProduct of TeWijzigenProduct voor.",
        new RuleScope(MessageType.Wmo317, "Verzoek"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is Wmo317 { Client.Verzoek: { } verzoek } && verzoek.OngewijzigdeProducten.IsEmpty && verzoek.TeWijzigenProducten.IsEmpty)
        {
            report.Add(
                Definition,
                XmlPath.Bericht.Child("Client").Child("Verzoek"),
                "Verzoek holds no OngewijzigdProduct and no TeWijzigenProduct (TR352).");
        }
    }
}
