using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// OP033x1: an allocation may be changed by a new version with the same ToewijzingNummer, but only
/// in the ways the rule lists: the Einddatum (shortened, extended, or set to the Ingangsdatum with
/// RedenWijziging 13 to delete it), the Budget, and the Volume when the Frequentie is 6 ("totaal
/// binnen geldigheidsduur toewijzing"). Every other change of content needs a new allocation with a
/// new number (IV066, IV093, OP257). A ToegewezenProduct is compared with the version of its number
/// it is a change of (<see cref="AllocationVersions.Neighbour"/>: the one decided last before it, or
/// the first after it for a version arriving after newer ones, OP080), and these are findings: another
/// Ingangsdatum; an Omvang or a Budget added or dropped; another Eenheid or Frequentie; another
/// Volume when the Frequentie is not 6. The Product is IV066's; RedenWijziging, Commentaar and
/// ReferentieAanbieder may change with any version.
/// <para>
/// OP033x1 is a bedrijfsregel without a retourcode; our own 301 that breaks it is refused for staff
/// and never sent. It carries 9332 (TR332), as IV066 does: a change outside these is another
/// allocation under the same number.
/// </para>
/// <para>
/// Deleting with RedenWijziging 13 is allowed here, but TR385 (9385) forbids it for an allocation with
/// approved prestaties that were not credited. That needs the declarations, which the register does
/// not hold yet: TR385 will be its own rule in this folder, scoped to WMO301/ToegewezenProduct, finding
/// a deletion (<see cref="RecordedAllocation.Deleted"/>'s test on the new version) of a number whose
/// approved, uncredited prestaties the register view then lists.
/// </para>
/// </summary>
internal sealed class OP033x1 : IRegisterRule
{
    /// <summary>WMO757 code 6: "Totaal binnen geldigheidsduur toewijzing".</summary>
    private const string TotaalBinnenGeldigheidsduur = "6";

    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "OP033x1",
        "9332",
        "Een afgegeven toewijzing mag gewijzigd worden waarbij de wijziging met een nieuw bericht moet worden doorgegeven.",
        new RuleScope(MessageType.Wmo301, "ToegewezenProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo301 { Client: { } client } m)
        {
            return;
        }

        for (var i = 0; i < client.ToegewezenProducten.Count; i++)
        {
            var product = client.ToegewezenProducten[i];
            if (AllocationVersions.Neighbour(Wmo301Register.OfNumber(m, before, product.ToewijzingNummer), product) is { } other)
            {
                Compare(other.Version, product, Wmo301Register.Product(i), report);
            }
        }
    }

    private void Compare(ToegewezenProduct earlier, ToegewezenProduct version, XmlPath path, RuleReport report)
    {
        if (earlier.Ingangsdatum != version.Ingangsdatum)
        {
            report.Add(Definition, path.Child("Ingangsdatum"), "Ingangsdatum differs from the earlier version with this ToewijzingNummer; only the Einddatum may move (OP033x1).");
        }

        if ((earlier.Omvang is null) != (version.Omvang is null) || (earlier.Budget is null) != (version.Budget is null))
        {
            report.Add(Definition, path, "ToegewezenProduct adds or drops an Omvang or a Budget against the earlier version with this ToewijzingNummer (OP033x1).");
            return;
        }

        if (earlier.Omvang is not { } was || version.Omvang is not { } now)
        {
            return;
        }

        var omvang = path.Child("Omvang");
        if (was.Eenheid != now.Eenheid)
        {
            report.Add(Definition, omvang.Child("Eenheid"), "Eenheid of the Omvang differs from the earlier version with this ToewijzingNummer (OP033x1).");
        }

        if (was.Frequentie != now.Frequentie)
        {
            report.Add(Definition, omvang.Child("Frequentie"), "Frequentie of the Omvang differs from the earlier version with this ToewijzingNummer (OP033x1).");
        }
        else if (was.Volume != now.Volume && now.Frequentie != TotaalBinnenGeldigheidsduur)
        {
            report.Add(
                Definition,
                omvang.Child("Volume"),
                "Volume differs from the earlier version with this ToewijzingNummer while the Frequentie is not 6 (totaal binnen geldigheidsduur toewijzing) (OP033x1).");
        }
    }
}
