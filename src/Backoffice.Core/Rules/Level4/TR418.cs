using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level4;

/// <summary>
/// TR418: the ProductTarief is the tariff of the provider's contract line for the product valid at the start of the ProductPeriode (in the contract's unit, per minute for minutes on an hour tariff, IV081): 0611. No contract line for the product on that day is the same error: there is no tariff the line can match.
/// </summary>
internal sealed class TR418 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level4(
        "TR418",
        "0611",
        "ProductTarief in Prestatie dient overeen te komen met het contractuele tarief van ProductCode.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (line.Line.Eenheid == Reference.CatalogueCodes.Euros)
        {
            return; // Euro's carry no ProductTarief (CD087): there is no tariff to compare.
        }

        if (line.Contract is not { } contract)
        {
            report.Add(Definition, line.Path.Child("ProductTarief"), "The provider has no contract line for this product on this ProductPeriode (TR418).");
            return;
        }

        if (Amounts.RequiredProductTarief(contract, line.Line.Eenheid) is not { } required)
        {
            // A contract in another unit than the line's: no tariff the line could match. When the
            // line's unit does not fit its allocation's, or the allocation has no Omvang (then TR341
            // judged it against the contract's), TR341 already said so: one fault, one finding.
            if (line.Allocation?.Version.Omvang is { } omvang && VolumeLimits.UnitFactor(omvang.Eenheid, line.Line.Eenheid) is not null)
            {
                report.Add(Definition, line.Path.Child("ProductTarief"), "The contract tariff of this product is not in the line's Eenheid (TR418).");
            }
        }
        else if (line.Line.ProductTarief != required)
        {
            report.Add(Definition, line.Path.Child("ProductTarief"), "ProductTarief differs from the contract tariff of this product (TR418).");
        }
    }
}
