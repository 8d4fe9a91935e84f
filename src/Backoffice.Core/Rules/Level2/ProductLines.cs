using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;

namespace Backoffice.Core.Rules.Level2;

/// <summary>
/// One product class of the allocation and request messages, seen alike by the conditions on
/// Product, Omvang, Budget and the end date (CD041, CD075 to CD080, CD095, CD096): ToegewezenProduct
/// (301), AangevraagdProduct (315), NieuwProduct and TeWijzigenProduct (317). The end date is
/// called ToewijzingEinddatum in the 315 and Einddatum elsewhere. A TeWijzigenProduct has no
/// Product element, so its <see cref="Product"/> is always null; the rules on Product do not look at it.
/// </summary>
internal sealed record ProductLine(
    string Class,
    XmlPath Path,
    Product? Product,
    DateOnly? Einddatum,
    string EinddatumElement,
    Omvang? Omvang,
    long? Budget)
{
    public XmlPath EinddatumPath => Path.Child(EinddatumElement);
}

/// <summary>The <see cref="ProductLine"/>s of one product list, in document order, each with its element path.</summary>
internal static class ProductLines
{
    private static readonly XmlPath Client = XmlPath.Bericht.Child("Client");

    /// <summary>
    /// The product lines of <paramref name="message"/> in exactly the classes <paramref name="rule"/>
    /// is switched on for, so what a rule checks follows from its declared scopes and cannot drift.
    /// </summary>
    public static IEnumerable<ProductLine> InScope(Messages.IwmoMessage message, RuleDefinition rule)
    {
        bool Has(string productClass) => rule.Scopes.Any(s => s.Message == message.Type && s.Class == productClass);
        return message switch
        {
            Wmo301 { Client: { } client } when Has("ToegewezenProduct") => ToegewezenProducten(client),
            Wmo315 { Client: { } client } when Has("AangevraagdProduct") => AangevraagdeProducten(client),
            Wmo317 { Client.Verzoek: { } verzoek } =>
                (Has("TeWijzigenProduct") ? TeWijzigenProducten(verzoek) : []).Concat(Has("NieuwProduct") ? NieuweProducten(verzoek) : []),
            _ => [],
        };
    }

    public static IEnumerable<ProductLine> ToegewezenProducten(ToewijzingClient client)
    {
        var list = Client.Child("ToegewezenProducten");
        return client.ToegewezenProducten.Select((p, i) =>
            new ProductLine("ToegewezenProduct", list.Item("ToegewezenProduct", i), p.Product, p.Einddatum, "Einddatum", p.Omvang, p.Budget));
    }

    public static IEnumerable<ProductLine> AangevraagdeProducten(VotClient client)
    {
        var list = Client.Child("AangevraagdeProducten");
        return client.AangevraagdeProducten.Select((p, i) =>
            new ProductLine("AangevraagdProduct", list.Item("AangevraagdProduct", i), p.Product, p.ToewijzingEinddatum, "ToewijzingEinddatum", p.Omvang, p.Budget));
    }

    public static IEnumerable<ProductLine> TeWijzigenProducten(Verzoek verzoek)
    {
        var list = Client.Child("Verzoek").Child("TeWijzigenProducten");
        return verzoek.TeWijzigenProducten.Select((p, i) =>
            new ProductLine("TeWijzigenProduct", list.Item("TeWijzigenProduct", i), null, p.Einddatum, "Einddatum", p.Omvang, p.Budget));
    }

    public static IEnumerable<ProductLine> NieuweProducten(Verzoek verzoek)
    {
        var list = Client.Child("Verzoek").Child("NieuweProducten");
        return verzoek.NieuweProducten.Select((p, i) =>
            new ProductLine("NieuwProduct", list.Item("NieuwProduct", i), p.Product, p.Einddatum, "Einddatum", p.Omvang, p.Budget));
    }
}
