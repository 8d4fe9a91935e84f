using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CD087 on Prestatie/ProductTarief of the 323: a line in units other than 83 (euro's) carries its
/// tariff, a line in euro's carries none (its amount is the volume itself, CS339). Both directions
/// are findings. The rule table names only the 323 for this rule, not the 325.
/// </summary>
internal sealed class CD087 : IMessageRule
{
    private const string Euros = "83";

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CD087",
        "Als eenheid ongelijk is aan 83 (euro’s) dan verplicht vullen, anders leeg laten.",
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
            if (p.Eenheid != Euros && p.ProductTarief is null)
            {
                report.Add(Definition, line.Path.Child("ProductTarief"), "Prestatie/ProductTarief is missing while Prestatie/Eenheid is not 83 (euro's) (CD087).");
            }
            else if (p.Eenheid == Euros && p.ProductTarief is not null)
            {
                report.Add(Definition, line.Path.Child("ProductTarief"), "Prestatie/ProductTarief is filled while Prestatie/Eenheid is 83 (euro's); it must then be left empty (CD087).");
            }
        }
    }
}
