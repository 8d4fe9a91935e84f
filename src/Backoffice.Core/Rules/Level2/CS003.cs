using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// CS003: an end date, when there is one, is on or after the start of its period. Each class of
/// the rule table has its own pair: Contact/Periode (Einddatum against Begindatum), ToegewezenProduct
/// (Einddatum against Ingangsdatum), AangevraagdProduct (ToewijzingEinddatum against
/// ToewijzingIngangsdatum), NieuwProduct and TeWijzigenProduct (Einddatum against GewensteIngangsdatum).
/// The same day at both ends is allowed ("groter dan, of gelijk").
/// </summary>
internal sealed class CS003 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "CS003",
        "Indien van toepassing vullen met een waarde die groter is dan, of gelijk is aan de Begindatum (of Ingangsdatum) van de aangeduide periode.",
        new(MessageType.Wmo301, "Contact"),
        new(MessageType.Wmo301, "ToegewezenProduct"),
        new(MessageType.Wmo315, "AangevraagdProduct"),
        new(MessageType.Wmo317, "NieuwProduct"),
        new(MessageType.Wmo317, "TeWijzigenProduct"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        var client = XmlPath.Bericht.Child("Client");
        switch (message)
        {
            case Wmo301 m:
                // "Contact" is one class wherever it stands: under Contactgegevens and under each Relatie.
                foreach (var (contact, path) in Wmo301Contacts.Of(m.Client))
                {
                    Periode(contact, path, report);
                }

                var producten = client.Child("ToegewezenProducten");
                for (var i = 0; i < m.Client.ToegewezenProducten.Count; i++)
                {
                    var p = m.Client.ToegewezenProducten[i];
                    if (p.Einddatum < p.Ingangsdatum)
                    {
                        report.Add(Definition, producten.Item("ToegewezenProduct", i).Child("Einddatum"), "Einddatum of the ToegewezenProduct lies before its Ingangsdatum (CS003).");
                    }
                }

                break;
            case Wmo315 m:
                var aangevraagd = client.Child("AangevraagdeProducten");
                for (var i = 0; i < m.Client.AangevraagdeProducten.Count; i++)
                {
                    var p = m.Client.AangevraagdeProducten[i];
                    if (p.ToewijzingEinddatum < p.ToewijzingIngangsdatum)
                    {
                        report.Add(
                            Definition,
                            aangevraagd.Item("AangevraagdProduct", i).Child("ToewijzingEinddatum"),
                            "ToewijzingEinddatum of the AangevraagdProduct lies before its ToewijzingIngangsdatum (CS003).");
                    }
                }

                break;
            case Wmo317 m:
                var verzoek = client.Child("Verzoek");
                var teWijzigen = verzoek.Child("TeWijzigenProducten");
                for (var i = 0; i < m.Client.Verzoek.TeWijzigenProducten.Count; i++)
                {
                    var p = m.Client.Verzoek.TeWijzigenProducten[i];
                    if (p.Einddatum < p.GewensteIngangsdatum)
                    {
                        report.Add(Definition, teWijzigen.Item("TeWijzigenProduct", i).Child("Einddatum"), "Einddatum of the TeWijzigenProduct lies before its GewensteIngangsdatum (CS003).");
                    }
                }

                var nieuw = verzoek.Child("NieuweProducten");
                for (var i = 0; i < m.Client.Verzoek.NieuweProducten.Count; i++)
                {
                    var p = m.Client.Verzoek.NieuweProducten[i];
                    if (p.Einddatum < p.GewensteIngangsdatum)
                    {
                        report.Add(Definition, nieuw.Item("NieuwProduct", i).Child("Einddatum"), "Einddatum of the NieuwProduct lies before its GewensteIngangsdatum (CS003).");
                    }
                }

                break;
        }
    }

    // CDT_OpenPeriode has both dates optional; without a Begindatum there is nothing to compare with.
    private void Periode(Contact? contact, XmlPath at, RuleReport report)
    {
        if (contact?.Periode is { Begindatum: { } begin, Einddatum: { } eind } && eind < begin)
        {
            report.Add(Definition, at.Child("Periode").Child("Einddatum"), "Einddatum of the Contact Periode lies before its Begindatum (CS003).");
        }
    }
}
