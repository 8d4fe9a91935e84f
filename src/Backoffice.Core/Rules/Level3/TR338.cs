using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR338: the ToewijzingNummer must name an allocation of this municipality to this provider (9338); a number of another provider counts as none (iwmo-3.2.md §8.2: numbers are unique per municipality, TR332).
/// </summary>
internal sealed class TR338 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR338",
        "9338",
        "Een Prestatie moet gerelateerd zijn aan een toewijzing middels ToewijzingNummer.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (line.Allocation is null)
        {
            report.Add(Definition, line.Path.Child("ToewijzingNummer"), "No allocation of this municipality to this provider has this ToewijzingNummer (TR338).");
        }
    }
}
