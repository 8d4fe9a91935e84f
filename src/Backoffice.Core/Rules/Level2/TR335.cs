using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR335: a ProductPeriode's Einddatum is at most 5 years before the 323's DeclaratieDagtekening
/// (not the header Dagtekening, which TR137 uses; iwmo-3.2.md §8.11). Exactly 5 years before is
/// still allowed; 60 months back from 29 February lands on 28 February, as in the stylesheet.
/// </summary>
internal sealed class TR335 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR335",
        "Einddatum mag niet meer dan 5 jaar voor DeclaratieDagtekening liggen.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo323 { Declaratie: { } declaratie })
        {
            return;
        }

        var earliest = declaratie.DeclaratieDagtekening.AddMonths(-60);
        foreach (var line in DeclaratieLines.Of(declaratie))
        {
            if (line.Prestatie.ProductPeriode is { } periode && periode.Einddatum < earliest)
            {
                report.Add(
                    Definition,
                    line.Path.Child("ProductPeriode").Child("Einddatum"),
                    "ProductPeriode Einddatum lies more than 5 years before the DeclaratieDagtekening (TR335).");
            }
        }
    }
}
