using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CS338 on the Omvang of a ToegewezenProduct (301) and of a NieuwProduct or TeWijzigenProduct
/// (317): with Eenheid 14 (etmaal), 16 (dagdeel), 83 (euro's) or 84 (stuks inspanning) and an
/// Einddatum after 2020-12-31 or none, Frequentie is 2 (per week), 4 (per maand) or 6 (totaal
/// binnen geldigheidsduur), so never 1 (per dag). The Einddatum is the product's own, next to the
/// Omvang. The finding points at the Frequentie.
/// </summary>
internal sealed class CS338 : IMessageRule
{
    private static readonly DateOnly LastDayOf2020 = new(2020, 12, 31);

    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS338",
        "Indien eenheid de waarde 14, 16, 83 of 84 heeft en Einddatum groter dan 31-12-2020 of leeg is, dan Frequentie vullen met de waarde 2 , 4 of 6",
        new(MessageType.Wmo301, "ToegewezenProduct"),
        new(MessageType.Wmo317, "NieuwProduct"),
        new(MessageType.Wmo317, "TeWijzigenProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        var client = XmlPath.Bericht.Child("Client");
        switch (message)
        {
            case Wmo301 m:
                var producten = client.Child("ToegewezenProducten");
                for (var i = 0; i < m.Client.ToegewezenProducten.Count; i++)
                {
                    var p = m.Client.ToegewezenProducten[i];
                    Omvang(p.Omvang, p.Einddatum, producten.Item("ToegewezenProduct", i), "ToegewezenProduct", report);
                }

                break;
            case Wmo317 m:
                var verzoek = client.Child("Verzoek");
                var teWijzigen = verzoek.Child("TeWijzigenProducten");
                for (var i = 0; i < m.Client.Verzoek.TeWijzigenProducten.Count; i++)
                {
                    var p = m.Client.Verzoek.TeWijzigenProducten[i];
                    Omvang(p.Omvang, p.Einddatum, teWijzigen.Item("TeWijzigenProduct", i), "TeWijzigenProduct", report);
                }

                var nieuw = verzoek.Child("NieuweProducten");
                for (var i = 0; i < m.Client.Verzoek.NieuweProducten.Count; i++)
                {
                    var p = m.Client.Verzoek.NieuweProducten[i];
                    Omvang(p.Omvang, p.Einddatum, nieuw.Item("NieuwProduct", i), "NieuwProduct", report);
                }

                break;
        }
    }

    /// <summary>
    /// The condition shared with CS343 (the same constraint on the 315, with ToewijzingEinddatum):
    /// true when <paramref name="omvang"/> has one of the four units, the end date is after 2020
    /// or absent, and the Frequentie is not 2, 4 or 6.
    /// </summary>
    internal static bool Breaks(Omvang? omvang, DateOnly? einddatum) =>
        omvang is { Eenheid: "14" or "16" or "83" or "84" }
        && (einddatum is null || einddatum > LastDayOf2020)
        && omvang.Frequentie is not ("2" or "4" or "6");

    private void Omvang(Omvang? omvang, DateOnly? einddatum, XmlPath product, string name, RuleReport report)
    {
        if (Breaks(omvang, einddatum))
        {
            report.Add(
                Definition,
                product.Child("Omvang").Child("Frequentie"),
                $"Frequentie of the {name} Omvang must be 2, 4 or 6 with Eenheid 14, 16, 83 or 84 and an Einddatum after 2020-12-31 or none (CS338).");
        }
    }
}
