using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// TR101: no class may occur twice within its parent with the same logical key (toelichting: the
/// key together with the keys of the classes above it must be unique). The keys are the ones the
/// official stylesheet compares (iwmo-3.2.md §8.11): StartProduct (ToewijzingNummer, Product,
/// Begindatum) and StopProduct (the same plus RedenBeeindiging and Einddatum) without
/// StatusAanlevering, so deleting and re-sending one key in one 305/307 is a duplicate too; a
/// Prestatie by ReferentieNummer together with VorigReferentieNummer. An element absent in both
/// counts as equal. A ToewijzingNummer in a key is compared as text, as the stylesheet compares
/// it: "0123" and "123" are different keys (see <see cref="AsSent"/>). Single classes (the 301
/// Client, Verzoek, Declaratie) cannot repeat and are not checked. Every repeat after the first is a
/// finding, at the repeating class.
/// </summary>
internal sealed class TR101 : IMessageRule
{
    public RuleDefinition Definition { get; } = RuleDefinition.Level2(
        "TR101",
        "Binnen een bericht zijn dubbele regels niet toegestaan.",
        new(MessageType.Wmo301, "Relatie"),
        new(MessageType.Wmo301, "Contact"),
        new(MessageType.Wmo301, "ToegewezenProduct"),
        new(MessageType.Wmo305, "StartProduct"),
        new(MessageType.Wmo307, "StopProduct"),
        new(MessageType.Wmo315, "AangevraagdProduct"),
        new(MessageType.Wmo317, "OngewijzigdProduct"),
        new(MessageType.Wmo317, "TeWijzigenProduct"),
        new(MessageType.Wmo317, "NieuwProduct"),
        new(MessageType.Wmo323, "Client"),
        new(MessageType.Wmo323, "Prestatie"),
        new(MessageType.Wmo325, "Client"),
        new(MessageType.Wmo325, "Prestatie"));

    public void Check(IwmoMessage message, RuleReport report)
    {
        var client = XmlPath.Bericht.Child("Client");
        switch (message)
        {
            case Wmo301 { Client: { } c }:
                Repeats(c.Relaties, r => r.Gegevens?.Nummer, client.Child("Relaties"), "Relatie", "Nummer", report);
                Repeats(c.Contactgegevens, k => k.Soort, client.Child("Contactgegevens"), "Contact", "Soort", report);
                Repeats(c.ToegewezenProducten, p => Nummer(p.ToewijzingNummer, p.ToewijzingNummerAsSent), client.Child("ToegewezenProducten"), "ToegewezenProduct", "ToewijzingNummer", report);
                break;
            case Wmo305 { Client: { } c }:
                Repeats(
                    c.StartProducten,
                    p => (Nummer(p.ToewijzingNummer, p.ToewijzingNummerAsSent), p.Product?.Categorie, p.Product?.Code, p.Begindatum),
                    client.Child("StartProducten"),
                    "StartProduct",
                    "ToewijzingNummer, Product and Begindatum (StatusAanlevering does not count)",
                    report);
                break;
            case Wmo307 { Client: { } c }:
                Repeats(
                    c.StopProducten,
                    p => (Nummer(p.ToewijzingNummer, p.ToewijzingNummerAsSent), p.Product?.Categorie, p.Product?.Code, p.Begindatum, p.RedenBeeindiging, p.Einddatum),
                    client.Child("StopProducten"),
                    "StopProduct",
                    "ToewijzingNummer, Product, Begindatum, RedenBeeindiging and Einddatum (StatusAanlevering does not count)",
                    report);
                break;
            case Wmo315 { Client: { } c }:
                Repeats(c.AangevraagdeProducten, p => p.ReferentieAanbieder, client.Child("AangevraagdeProducten"), "AangevraagdProduct", "ReferentieAanbieder", report);
                break;
            case Wmo317 { Client.Verzoek: { } v }:
                var verzoek = client.Child("Verzoek");
                Repeats(v.OngewijzigdeProducten, p => Nummer(p.ToewijzingNummer, p.ToewijzingNummerAsSent), verzoek.Child("OngewijzigdeProducten"), "OngewijzigdProduct", "ToewijzingNummer", report);
                Repeats(v.TeWijzigenProducten, p => Nummer(p.ToewijzingNummer, p.ToewijzingNummerAsSent), verzoek.Child("TeWijzigenProducten"), "TeWijzigenProduct", "ToewijzingNummer", report);
                Repeats(
                    v.NieuweProducten,
                    p => (p.Product?.Categorie, p.Product?.Code, p.GewensteIngangsdatum),
                    verzoek.Child("NieuweProducten"),
                    "NieuwProduct",
                    "Product and GewensteIngangsdatum",
                    report);
                break;
            case Wmo323 { Declaratie: { } d }:
                Repeats(d.Clienten, k => k.Bsn, DeclaratieLines.Clienten(antwoord: false), "Client", "Bsn", report);
                Prestaties(DeclaratieLines.Of(d), report);
                break;
            case Wmo325 { DeclaratieAntwoord: { } a }:
                Repeats(a.Clienten, k => k.Bsn, DeclaratieLines.Clienten(antwoord: true), "Client", "Bsn", report);
                Prestaties(DeclaratieLines.Of(a), report);
                break;
        }
    }

    /// <summary>
    /// The Prestaties under each Client by ProductReferentie, as <see cref="Repeats"/> compares but in
    /// one pass over the declaration's lines (they come client by client): one set, emptied when the
    /// client changes (made anew after a large client, as emptying costs its capacity), and a path only
    /// for a repeat.
    /// </summary>
    private void Prestaties(DeclaratieLines.Sequence lines, RuleReport report)
    {
        var seen = new HashSet<(string?, string?)>();
        var client = -1;
        foreach (var line in lines)
        {
            if (line.Client != client)
            {
                client = line.Client;
                DeclaratieLines.ResetForNextClient(ref seen);
            }

            var referentie = line.Prestatie.ProductReferentie;
            if (!seen.Add((referentie?.ReferentieNummer, referentie?.VorigReferentieNummer)))
            {
                report.Add(
                    Definition,
                    line.Path,
                    "Prestatie repeats the ProductReferentie (ReferentieNummer with VorigReferentieNummer) of an earlier Prestatie under the same parent (TR101).");
            }
        }
    }

    /// <summary>ToewijzingNummer as the key compares it: its text.</summary>
    private static string? Nummer(int? value, string? asSent) => value is { } v ? AsSent.Text(v, asSent) : null;

    /// <summary>A finding on every item whose key an earlier sibling already had.</summary>
    private void Repeats<T, TKey>(IReadOnlyList<T> items, Func<T, TKey> key, XmlPath parent, string item, string keyNames, RuleReport report)
    {
        var seen = new HashSet<TKey>();
        for (var i = 0; i < items.Count; i++)
        {
            if (!seen.Add(key(items[i])))
            {
                report.Add(Definition, parent.Item(item, i), $"{item} repeats the {keyNames} of an earlier {item} under the same parent (TR101).");
            }
        }
    }
}
