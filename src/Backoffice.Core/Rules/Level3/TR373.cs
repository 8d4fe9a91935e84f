using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// TR373: a change of the Budget, or of the total over the allocation's period, is a change over the
/// whole period, so its GewensteIngangsdatum is the Ingangsdatum of the current allocation (IV092,
/// IV093). Read as: the TeWijzigenProduct has a Budget other than the allocation's, or an Omvang other
/// than the allocation's where either has Frequentie 6 ("totaal binnen geldigheidsduur toewijzing",
/// WMO757). A TeWijzigenProduct without Budget or Omvang changes neither. The finding is on its
/// GewensteIngangsdatum.
/// </summary>
internal sealed class TR373 : IRegisterRule
{
    private const string TotalOverPeriod = "6";

    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "TR373",
        "9373",
        "Indien in een TeWijzigenProduct het Budget of het totaal over toewijzingsperiode wordt gewijzigd, dient GewensteIngangsdatum gelijk te zijn aan de actuele toewijzing.",
        new RuleScope(MessageType.Wmo317, "TeWijzigenProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo317 { Client.Verzoek: not null } vow)
        {
            return;
        }

        foreach (var (line, path, original) in VowAllocations.ToChange(vow, before))
        {
            if (line.GewensteIngangsdatum != original.Ingangsdatum && (BudgetChanged(line, original) || TotalChanged(line, original)))
            {
                report.Add(
                    Definition,
                    path.Child("GewensteIngangsdatum"),
                    "TeWijzigenProduct changes the Budget or the total over the allocation's period, but its GewensteIngangsdatum is not the Ingangsdatum of the current allocation (TR373).");
            }
        }
    }

    private static bool BudgetChanged(TeWijzigenProduct line, ToegewezenProduct original) =>
        line.Budget is { } budget && budget != original.Budget;

    private static bool TotalChanged(TeWijzigenProduct line, ToegewezenProduct original) =>
        line.Omvang is { } omvang && omvang != original.Omvang
        && (omvang.Frequentie == TotalOverPeriod || original.Omvang?.Frequentie == TotalOverPeriod);
}
