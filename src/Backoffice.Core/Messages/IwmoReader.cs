using System.Globalization;
using System.Runtime.InteropServices;
using System.Xml;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;
using Backoffice.Core.Xml;

namespace Backoffice.Core.Messages;

/// <summary>
/// Reads an iWmo 3.2 message into its record, streaming: one forward pass, each class read into
/// its record as it goes by, so memory is the record and not a document tree. The input is expected
/// to be XSD-valid already (level 1 is checked elsewhere, or in the same pass: see
/// <see cref="Validation.MessageValidator"/>), but anything else comes back as a <see cref="ReadFailure"/>,
/// never as an exception.
/// </summary>
public static class IwmoReader
{
    private const string IstandaardenRoot = "http://www.istandaarden.nl/";
    private const string IjwRoot = IstandaardenRoot + "ijw/";
    private const string IwmoRoot = IstandaardenRoot + "iwmo/";

    private static readonly XmlReaderSettings Settings = UntrustedXml.ReaderSettings();

    public static ReadResult Read(Stream xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        try
        {
            using var reader = XmlReader.Create(xml, Settings);
            var pass = new XmlPass(reader);
            var result = Read(pass);

            // Not well-formed anywhere, even after what the record needed, outranks any other failure.
            pass.ReadToEnd();
            return result;
        }
        catch (XmlException e)
        {
            // XmlException texts can quote content; only the position is passed on.
            return ReadResult.Fail(ReadFailureKind.NotWellFormed, $"Not well-formed XML or a DTD is present (line {e.LineNumber}, position {e.LinePosition}).");
        }
    }

