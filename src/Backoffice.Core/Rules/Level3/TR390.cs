using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR390: a debit is credited at most once (9390), by an earlier message or a line of this one walked before.
/// </summary>
internal sealed class TR390 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR390",
        "9390",
        "Een debetprestatie mag maar één keer gecrediteerd worden.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => true;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (line.IsCredit && line.Debit is { } debit && line.Totals.IsCredited(debit.ReferentieNummer))
        {
            report.Add(Definition, line.Path.Child("ProductReferentie").Child("VorigReferentieNummer"), "The debit this credit names was credited before (TR390).");
        }
    }
}
