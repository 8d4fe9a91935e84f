using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR318: declaration periods follow each other month by month (8214). Months without care may be
/// skipped (the rule's own example: May, June, September), and a second declaration for the latest
/// month is no step back; so what the rule can refuse is a period before the latest one this provider
/// declared to this municipality. Late lines of older months go in the current period (IV090). The
/// code belongs to the Declaratie class: the whole declaration is rejected.
/// </summary>
internal sealed class TR318 : IRegisterRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR318",
        "8214",
        "Indien iedere DeclaratiePeriode zorg is geleverd, moet DeclaratiePeriode de kalendermaand volgend op voorgaande DeclaratiePeriode zijn.",
        new RuleScope(MessageType.Wmo323, "Declaratie"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is Wmo323 m && before.Declarations?.LatestPeriod is { } latest && m.Declaratie.DeclaratiePeriode.Begindatum < latest)
        {
            report.Add(Definition, XmlPath.Bericht.Child("Declaratie").Child("DeclaratiePeriode"), "DeclaratiePeriode lies before a period this provider declared already (TR318).");
        }
    }
}
