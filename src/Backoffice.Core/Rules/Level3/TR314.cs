using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR314: a ReferentieNummer is used once per provider, across all its declarations and within this one (8021). Every recorded prestatie counts, approved or not; a 323 refused at level 2 counts as not sent and recorded none.
/// </summary>
internal sealed class TR314 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR314",
        "8021",
        "ReferentieNummer moet uniek zijn voor de aanbieder binnen het wettelijk domein.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => true;

    public void Check(PrestatieContext line, RuleReport report)
    {
        var reference = line.Line.ProductReferentie.ReferentieNummer;
        if (line.Totals.IsReferenced(reference) || line.History.Earlier.Any(e => string.Equals(e.ReferentieNummer, reference, StringComparison.Ordinal)))
        {
            report.Add(Definition, line.Path.Child("ProductReferentie").Child("ReferentieNummer"), "This ReferentieNummer was used before by this provider (TR314).");
        }
    }
}