    public static ReadResult Read(ReadOnlyMemory<byte> xml)
    {
        using var stream = MemoryMarshal.TryGetArray(xml, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(xml.ToArray(), writable: false);
        return Read(stream);
    }

    /// <summary>I/O faults (missing file, no access) are not bad input and do throw.</summary>
    public static ReadResult ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>
    /// Reads the message from a pass that may be shared with level 1, up to the root's end tag.
    /// XML errors are not caught here: they belong to whoever runs the pass (level 1 reports them).
    /// </summary>
    internal static ReadResult Read(XmlPass pass)
    {
        var reader = pass.Reader;
        while (reader.NodeType != XmlNodeType.Element)
        {
            if (!pass.Read())
            {
                return ReadResult.Fail(ReadFailureKind.NotWellFormed, "The document has no root element.");
            }
        }

        var ns = reader.NamespaceURI;
        var type = MessageType.FromNamespace(ns);
        if (type is null)
        {
            return ns.StartsWith(IjwRoot, StringComparison.Ordinal)
                ? ReadResult.Fail(ReadFailureKind.OtherStandard, $"Root namespace '{ns}' is iJw (youth), not iWmo.")
                : ns.StartsWith(IwmoRoot, StringComparison.Ordinal)
                    ? ReadResult.Fail(ReadFailureKind.OtherRelease, $"Root namespace '{ns}' is not an iWmo 3.2 message namespace.")
                    : ReadResult.Fail(ReadFailureKind.UnknownNamespace, "Root namespace is not an iStandaarden message namespace.");
        }

        if (reader.LocalName != "Bericht")
        {
            return ReadResult.Fail(ReadFailureKind.UnknownNamespace, $"Root element is '{reader.LocalName}', expected 'Bericht'.", type);
        }

        try
        {
            var root = ElementCursor.Root(pass);
            var header = root.Class("Header");
            if (CheckHeaderCodes(header, type) is { } failure)
            {
                return failure;
            }

            var message = ReadBody(root, header, type);
            root.Finish();
            return ReadResult.Success(message);
        }
        catch (MalformedMessageException e)
        {
            return ReadResult.Fail(ReadFailureKind.Malformed, e.Message, type);
        }
    }

    /// <summary>The first three header elements, which say what the message is; the rest of the header is read with the body.</summary>
    private static ReadResult? CheckHeaderCodes(ElementCursor header, MessageType type)
    {
        var code = header.Str("BerichtCode").Trim();
        if (code != type.BerichtCode.ToString(CultureInfo.InvariantCulture))
        {
            var named = int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                && MessageType.FromBerichtCode(number) is { } other
                ? $"{number} ({other})"
                : "not an iWmo 3.2 code";
            return ReadResult.Fail(ReadFailureKind.BerichtCodeMismatch, $"Namespace is {type} ({type.BerichtCode}) but Header/BerichtCode is {named}.", type);
        }

        // BerichtVersie 3 and BerichtSubversie 2 are fixed by the 3.2 XSDs (CS025, CS015).
        if (header.Int("BerichtVersie") != 3 || header.Int("BerichtSubversie") != 2)
        {
            return ReadResult.Fail(ReadFailureKind.OtherRelease, "Header/BerichtVersie and BerichtSubversie are not 3 and 2.", type);
        }

        return null;
    }

    /// <summary>
    /// The rest of the header, then the body. Every reader below asks for the elements in the order
    /// of the XSD sequence (the cursor reads forward only), C# evaluating arguments left to right.
    /// </summary>
    private static IwmoMessage ReadBody(ElementCursor root, ElementCursor h, MessageType type)
    {
        return type.Name switch
        {
            "WMO301" => new Wmo301(HeenHeader(h), ToewijzingClient(root.Class("Client"))),
            "WMO302" => new Wmo302(RetourHeader(h), root.OptClass("Client") is { } c302 ? ToewijzingClientRetour(c302) : null),
            "WMO305" => new Wmo305(HeenHeader(h), StartClient(root.Class("Client"))),
            "WMO306" => new Wmo306(RetourHeader(h), root.OptClass("Client") is { } c306 ? StartClientRetour(c306) : null),
            "WMO307" => new Wmo307(HeenHeader(h), StopClient(root.Class("Client"))),
            "WMO308" => new Wmo308(RetourHeader(h), root.OptClass("Client") is { } c308 ? StopClientRetour(c308) : null),
            "WMO315" => new Wmo315(HeenHeader(h), VotClient(root.Class("Client"))),
            "WMO316" => new Wmo316(RetourHeader(h), root.OptClass("Client") is { } c316 ? VotClientRetour(c316) : null),
            "WMO317" => new Wmo317(HeenHeader(h), VowClient(root.Class("Client"))),
            "WMO318" => new Wmo318(RetourHeader(h), root.OptClass("Client") is { } c318 ? VowClientRetour(c318) : null),
            "WMO319" => new Wmo319(HeenHeader(h), Antwoord(root.Class("Antwoord"))),
            "WMO320" => new Wmo320(RetourHeader(h), root.OptClass("Antwoord") is { } a320 ? AntwoordRetour(a320) : null),
            "WMO323" => new Wmo323(HeenHeader(h), Declaratie(root.Class("Declaratie"))),
            "WMO325" => new Wmo325(DeclaratieAntwoordHeader(h), root.OptClass("DeclaratieAntwoord") is { } d325 ? DeclaratieAntwoord(d325) : null),
            _ => throw new InvalidOperationException($"MessageType {type} has no reader."),
        };
    }

    // Headers (iwmo-3.2.md §4).

    private static Header HeenHeader(ElementCursor h) =>
        new(h.Str("Afzender"), h.Str("Ontvanger"), BerichtIdentificatie(h.Cdt("BerichtIdentificatie")), XsdVersie(h.Cdt("XsdVersie")));

    private static RetourHeader RetourHeader(ElementCursor h) =>
        new(h.Str("Afzender"), h.Str("Ontvanger"), BerichtIdentificatie(h.Cdt("BerichtIdentificatie")), XsdVersie(h.Cdt("XsdVersie")),
            h.Str("IdentificatieRetour"), h.Date("DagtekeningRetour"), h.OptStr("XsltVersie"), XsdVersie(h.Cdt("XsdVersieRetour")),
            h.OptRetourCodes());

    private static DeclaratieAntwoordHeader DeclaratieAntwoordHeader(ElementCursor h) =>
        new(h.Str("Afzender"), h.Str("Ontvanger"), BerichtIdentificatie(h.Cdt("BerichtIdentificatie")), XsdVersie(h.Cdt("XsdVersie")),
            BerichtIdentificatie(h.Cdt("DeclaratieIdentificatie")), h.OptStr("XsltVersie"), XsdVersie(h.Cdt("XsdVersieDeclaratie")),
            h.RetourCodes());

    // Composite (CDT_*) types.

    private static BerichtIdentificatie BerichtIdentificatie(ElementCursor c) => new(c.Str("Identificatie"), c.Date("Dagtekening"));

    private static XsdVersie XsdVersie(ElementCursor c) => new(c.Str("BasisschemaXsdVersie"), c.Str("BerichtXsdVersie"));

    private static Geboortedatum Geboortedatum(ElementCursor c) => new(c.Date("Datum"), c.OptStr("DatumGebruik"));

    private static Achternaamgegevens Achternaam(ElementCursor c) => new(c.Str("Achternaam"), c.OptStr("Voorvoegsel"));

    private static VolledigeNaam VolledigeNaam(ElementCursor c) =>
        new(Achternaam(c.Cdt("Geslachtsnaam")), c.OptCdt("Partnernaam") is { } p ? Achternaam(p) : null,
            c.OptStr("Voornamen"), c.OptStr("Voorletters"), c.Str("NaamGebruik"));

    private static VerkorteNaam VerkorteNaam(ElementCursor c) =>
        new(Achternaam(c.Cdt("Geslachtsnaam")), c.OptStr("Voornamen"), c.OptStr("Voorletters"));

    private static Communicatie Communicatie(ElementCursor c) => new(c.Str("Vorm"), c.OptStr("Taal"));

    private static Adres Adres(ElementCursor c) =>
        new(c.OptCdt("Huis") is { } h ? Huis(h) : null, c.OptStr("Postcode"), c.OptStr("Straatnaam"), c.OptStr("Plaatsnaam"), c.OptStr("LandCode"));

    private static Huis Huis(ElementCursor c) =>
        new(c.Int("Huisnummer"), c.OptStr("Huisletter"), c.OptStr("HuisnummerToevoeging"), c.OptStr("AanduidingWoonadres"));

    private static Telefoonnummers Telefoonnummers(ElementCursor c) =>
        new(Telefoon(c.Cdt("Telefoon01")), c.OptCdt("Telefoon02") is { } t ? Telefoon(t) : null);

    private static Telefoon Telefoon(ElementCursor c) => new(c.Str("Telefoonnummer"), c.Str("Landnummer"));

    private static OpenPeriode OpenPeriode(ElementCursor c) => new(c.OptDate("Begindatum"), c.OptDate("Einddatum"));

    private static GeslotenPeriode GeslotenPeriode(ElementCursor c) => new(c.Date("Begindatum"), c.Date("Einddatum"));

    private static Product Product(ElementCursor c) => new(c.Code("Categorie"), c.OptCode("Code"));

    private static Omvang Omvang(ElementCursor c) => new(c.Long("Volume"), c.Code("Eenheid"), c.Code("Frequentie"));

    private static Verwijzer Verwijzer(ElementCursor c) => new(c.Str("Type"), c.OptStr("Naam"), c.OptStr("ZorgverlenerCode"));

    private static Referentie Referentie(ElementCursor c) => new(c.Str("ReferentieNummer"), c.OptStr("VorigReferentieNummer"));

    private static BedragMetDC BedragMetDC(ElementCursor c) => new(c.Long("Bedrag"), c.DebetCredit("DebetCredit"));

    private static TotaalBedragMetDC TotaalBedragMetDC(ElementCursor c)
    {
        var (totaal, asSent) = c.LongAsSent("TotaalBedrag");
        return new(totaal, c.DebetCredit("DebetCredit")) { TotaalBedragAsSent = asSent };
    }

    private static Product? OptProduct(ElementCursor c) => c.OptCdt("Product") is { } p ? Product(p) : null;

    private static Omvang? OptOmvang(ElementCursor c) => c.OptCdt("Omvang") is { } o ? Omvang(o) : null;

    // WMO301 / WMO302. A retour class reads its heen part with the heen reader, then its RetourCodes (IV028).

    private static ToewijzingClient ToewijzingClient(ElementCursor c) =>
        new(ToewijzingClientGegevens(c),
            c.List("Relaties", "Relatie", required: false, Relatie),
            c.List("Contactgegevens", "Contact", required: true, Contact),
            c.List("ToegewezenProducten", "ToegewezenProduct", required: true, ToegewezenProduct));

    private static ToewijzingClientRetour ToewijzingClientRetour(ElementCursor c) =>
        new(ToewijzingClientGegevens(c),
            c.List("Relaties", "Relatie", required: false, RelatieRetour),
            c.List("Contactgegevens", "Contact", required: true, ContactRetour),
            c.List("ToegewezenProducten", "ToegewezenProduct", required: true, p => new ToegewezenProductRetour(ToegewezenProduct(p), p.RetourCodes())),
            c.RetourCodes());

    private static ToewijzingClientGegevens ToewijzingClientGegevens(ElementCursor c) =>
        new(c.Str("Bsn"), Geboortedatum(c.Cdt("Geboortedatum")), c.Str("Geslacht"), VolledigeNaam(c.Cdt("Naam")),
            c.OptCdt("Communicatie") is { } k ? Communicatie(k) : null, c.OptStr("JuridischeStatus"),
            c.OptStr("WettelijkeVertegenwoordiging"), c.OptStr("Commentaar"));

    private static Relatie Relatie(ElementCursor c) => new(RelatieGegevens(c), Contact(c.Class("Contact")));

    private static RelatieRetour RelatieRetour(ElementCursor c) => new(RelatieGegevens(c), ContactRetour(c.Class("Contact")), c.RetourCodes());

    private static RelatieGegevens RelatieGegevens(ElementCursor c) =>
        new(c.Str("Nummer"), c.OptInt("Volgorde"), c.Str("Soort"), c.OptCdt("Geboortedatum") is { } g ? Geboortedatum(g) : null,
            c.OptStr("Geslacht"), VolledigeNaam(c.Cdt("Naam")));

    private static Contact Contact(ElementCursor c) =>
        new(c.Str("Soort"), c.OptCdt("Adres") is { } a ? Adres(a) : null, c.OptStr("Organisatie"),
            c.OptCdt("Telefoon") is { } t ? Telefoonnummers(t) : null, c.OptStr("Emailadres"),
            c.OptCdt("Periode") is { } p ? OpenPeriode(p) : null);

    private static ContactRetour ContactRetour(ElementCursor c) => new(Contact(c), c.RetourCodes());

    private static ToegewezenProduct ToegewezenProduct(ElementCursor c)
    {
        var (nummer, asSent) = c.IntAsSent("ToewijzingNummer");
        return new(nummer, c.OptStr("ReferentieAanbieder"), OptProduct(c), c.Date("Toewijzingsdatum"),
            c.Time("Toewijzingstijd"), c.Date("Ingangsdatum"), c.OptDate("Einddatum"), c.OptStr("RedenWijziging"),
            OptOmvang(c), c.OptLong("Budget"), c.OptStr("Commentaar"))
        { ToewijzingNummerAsSent = asSent };
    }

    // WMO305 - WMO308.

    private static VerkorteClientGegevens VerkorteClientGegevens(ElementCursor c) =>
        new(c.Str("Bsn"), Geboortedatum(c.Cdt("Geboortedatum")), c.Str("Geslacht"), VerkorteNaam(c.Cdt("Naam")));

    private static StartClient StartClient(ElementCursor c) =>
        new(VerkorteClientGegevens(c), c.List("StartProducten", "StartProduct", required: true, StartProduct));

    private static StartClientRetour StartClientRetour(ElementCursor c) =>
        new(VerkorteClientGegevens(c),
            c.List("StartProducten", "StartProduct", required: true, p => new StartProductRetour(StartProduct(p), p.RetourCodes())),
            c.RetourCodes());

    private static StartProduct StartProduct(ElementCursor c)
    {
        var (nummer, asSent) = c.OptIntAsSent("ToewijzingNummer");
        return new(nummer, OptProduct(c), c.OptDate("ToewijzingIngangsdatum"), c.Date("Begindatum"), c.Str("StatusAanlevering"))
        { ToewijzingNummerAsSent = asSent };
    }

    private static StopClient StopClient(ElementCursor c) =>
        new(VerkorteClientGegevens(c), c.List("StopProducten", "StopProduct", required: true, StopProduct));

    private static StopClientRetour StopClientRetour(ElementCursor c) =>
        new(VerkorteClientGegevens(c),
            c.List("StopProducten", "StopProduct", required: true, p => new StopProductRetour(StopProduct(p), p.RetourCodes())),
            c.RetourCodes());

    private static StopProduct StopProduct(ElementCursor c)
    {
        var (nummer, asSent) = c.OptIntAsSent("ToewijzingNummer");
        return new(nummer, OptProduct(c), c.OptDate("ToewijzingIngangsdatum"), c.Date("Begindatum"),
            c.Str("RedenBeeindiging"), c.Date("Einddatum"), c.Str("StatusAanlevering"))
        { ToewijzingNummerAsSent = asSent };
    }

    // WMO315 - WMO320.

    private static VotClient VotClient(ElementCursor c) =>
        new(VerkorteClientGegevens(c), c.OptStr("Commentaar"),
            c.List("AangevraagdeProducten", "AangevraagdProduct", required: true, AangevraagdProduct));

    private static VotClientRetour VotClientRetour(ElementCursor c) =>
        new(VerkorteClientGegevens(c), c.OptStr("Commentaar"),
            c.List("AangevraagdeProducten", "AangevraagdProduct", required: true, p => new AangevraagdProductRetour(AangevraagdProduct(p), p.RetourCodes())),
            c.RetourCodes());

    private static AangevraagdProduct AangevraagdProduct(ElementCursor c) =>
        new(c.Str("ReferentieAanbieder"), c.OptInt("BeschikkingNummer"), OptProduct(c), c.OptDate("BeschikkingIngangsdatum"),
            c.Date("ToewijzingIngangsdatum"), c.OptDate("ToewijzingEinddatum"), OptOmvang(c), c.OptLong("Budget"),
            Verwijzer(c.Cdt("Verwijzer")), c.OptStr("Raamcontract"), c.OptStr("Commentaar"));

    private static VowClient VowClient(ElementCursor c) => new(c.Str("Bsn"), Verzoek(c.Class("Verzoek")));

    private static VowClientRetour VowClientRetour(ElementCursor c) => new(c.Str("Bsn"), VerzoekRetour(c.Class("Verzoek")), c.RetourCodes());

    private static Verzoek Verzoek(ElementCursor c) =>
        new(c.Str("ReferentieAanbieder"), c.Str("RedenVerzoek"),
            c.List("OngewijzigdeProducten", "OngewijzigdProduct", required: false, OngewijzigdProduct),
            c.List("TeWijzigenProducten", "TeWijzigenProduct", required: false, TeWijzigenProduct),
            c.List("NieuweProducten", "NieuwProduct", required: false, NieuwProduct));

    private static VerzoekRetour VerzoekRetour(ElementCursor c) =>
        new(c.Str("ReferentieAanbieder"), c.Str("RedenVerzoek"),
            c.List("OngewijzigdeProducten", "OngewijzigdProduct", required: false, p => new OngewijzigdProductRetour(OngewijzigdProduct(p), p.RetourCodes())),
            c.List("TeWijzigenProducten", "TeWijzigenProduct", required: false, p => new TeWijzigenProductRetour(TeWijzigenProduct(p), p.RetourCodes())),
            c.List("NieuweProducten", "NieuwProduct", required: false, p => new NieuwProductRetour(NieuwProduct(p), p.RetourCodes())),
            c.RetourCodes());

    private static OngewijzigdProduct OngewijzigdProduct(ElementCursor c)
    {
        var (nummer, asSent) = c.IntAsSent("ToewijzingNummer");
        return new(nummer) { ToewijzingNummerAsSent = asSent };
    }

    private static TeWijzigenProduct TeWijzigenProduct(ElementCursor c)
    {
        var (nummer, asSent) = c.IntAsSent("ToewijzingNummer");
        return new(nummer, c.Date("GewensteIngangsdatum"), c.OptDate("Einddatum"), OptOmvang(c), c.OptLong("Budget")) { ToewijzingNummerAsSent = asSent };
    }

    private static NieuwProduct NieuwProduct(ElementCursor c) =>
        new(OptProduct(c), c.Date("GewensteIngangsdatum"), c.OptDate("Einddatum"), OptOmvang(c), c.OptLong("Budget"));

    private static Antwoord Antwoord(ElementCursor c) =>
        new(c.Str("ReferentieAanbieder"), c.Str("VerzoekAntwoord"), c.OptStr("RedenAfwijzingVerzoek"));

    private static AntwoordRetour AntwoordRetour(ElementCursor c) => new(Antwoord(c), c.RetourCodes());

    // WMO323 / WMO325.

    private static Declaratie Declaratie(ElementCursor c) =>
        new(c.Str("DeclaratieNummer"), GeslotenPeriode(c.Cdt("DeclaratiePeriode")), c.Date("DeclaratieDagtekening"),
            TotaalBedragMetDC(c.Cdt("TotaalIngediendBedrag")),
            c.List("Clienten", "Client", required: true, k => new DeclaratieClient(k.Str("Bsn"), k.List("Prestaties", "Prestatie", required: true, Prestatie))));

    private static Prestatie Prestatie(ElementCursor c) =>
        new(Referentie(c.Cdt("ProductReferentie")), c.Int("ToewijzingNummer"), c.Code("ProductCategorie"), c.Code("ProductCode"),
            GeslotenPeriode(c.Cdt("ProductPeriode")), c.Long("GeleverdVolume"), c.Code("Eenheid"), c.OptLong("ProductTarief"),
            BedragMetDC(c.Cdt("IngediendBedrag")));

    private static DeclaratieAntwoord DeclaratieAntwoord(ElementCursor c) =>
        new(c.Str("DeclaratieNummer"), TotaalBedragMetDC(c.Cdt("TotaalIngediendBedrag")), TotaalBedragMetDC(c.Cdt("TotaalToegekendBedrag")),
            c.List("Clienten", "Client", required: false, DeclaratieAntwoordClient), c.RetourCodes());

    private static DeclaratieAntwoordClient DeclaratieAntwoordClient(ElementCursor c) =>
        new(c.Str("Bsn"),
            c.List("Prestaties", "Prestatie", required: true, p => new DeclaratieAntwoordPrestatie(Prestatie(p), p.RetourCodes())),
            c.RetourCodes());
}
