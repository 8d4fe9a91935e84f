using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR389: one debit per allocation, product and ProductPeriode, unless the earlier one was credited (9389): credits of this message were walked first (OP366), so a correction arrives in one message.
/// </summary>
internal sealed class TR389 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR389",
        "9389",
        "Een debetprestatie is alleen toegestaan als een eerdere debetprestatie voor dezelfde toewijzing, product en ProductPeriode een bijbehorende creditprestatie heeft.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (line.Totals.HasOpenDebit(line.Line))
        {
            report.Add(Definition, line.Path.Child("ProductPeriode"), "An approved debit for this allocation, product and period stands and was not credited (TR389).");
        }
    }
}
