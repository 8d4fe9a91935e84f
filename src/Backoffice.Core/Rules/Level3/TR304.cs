using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR304: the Bsn of the Client the Prestatie is under must be the Bsn of the allocation it names (8187).
/// </summary>
internal sealed class TR304 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR304",
        "8187",
        "Bsn moet overeenkomen met Bsn van een Client.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (line.Allocation is { } allocation && !string.Equals(allocation.Bsn, line.Bsn, StringComparison.Ordinal))
        {
            report.Add(Definition, line.Path.Child("ToewijzingNummer"), "The allocation this Prestatie names belongs to another client than the Client it is declared under (TR304).");
        }
    }
}
