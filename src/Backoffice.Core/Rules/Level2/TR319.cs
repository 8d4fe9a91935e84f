using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR319: a 323 claims only ProductPeriodes in its own DeclaratiePeriode or an earlier one, so
/// neither date of a ProductPeriode may lie after the DeclaratiePeriode's Einddatum. The rule base
/// files it as berichtoverstijgend with code 9319, but the official stylesheet checks it inside the
/// message, so it is level 2 with 0001 here (iwmo-3.2.md §8.2, §8.11). Each date that is too late
/// is a finding, as the stylesheet checks the Begindatum and the Einddatum separately.
/// </summary>
internal sealed class TR319 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR319",
        "Een declaratiebericht bevat alleen prestaties waarvan de ProductPeriode valt binnen de huidige, of een voorgaande declaratieperiode.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo323 { Declaratie: { DeclaratiePeriode: { } declaratiePeriode } declaratie })
        {
            return;
        }

        var last = declaratiePeriode.Einddatum;
        foreach (var line in DeclaratieLines.Of(declaratie))
        {
            if (line.Prestatie.ProductPeriode is not { } periode)
            {
                continue;
            }

            if (periode.Begindatum > last)
            {
                report.Add(Definition, line.Path.Child("ProductPeriode").Child("Begindatum"), "ProductPeriode Begindatum lies after the Einddatum of the DeclaratiePeriode (TR319).");
            }

            if (periode.Einddatum > last)
            {
                report.Add(Definition, line.Path.Child("ProductPeriode").Child("Einddatum"), "ProductPeriode Einddatum lies after the Einddatum of the DeclaratiePeriode (TR319).");
            }
        }
    }
}
