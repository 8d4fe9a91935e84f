using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR353: a VOW asks for at least one change, as a TeWijzigenProduct or a NieuwProduct. Either
/// would do, so the finding is on the Verzoek that holds neither.
/// </summary>
internal sealed class TR353 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR353",
        "Bij een verzoek om wijziging komt minstens 1 TeWijzigenProduct of NieuwProduct voor.",
        new RuleScope(MessageType.Wmo317, "Verzoek"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is Wmo317 { Client.Verzoek: { } verzoek } && verzoek.TeWijzigenProducten.IsEmpty && verzoek.NieuweProducten.IsEmpty)
        {
            report.Add(
                Definition,
                XmlPath.Bericht.Child("Client").Child("Verzoek"),
                "Verzoek holds no TeWijzigenProduct and no NieuwProduct (TR353).");
        }
    }
}
