using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CS337: the ProductPeriode of a Prestatie ends in the calendar month (and year) it begins in
/// (OP367). The text is about the Einddatum, so the finding points there.
/// </summary>
internal sealed class CS337 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS337",
        "Einddatum in de ProductPeriode vullen met een datum die valt in dezelfde kalendermaand en jaar als de Begindatum van de ProductPeriode",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo323 { Declaratie: { } declaratie })
        {
            return;
        }

        foreach (var line in DeclaratieLines.Of(declaratie))
        {
            if (line.Prestatie.ProductPeriode is { } periode
                && (periode.Einddatum.Year != periode.Begindatum.Year || periode.Einddatum.Month != periode.Begindatum.Month))
            {
                report.Add(
                    Definition,
                    line.Path.Child("ProductPeriode").Child("Einddatum"),
                    "Einddatum of the ProductPeriode does not fall in the same calendar month and year as its Begindatum (CS337).");
            }
        }
    }
}
