using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level4;

/// <summary>
/// TR346: IngediendBedrag = GeleverdVolume x ProductTarief when Eenheid is not 83; minutes on an hour tariff: the hour tariff x minutes / 60, rounded to the cent (IV081; <see cref="Amounts.ExpectedIngediendBedrag"/>): 9346.
/// </summary>
internal sealed class TR346 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level4(
        "TR346",
        "9346",
        "Indien Eenheid ongelijk is aan waarde 83 (Euro's), moet IngediendBedrag gelijk zijn aan GeleverdVolume vermenigvuldigd met ProductTarief.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (Amounts.ExpectedIngediendBedrag(line.Line, line.Contract) is { } expected && expected != line.Line.IngediendBedrag.Bedrag)
        {
            report.Add(Definition, line.Path.Child("IngediendBedrag").Child("Bedrag"), "IngediendBedrag is not GeleverdVolume times the tariff (TR346).");
        }
    }
}
