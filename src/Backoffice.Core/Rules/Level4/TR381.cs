using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level4;

/// <summary>
/// TR381: the ProductCode belongs to the ProductCategorie in the regional catalogue in use (<c>backoffice import products</c>): S329.
/// </summary>
internal sealed class TR381 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level4(
        "TR381",
        "S329",
        "ProductCode vullen met een code die, volgens de gehanteerde productcodelijst, past bij de ProductCategorie.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (line.Product is null)
        {
            report.Add(Definition, line.Path.Child("ProductCode"), "ProductCode is not a product of this ProductCategorie in the catalogue (TR381).");
        }
    }
}
