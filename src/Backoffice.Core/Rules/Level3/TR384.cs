using Backoffice.Core.Declarations;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR384: no declaring on a deleted allocation (RedenWijziging 13, Einddatum = Ingangsdatum, in its latest version per IV013): 9384.
/// </summary>
internal sealed class TR384 : IPrestatieRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR384",
        "9384",
        "Er mag niet gedeclareerd worden op een verwijderde toewijzing.",
        new RuleScope(MessageType.Wmo323, "Prestatie"));

    public bool AppliesToCredits => false;

    public void Check(PrestatieContext line, RuleReport report)
    {
        if (line.Allocation is { Deleted: true })
        {
            report.Add(Definition, line.Path.Child("ToewijzingNummer"), "The allocation this Prestatie names was deleted (TR384).");
        }
    }
}
