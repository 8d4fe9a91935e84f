using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CS100 on DeclaratiePeriode and ProductPeriode of the 323: the period's dates are on or after
/// 2021-01-01 (declarations under the 3.x standard start there). The rule is on the period, so one
/// finding per period, pointing at the date inside it that breaks it (Begindatum first, since it
/// is the one that normally does).
/// </summary>
internal sealed class CS100 : IMessageRule
{
    private static readonly DateOnly Earliest = new(2021, 1, 1);

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS100",
        "Vullen met een datum die groter dan of gelijk is aan 01-01-2021",
        new(MessageType.Wmo323, "Declaratie"),
        new(MessageType.Wmo323, "Prestatie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        if (message is not Wmo323 { Declaratie: { } declaratie })
        {
            return;
        }

        var at = XmlPath.Bericht.Child("Declaratie");
        if (Broken(declaratie.DeclaratiePeriode) is { } declaratieDate)
        {
            Report(at.Child("DeclaratiePeriode"), declaratieDate, "DeclaratiePeriode", report);
        }

        foreach (var line in DeclaratieLines.Of(declaratie))
        {
            if (Broken(line.Prestatie.ProductPeriode) is { } date)
            {
                Report(line.Path.Child("ProductPeriode"), date, "ProductPeriode", report);
            }
        }
    }

    /// <summary>The date of <paramref name="periode"/> that breaks the rule, Begindatum first; null when neither does.</summary>
    private static string? Broken(GeslotenPeriode? periode) =>
        periode is null ? null
        : periode.Begindatum < Earliest ? "Begindatum"
        : periode.Einddatum < Earliest ? "Einddatum"
        : null;

    private void Report(XmlPath at, string date, string name, RuleReport report) =>
        report.Add(Definition, at.Child(date), $"{date} of the {name} lies before 2021-01-01 (CS100).");
}
