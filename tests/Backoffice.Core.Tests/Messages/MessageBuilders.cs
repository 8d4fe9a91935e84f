using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Verzoeken;
using RetourHeaderRecord = Backoffice.Core.Messages.Common.RetourHeader;

namespace Backoffice.Core.Tests.Messages;

/// <summary>
/// Test data with sensible defaults; a test overrides only what it is about (style.md habit 11).
/// Records are immutable, so further tweaks use <c>with</c>.
/// </summary>
internal static class MessageBuilders
{
    public static readonly DateOnly Dagtekening = new(2023, 4, 3);

    public static Header Header(string afzender = "42420001", string ontvanger = "0384", string identificatie = "VOW0001") =>
        new(afzender, ontvanger, new BerichtIdentificatie(identificatie, Dagtekening), XsdVersie.Iwmo32);

    public static RetourHeader RetourHeader(
        Header? heen = null,
        string identificatieRetour = "RET0001",
        string? xsltVersie = null,
        params string[] retourCodes)
    {
        var header = RetourHeaderRecord.For(heen ?? Header(), identificatieRetour, Dagtekening.AddDays(1),
            retourCodes.Length == 0 ? null : retourCodes.ToEquatableArray());
        return header with { XsltVersie = xsltVersie };
    }

    public static EquatableArray<string> Codes(params string[] codes) => codes.ToEquatableArray();

    /// <summary>A 318 that rejects one TeWijzigenProduct (TR350 → 9350) and returns the rest with 0200/0233.</summary>
    public static Wmo318 Wmo318(
        RetourHeader? header = null,
        string bsn = "999900006",
        string referentieAanbieder = "VOW-2023-0001",
        string teWijzigenCode = "9350",
        bool withClient = true)
    {
        var verzoek = new VerzoekRetour(
            referentieAanbieder,
            RedenVerzoek: "1",
            OngewijzigdeProducten: [new OngewijzigdProductRetour(new OngewijzigdProduct(10071), Codes("0200"))],
            TeWijzigenProducten:
            [
                new TeWijzigenProductRetour(
                    new TeWijzigenProduct(10072, new DateOnly(2023, 5, 1), new DateOnly(2023, 12, 31), new Omvang(4, "04", "2"), null),
                    Codes(teWijzigenCode)),
                new TeWijzigenProductRetour(
                    new TeWijzigenProduct(10073, new DateOnly(2023, 5, 1), new DateOnly(2023, 12, 31), null, 125000),
                    Codes("0233")),
            ],
            NieuweProducten:
            [
                new NieuwProductRetour(
                    new NieuwProduct(new Product("02", "02A01"), new DateOnly(2023, 5, 1), null, new Omvang(6, "16", "2"), null),
                    Codes("0233")),
            ],
            RetourCodes: Codes("0200"));

        return new Wmo318(
            header ?? RetourHeader(retourCodes: "0200"),
            withClient ? new VowClientRetour(bsn, verzoek, Codes("0200")) : null);
    }
}
