using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR315: a VorigReferentieNummer occurs at most once in a 323, across all its clients (a debit is
/// credited at most once per message). Every repeat is a finding, on its VorigReferentieNummer.
/// </summary>
internal sealed class TR315 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR315",
        "VorigReferentieNummer van de Prestatie moet uniek zijn in het bericht.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo323 { Declaratie: { } declaratie })
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in DeclaratieLines.Of(declaratie))
        {
            if (line.Prestatie.ProductReferentie?.VorigReferentieNummer is { } vorig && !seen.Add(vorig))
            {
                report.Add(
                    Definition,
                    line.Path.Child("ProductReferentie").Child("VorigReferentieNummer"),
                    "VorigReferentieNummer is the same as that of an earlier Prestatie in the message (TR315).");
            }
        }
    }
}
