using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CS339: a Prestatie with Eenheid 83 (euro's) claims exactly its GeleverdVolume, both in
/// eurocents (IV042). Compared as numbers (iwmo-3.2.md §8.11: unlike TR358, CS339 compares numbers),
/// and the sign plays no part: a credit line is a copy of its debit (IV091). The finding points at
/// IngediendBedrag/Bedrag.
/// </summary>
internal sealed class CS339 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS339",
        "Indien Eenheid de waarde 83 (euro’s) heeft, moet IngediendBedrag gelijk zijn aan GeleverdVolume.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo323 { Declaratie: { } declaratie })
        {
            return;
        }

        foreach (var line in DeclaratieLines.Of(declaratie))
        {
            var p = line.Prestatie;
            if (p is { Eenheid: "83", IngediendBedrag: { } bedrag } && bedrag.Bedrag != p.GeleverdVolume)
            {
                report.Add(
                    Definition,
                    line.Path.Child("IngediendBedrag").Child("Bedrag"),
                    "IngediendBedrag of the Prestatie is not equal to its GeleverdVolume while Eenheid is 83 (euro's) (CS339).");
            }
        }
    }
}
