using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Register;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level3;

/// <summary>
/// OP380 (new in 3.2; its text is in the iJw rule base, which iWmo shares): to prolong care, moving
/// the Einddatum of the existing allocation is mandatory when the volume stays the same or is empty,
/// the Frequentie is empty or not 6 and stays the same, and the existing allocation's Einddatum has
/// not passed when the prolongation is decided and sent. So a new allocation (a ToewijzingNummer
/// the register does not hold for this client and provider) is a finding when it only continues a
/// current one: the same Product, the same Omvang (both empty, or equal Volume, Eenheid and a
/// Frequentie other than 6), no Budget on either, starting the day after the current one's
/// Einddatum, which is not before the new version's Toewijzingsdatum nor before the Dagtekening.
/// A Budget is read like Frequentie 6, a total for the allocation's period, which a prolongation
/// changes; a current allocation this 301 deletes is not continued.
/// <para>
/// OP380 is a bedrijfsregel without a retourcode; our own 301 that breaks it is refused for staff
/// and never sent. It carries 9332 (TR332), the rule base's only code about allocation numbers, as
/// IV066 and OP033x1 do: here the prolongation should have kept the existing number.
/// </para>
/// </summary>
internal sealed class OP380 : IRegisterRule
{
    /// <summary>WMO757 code 6: "Totaal binnen geldigheidsduur toewijzing".</summary>
    private const string TotaalBinnenGeldigheidsduur = "6";

    public RuleDefinition Definition { get; } = RuleDefinition.Level3(
        "OP380",
        "9332",
        "Het oprekken van de einddatum van de bestaande toewijzing voor een verlenging van de zorg of ondersteuning is verplicht.",
        new RuleScope(MessageType.Wmo301, "ToegewezenProduct"));

    public void Check(IwmoMessage message, RegisterView before, RuleReport report)
    {
        if (message is not Wmo301 { Client: { } client } m)
        {
            return;
        }

        var recorded = Wmo301Register.OfClient(m, before).ToList();
        var current = AllocationState.Current(recorded);
        var deletedHere = client.ToegewezenProducten
            .Where(p => p.Einddatum == p.Ingangsdatum && p.RedenWijziging is "13" or "01")
            .Select(p => p.ToewijzingNummer)
            .ToHashSet();
        for (var i = 0; i < client.ToegewezenProducten.Count; i++)
        {
            var product = client.ToegewezenProducten[i];
            if (!Prolongable(product) || recorded.Any(a => a.Version.ToewijzingNummer == product.ToewijzingNummer))
            {
                continue;
            }

            if (current.Any(c => !deletedHere.Contains(c.Version.ToewijzingNummer) && Continues(product, c.Version, m.Header.BerichtIdentificatie.Dagtekening)))
            {
                report.Add(
                    Definition,
                    Wmo301Register.Product(i),
                    "ToegewezenProduct is a new allocation that only prolongs a current one with the same Product and Omvang whose Einddatum has not passed; its Einddatum must be moved instead (OP380).");
            }
        }
    }

    private static bool Prolongable(ToegewezenProduct p) => p.Budget is null && p.Omvang?.Frequentie != TotaalBinnenGeldigheidsduur;

    private static bool Continues(ToegewezenProduct next, ToegewezenProduct existing, DateOnly dagtekening) =>
        Prolongable(existing)
        && existing.Product == next.Product
        && existing.Omvang == next.Omvang
        && existing.Einddatum is { } end
        && next.Ingangsdatum == end.AddDays(1)
        && end >= next.Toewijzingsdatum
        && end >= dagtekening;
}
