using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CS340: the DeclaratiePeriode is exactly one whole calendar month, from day 1 to the month's
/// last day. One finding per period, at the date that breaks it: the Begindatum when it is not a
/// first of the month, otherwise the Einddatum when it is not the last day of the Begindatum's month.
/// </summary>
internal sealed class CS340 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS340",
        "De periode is exact gelijk aan 1 hele kalendermaand",
        new RuleScope(MessageType.Wmo323, "Declaratie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo323 { Declaratie.DeclaratiePeriode: { } periode })
        {
            return;
        }

        var at = XmlPath.Bericht.Child("Declaratie").Child("DeclaratiePeriode");
        var begin = periode.Begindatum;
        if (begin.Day != 1)
        {
            report.Add(Definition, at.Child("Begindatum"), "Begindatum of the DeclaratiePeriode is not the first day of a calendar month (CS340).");
        }
        else if (periode.Einddatum != begin.AddMonths(1).AddDays(-1))
        {
            report.Add(Definition, at.Child("Einddatum"), "Einddatum of the DeclaratiePeriode is not the last day of the calendar month the period begins in (CS340).");
        }
    }
}
