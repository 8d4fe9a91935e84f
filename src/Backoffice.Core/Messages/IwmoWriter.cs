using System.Text;
using System.Xml;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Standard;

namespace Backoffice.Core.Messages;

/// <summary>
/// Writes a message record as iWmo 3.2 XML: UTF-8 without BOM and CR/LF line ends (OP192),
/// prefixes as in the official samples (<c>wmo323:</c>, <c>iwmo:</c>) and elements in the order
/// of the XSD sequences. Whether the values satisfy the XSD facets is the caller's business; the
/// output is meant to be validated before it is sent.
/// </summary>
public static class IwmoWriter
{
    /// <summary>
    /// The technical file format every iWmo file must have (OP192): UTF-8 without a byte order
    /// mark, CR/LF line ends. Anything that writes iWmo XML uses these settings.
    /// </summary>
    public static XmlWriterSettings FileFormat() => new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "\t",
        NewLineChars = "\r\n",
        NewLineHandling = NewLineHandling.Replace,
        CloseOutput = false,
    };

    public static void Write(IwmoMessage message, Stream output)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        using var xml = XmlWriter.Create(output, FileFormat());
        var w = new ElementWriter(xml, message.Type);
        xml.WriteStartDocument();
        xml.WriteStartElement(w.Prefix, "Bericht", message.Type.Namespace);
        xml.WriteAttributeString("xmlns", ElementWriter.BasisPrefix, null, MessageType.BasisschemaNamespace);
        xml.WriteAttributeString("xmlns", w.Prefix, null, message.Type.Namespace);
        WriteBody(w, message);
        xml.WriteEndElement();
        xml.WriteEndDocument();
    }

    public static byte[] ToBytes(IwmoMessage message)
    {
        using var stream = new MemoryStream();
        Write(message, stream);
        return stream.ToArray();
    }

    private static void WriteBody(ElementWriter w, IwmoMessage message)
    {
        switch (message)
        {
            case Wmo301 m: HeenHeader(w, m.Header); ToewijzingClient(w, m.Client); break;
            case Wmo302 m: RetourHeader(w, m.Header); w.Opt(m.Client, ToewijzingClientRetour); break;
            case Wmo305 m: HeenHeader(w, m.Header); StartClient(w, m.Client); break;
            case Wmo306 m: RetourHeader(w, m.Header); w.Opt(m.Client, StartClientRetour); break;
            case Wmo307 m: HeenHeader(w, m.Header); StopClient(w, m.Client); break;
            case Wmo308 m: RetourHeader(w, m.Header); w.Opt(m.Client, StopClientRetour); break;
            case Wmo315 m: HeenHeader(w, m.Header); VotClient(w, m.Client); break;
            case Wmo316 m: RetourHeader(w, m.Header); w.Opt(m.Client, VotClientRetour); break;
            case Wmo317 m: HeenHeader(w, m.Header); VowClient(w, m.Client); break;
            case Wmo318 m: RetourHeader(w, m.Header); w.Opt(m.Client, VowClientRetour); break;
            case Wmo319 m: HeenHeader(w, m.Header); Antwoord(w, m.Antwoord); break;
            case Wmo320 m: RetourHeader(w, m.Header); w.Opt(m.Antwoord, AntwoordRetour); break;
            case Wmo323 m: HeenHeader(w, m.Header); Declaratie(w, m.Declaratie); break;
            case Wmo325 m: DeclaratieAntwoordHeader(w, m.Header); w.Opt(m.DeclaratieAntwoord, DeclaratieAntwoord); break;
            default: throw new ArgumentException($"No writer for message type {message.Type}.", nameof(message));
        }
    }

    // Headers (iwmo-3.2.md §4). BerichtVersie 3 and BerichtSubversie 2 are fixed by the 3.2 XSDs.

    private static void HeaderStart(ElementWriter w, MessageHeader h)
    {
        w.Start("Header");
        w.Leaf("BerichtCode", w.Type.BerichtCode);
        w.Leaf("BerichtVersie", 3);
        w.Leaf("BerichtSubversie", 2);
        w.Leaf("Afzender", h.Afzender);
        w.Leaf("Ontvanger", h.Ontvanger);
        BerichtIdentificatie(w, "BerichtIdentificatie", h.BerichtIdentificatie);
        XsdVersie(w, "XsdVersie", h.XsdVersie);
    }

    private static void HeenHeader(ElementWriter w, Header h)
    {
        HeaderStart(w, h);
        w.End();
    }

    private static void RetourHeader(ElementWriter w, RetourHeader h)
    {
        HeaderStart(w, h);
        w.Leaf("IdentificatieRetour", h.IdentificatieRetour);
        w.Leaf("DagtekeningRetour", h.DagtekeningRetour);
        w.Leaf("XsltVersie", h.XsltVersie);
        XsdVersie(w, "XsdVersieRetour", h.XsdVersieRetour);
        if (h.RetourCodes is { IsEmpty: false } codes)
        {
            w.RetourCodes(codes);
        }

        w.End();
    }

    private static void DeclaratieAntwoordHeader(ElementWriter w, DeclaratieAntwoordHeader h)
    {
        HeaderStart(w, h);
        BerichtIdentificatie(w, "DeclaratieIdentificatie", h.DeclaratieIdentificatie);
        w.Leaf("XsltVersie", h.XsltVersie);
        XsdVersie(w, "XsdVersieDeclaratie", h.XsdVersieDeclaratie);
        w.RetourCodes(h.RetourCodes);
        w.End();
    }

    // Composite (CDT_*) types: the element itself in the message namespace (or basisschema when
    // nested in another CDT), its children in the basisschema namespace.

    private static void BerichtIdentificatie(ElementWriter w, string name, BerichtIdentificatie b)
    {
        w.StartCdt(name);
        w.Leaf("Identificatie", b.Identificatie);
        w.Leaf("Dagtekening", b.Dagtekening);
        w.End();
    }

    private static void XsdVersie(ElementWriter w, string name, XsdVersie v)
    {
        w.StartCdt(name);
        w.Leaf("BasisschemaXsdVersie", v.BasisschemaXsdVersie);
        w.Leaf("BerichtXsdVersie", v.BerichtXsdVersie);
        w.End();
    }

    private static void Geboortedatum(ElementWriter w, string name, Geboortedatum? g)
    {
        if (g is null)
        {
            return;
        }

        w.StartCdt(name);
        w.Leaf("Datum", g.Datum);
        w.Leaf("DatumGebruik", g.DatumGebruik);
        w.End();
    }

    private static void Achternaam(ElementWriter w, string name, Achternaamgegevens? a)
    {
        if (a is null)
        {
            return;
        }

        w.StartCdt(name);
        w.Leaf("Achternaam", a.Achternaam);
        w.Leaf("Voorvoegsel", a.Voorvoegsel);
        w.End();
    }

    private static void VolledigeNaam(ElementWriter w, VolledigeNaam n)
    {
        w.StartCdt("Naam");
        Achternaam(w, "Geslachtsnaam", n.Geslachtsnaam);
        Achternaam(w, "Partnernaam", n.Partnernaam);
        w.Leaf("Voornamen", n.Voornamen);
        w.Leaf("Voorletters", n.Voorletters);
        w.Leaf("NaamGebruik", n.NaamGebruik);
        w.End();
    }

    private static void VerkorteNaam(ElementWriter w, VerkorteNaam n)
    {
        w.StartCdt("Naam");
        Achternaam(w, "Geslachtsnaam", n.Geslachtsnaam);
        w.Leaf("Voornamen", n.Voornamen);
        w.Leaf("Voorletters", n.Voorletters);
        w.End();
    }

    private static void Communicatie(ElementWriter w, Communicatie? c)
    {
        if (c is null)
        {
            return;
        }

        w.StartCdt("Communicatie");
        w.Leaf("Vorm", c.Vorm);
        w.Leaf("Taal", c.Taal);
        w.End();
    }

    private static void Adres(ElementWriter w, Adres? a)
    {
        if (a is null)
        {
            return;
        }

        w.StartCdt("Adres");
        if (a.Huis is { } h)
        {
            w.StartCdt("Huis");
            w.Leaf("Huisnummer", h.Huisnummer);
            w.Leaf("Huisletter", h.Huisletter);
            w.Leaf("HuisnummerToevoeging", h.HuisnummerToevoeging);
            w.Leaf("AanduidingWoonadres", h.AanduidingWoonadres);
            w.End();
        }

        w.Leaf("Postcode", a.Postcode);
        w.Leaf("Straatnaam", a.Straatnaam);
        w.Leaf("Plaatsnaam", a.Plaatsnaam);
        w.Leaf("LandCode", a.LandCode);
        w.End();
    }

    private static void Telefoon(ElementWriter w, string name, Telefoon? t)
    {
        if (t is null)
        {
            return;
        }

        w.StartCdt(name);
        w.Leaf("Telefoonnummer", t.Telefoonnummer);
        w.Leaf("Landnummer", t.Landnummer);
        w.End();
    }

    private static void Telefoonnummers(ElementWriter w, Telefoonnummers? t)
    {
        if (t is null)
        {
            return;
        }

        w.StartCdt("Telefoon");
        Telefoon(w, "Telefoon01", t.Telefoon01);
        Telefoon(w, "Telefoon02", t.Telefoon02);
        w.End();
    }

    private static void OpenPeriode(ElementWriter w, OpenPeriode? p)
    {
        if (p is null)
        {
            return;
        }

        w.StartCdt("Periode");
        w.Leaf("Begindatum", p.Begindatum);
        w.Leaf("Einddatum", p.Einddatum);
        w.End();
    }

    private static void GeslotenPeriode(ElementWriter w, string name, GeslotenPeriode p)
    {
        w.StartCdt(name);
        w.Leaf("Begindatum", p.Begindatum);
        w.Leaf("Einddatum", p.Einddatum);
        w.End();
    }

    private static void Product(ElementWriter w, Product? p)
    {
        if (p is null)
        {
            return;
        }

        w.StartCdt("Product");
        w.Leaf("Categorie", p.Categorie);
        w.Leaf("Code", p.Code);
        w.End();
    }

    private static void Omvang(ElementWriter w, Omvang? o)
    {
        if (o is null)
        {
            return;
        }

        w.StartCdt("Omvang");
        w.Leaf("Volume", o.Volume);
        w.Leaf("Eenheid", o.Eenheid);
        w.Leaf("Frequentie", o.Frequentie);
        w.End();
    }

    private static void Verwijzer(ElementWriter w, Verwijzer v)
    {
        w.StartCdt("Verwijzer");
        w.Leaf("Type", v.Type);
        w.Leaf("Naam", v.Naam);
        w.Leaf("ZorgverlenerCode", v.ZorgverlenerCode);
        w.End();
    }

    private static void Referentie(ElementWriter w, Referentie r)
    {
        w.StartCdt("ProductReferentie");
        w.Leaf("ReferentieNummer", r.ReferentieNummer);
        w.Leaf("VorigReferentieNummer", r.VorigReferentieNummer);
        w.End();
    }

    private static void BedragMetDC(ElementWriter w, string name, BedragMetDC b)
    {
        w.StartCdt(name);
        w.Leaf("Bedrag", b.Bedrag);
        w.Leaf("DebetCredit", b.DebetCredit);
        w.End();
    }

    private static void TotaalBedragMetDC(ElementWriter w, string name, TotaalBedragMetDC b)
    {
        w.StartCdt(name);
        w.Leaf("TotaalBedrag", b.TotaalBedrag);
        w.Leaf("DebetCredit", b.DebetCredit);
        w.End();
    }

    // WMO301 / WMO302.

    private static void ToewijzingClientStart(
        ElementWriter w, string bsn, Geboortedatum geboortedatum, string geslacht, VolledigeNaam naam, Communicatie? communicatie,
        string? juridischeStatus, string? wettelijkeVertegenwoordiging, string? commentaar)
    {
        w.Start("Client");
        w.Leaf("Bsn", bsn);
        Geboortedatum(w, "Geboortedatum", geboortedatum);
        w.Leaf("Geslacht", geslacht);
        VolledigeNaam(w, naam);
        Communicatie(w, communicatie);
        w.Leaf("JuridischeStatus", juridischeStatus);
        w.Leaf("WettelijkeVertegenwoordiging", wettelijkeVertegenwoordiging);
        w.Leaf("Commentaar", commentaar);
    }

    private static void ToewijzingClient(ElementWriter w, ToewijzingClient c)
    {
        ToewijzingClientStart(w, c.Bsn, c.Geboortedatum, c.Geslacht, c.Naam, c.Communicatie, c.JuridischeStatus, c.WettelijkeVertegenwoordiging, c.Commentaar);
        w.List("Relaties", c.Relaties, Relatie);
        w.List("Contactgegevens", c.Contactgegevens, Contact);
        w.List("ToegewezenProducten", c.ToegewezenProducten, ToegewezenProduct);
        w.End();
    }

    private static void ToewijzingClientRetour(ElementWriter w, ToewijzingClientRetour c)
    {
        ToewijzingClientStart(w, c.Bsn, c.Geboortedatum, c.Geslacht, c.Naam, c.Communicatie, c.JuridischeStatus, c.WettelijkeVertegenwoordiging, c.Commentaar);
        w.List("Relaties", c.Relaties, RelatieRetour);
        w.List("Contactgegevens", c.Contactgegevens, ContactRetour);
        w.List("ToegewezenProducten", c.ToegewezenProducten, ToegewezenProductRetour);
        w.RetourCodes(c.RetourCodes);
        w.End();
    }

    private static void RelatieFields(ElementWriter w, string nummer, int? volgorde, string soort, Geboortedatum? geboortedatum, string? geslacht, VolledigeNaam naam)
    {
        w.Leaf("Nummer", nummer);
        w.Leaf("Volgorde", volgorde);
        w.Leaf("Soort", soort);
        Geboortedatum(w, "Geboortedatum", geboortedatum);
        w.Leaf("Geslacht", geslacht);
        VolledigeNaam(w, naam);
    }

    private static void Relatie(ElementWriter w, Relatie r)
    {
        w.Start("Relatie");
        RelatieFields(w, r.Nummer, r.Volgorde, r.Soort, r.Geboortedatum, r.Geslacht, r.Naam);
        Contact(w, r.Contact);
        w.End();
    }

    private static void RelatieRetour(ElementWriter w, RelatieRetour r)
    {
        w.Start("Relatie");
        RelatieFields(w, r.Nummer, r.Volgorde, r.Soort, r.Geboortedatum, r.Geslacht, r.Naam);
        ContactRetour(w, r.Contact);
        w.RetourCodes(r.RetourCodes);
        w.End();
    }

    private static void ContactFields(ElementWriter w, string soort, Adres? adres, string? organisatie, Telefoonnummers? telefoon, string? emailadres, OpenPeriode? periode)
    {
        w.Leaf("Soort", soort);
        Adres(w, adres);
        w.Leaf("Organisatie", organisatie);
        Telefoonnummers(w, telefoon);
        w.Leaf("Emailadres", emailadres);
        OpenPeriode(w, periode);
    }

    private static void Contact(ElementWriter w, Contact c)
    {
        w.Start("Contact");
        ContactFields(w, c.Soort, c.Adres, c.Organisatie, c.Telefoon, c.Emailadres, c.Periode);
        w.End();
    }

    private static void ContactRetour(ElementWriter w, ContactRetour c)
    {
        w.Start("Contact");
        ContactFields(w, c.Soort, c.Adres, c.Organisatie, c.Telefoon, c.Emailadres, c.Periode);
        w.RetourCodes(c.RetourCodes);
        w.End();
    }

    private static void ToegewezenProductFields(ElementWriter w, ToegewezenProduct p)
    {
        w.Leaf("ToewijzingNummer", p.ToewijzingNummer);
        w.Leaf("ReferentieAanbieder", p.ReferentieAanbieder);
        Product(w, p.Product);
        w.Leaf("Toewijzingsdatum", p.Toewijzingsdatum);
        w.Leaf("Toewijzingstijd", p.Toewijzingstijd);
        w.Leaf("Ingangsdatum", p.Ingangsdatum);
        w.Leaf("Einddatum", p.Einddatum);
        w.Leaf("RedenWijziging", p.RedenWijziging);
        Omvang(w, p.Omvang);
        w.Leaf("Budget", p.Budget);
        w.Leaf("Commentaar", p.Commentaar);
    }

    private static void ToegewezenProduct(ElementWriter w, ToegewezenProduct p)
    {
        w.Start("ToegewezenProduct");
        ToegewezenProductFields(w, p);
        w.End();
    }

    private static void ToegewezenProductRetour(ElementWriter w, ToegewezenProductRetour p)
    {
        w.Start("ToegewezenProduct");
        ToegewezenProductFields(w, new ToegewezenProduct(p.ToewijzingNummer, p.ReferentieAanbieder, p.Product, p.Toewijzingsdatum,
            p.Toewijzingstijd, p.Ingangsdatum, p.Einddatum, p.RedenWijziging, p.Omvang, p.Budget, p.Commentaar));
        w.RetourCodes(p.RetourCodes);
        w.End();
    }

    // WMO305 - WMO308.

    private static void VerkorteClientStart(ElementWriter w, string bsn, Geboortedatum geboortedatum, string geslacht, VerkorteNaam naam)
    {
        w.Start("Client");
        w.Leaf("Bsn", bsn);
        Geboortedatum(w, "Geboortedatum", geboortedatum);
        w.Leaf("Geslacht", geslacht);
        VerkorteNaam(w, naam);
    }

    private static void StartClient(ElementWriter w, StartClient c)
    {
        VerkorteClientStart(w, c.Bsn, c.Geboortedatum, c.Geslacht, c.Naam);
        w.List("StartProducten", c.StartProducten, (w, p) => StartProduct(w, p.ToewijzingNummer, p.Product, p.ToewijzingIngangsdatum, p.Begindatum, p.StatusAanlevering, null));
        w.End();
    }

    private static void StartClientRetour(ElementWriter w, StartClientRetour c)
    {
        VerkorteClientStart(w, c.Bsn, c.Geboortedatum, c.Geslacht, c.Naam);
        w.List("StartProducten", c.StartProducten, (w, p) => StartProduct(w, p.ToewijzingNummer, p.Product, p.ToewijzingIngangsdatum, p.Begindatum, p.StatusAanlevering, p.RetourCodes));
        w.RetourCodes(c.RetourCodes);
        w.End();
    }

    private static void StartProduct(ElementWriter w, int? toewijzingNummer, Product? product, DateOnly? toewijzingIngangsdatum, DateOnly begindatum, string statusAanlevering, EquatableArray<string>? retourCodes)
    {
        w.Start("StartProduct");
        w.Leaf("ToewijzingNummer", toewijzingNummer);
        Product(w, product);
        w.Leaf("ToewijzingIngangsdatum", toewijzingIngangsdatum);
        w.Leaf("Begindatum", begindatum);
        w.Leaf("StatusAanlevering", statusAanlevering);
        w.OptRetourCodes(retourCodes);
        w.End();
    }

    private static void StopClient(ElementWriter w, StopClient c)
    {
        VerkorteClientStart(w, c.Bsn, c.Geboortedatum, c.Geslacht, c.Naam);
        w.List("StopProducten", c.StopProducten, (w, p) => StopProduct(w, p, null));
        w.End();
    }

    private static void StopClientRetour(ElementWriter w, StopClientRetour c)
    {
        VerkorteClientStart(w, c.Bsn, c.Geboortedatum, c.Geslacht, c.Naam);
        w.List("StopProducten", c.StopProducten, (w, p) => StopProduct(
            w, new StopProduct(p.ToewijzingNummer, p.Product, p.ToewijzingIngangsdatum, p.Begindatum, p.RedenBeeindiging, p.Einddatum, p.StatusAanlevering),
            p.RetourCodes));
        w.RetourCodes(c.RetourCodes);
        w.End();
    }

    private static void StopProduct(ElementWriter w, StopProduct p, EquatableArray<string>? retourCodes)
    {
        w.Start("StopProduct");
        w.Leaf("ToewijzingNummer", p.ToewijzingNummer);
        Product(w, p.Product);
        w.Leaf("ToewijzingIngangsdatum", p.ToewijzingIngangsdatum);
        w.Leaf("Begindatum", p.Begindatum);
        w.Leaf("RedenBeeindiging", p.RedenBeeindiging);
        w.Leaf("Einddatum", p.Einddatum);
        w.Leaf("StatusAanlevering", p.StatusAanlevering);
        w.OptRetourCodes(retourCodes);
        w.End();
    }

    // WMO315 - WMO320.

    private static void VotClient(ElementWriter w, VotClient c)
    {
        VerkorteClientStart(w, c.Bsn, c.Geboortedatum, c.Geslacht, c.Naam);
        w.Leaf("Commentaar", c.Commentaar);
        w.List("AangevraagdeProducten", c.AangevraagdeProducten, (w, p) => AangevraagdProduct(w, p, null));
        w.End();
    }

    private static void VotClientRetour(ElementWriter w, VotClientRetour c)
    {
        VerkorteClientStart(w, c.Bsn, c.Geboortedatum, c.Geslacht, c.Naam);
        w.Leaf("Commentaar", c.Commentaar);
        w.List("AangevraagdeProducten", c.AangevraagdeProducten, (w, p) => AangevraagdProduct(
            w, new AangevraagdProduct(p.ReferentieAanbieder, p.BeschikkingNummer, p.Product, p.BeschikkingIngangsdatum, p.ToewijzingIngangsdatum,
                p.ToewijzingEinddatum, p.Omvang, p.Budget, p.Verwijzer, p.Raamcontract, p.Commentaar),
            p.RetourCodes));
        w.RetourCodes(c.RetourCodes);
        w.End();
    }

    private static void AangevraagdProduct(ElementWriter w, AangevraagdProduct p, EquatableArray<string>? retourCodes)
    {
        w.Start("AangevraagdProduct");
        w.Leaf("ReferentieAanbieder", p.ReferentieAanbieder);
        w.Leaf("BeschikkingNummer", p.BeschikkingNummer);
        Product(w, p.Product);
        w.Leaf("BeschikkingIngangsdatum", p.BeschikkingIngangsdatum);
        w.Leaf("ToewijzingIngangsdatum", p.ToewijzingIngangsdatum);
        w.Leaf("ToewijzingEinddatum", p.ToewijzingEinddatum);
        Omvang(w, p.Omvang);
        w.Leaf("Budget", p.Budget);
        Verwijzer(w, p.Verwijzer);
        w.Leaf("Raamcontract", p.Raamcontract);
        w.Leaf("Commentaar", p.Commentaar);
        w.OptRetourCodes(retourCodes);
        w.End();
    }

    private static void VowClient(ElementWriter w, VowClient c)
    {
        w.Start("Client");
        w.Leaf("Bsn", c.Bsn);
        w.Start("Verzoek");
        w.Leaf("ReferentieAanbieder", c.Verzoek.ReferentieAanbieder);
        w.Leaf("RedenVerzoek", c.Verzoek.RedenVerzoek);
        w.List("OngewijzigdeProducten", c.Verzoek.OngewijzigdeProducten, (w, p) => OngewijzigdProduct(w, p.ToewijzingNummer, null));
        w.List("TeWijzigenProducten", c.Verzoek.TeWijzigenProducten, (w, p) => TeWijzigenProduct(w, p, null));
        w.List("NieuweProducten", c.Verzoek.NieuweProducten, (w, p) => NieuwProduct(w, p, null));
        w.End();
        w.End();
    }

    private static void VowClientRetour(ElementWriter w, VowClientRetour c)
    {
        var v = c.Verzoek;
        w.Start("Client");
        w.Leaf("Bsn", c.Bsn);
        w.Start("Verzoek");
        w.Leaf("ReferentieAanbieder", v.ReferentieAanbieder);
        w.Leaf("RedenVerzoek", v.RedenVerzoek);
        w.List("OngewijzigdeProducten", v.OngewijzigdeProducten, (w, p) => OngewijzigdProduct(w, p.ToewijzingNummer, p.RetourCodes));
        w.List("TeWijzigenProducten", v.TeWijzigenProducten, (w, p) => TeWijzigenProduct(
            w, new TeWijzigenProduct(p.ToewijzingNummer, p.GewensteIngangsdatum, p.Einddatum, p.Omvang, p.Budget), p.RetourCodes));
        w.List("NieuweProducten", v.NieuweProducten, (w, p) => NieuwProduct(
            w, new NieuwProduct(p.Product, p.GewensteIngangsdatum, p.Einddatum, p.Omvang, p.Budget), p.RetourCodes));
        w.RetourCodes(v.RetourCodes);
        w.End();
        w.RetourCodes(c.RetourCodes);
        w.End();
    }

    private static void OngewijzigdProduct(ElementWriter w, int toewijzingNummer, EquatableArray<string>? retourCodes)
    {
        w.Start("OngewijzigdProduct");
        w.Leaf("ToewijzingNummer", toewijzingNummer);
        w.OptRetourCodes(retourCodes);
        w.End();
    }

    private static void TeWijzigenProduct(ElementWriter w, TeWijzigenProduct p, EquatableArray<string>? retourCodes)
    {
        w.Start("TeWijzigenProduct");
        w.Leaf("ToewijzingNummer", p.ToewijzingNummer);
        w.Leaf("GewensteIngangsdatum", p.GewensteIngangsdatum);
        w.Leaf("Einddatum", p.Einddatum);
        Omvang(w, p.Omvang);
        w.Leaf("Budget", p.Budget);
        w.OptRetourCodes(retourCodes);
        w.End();
    }

    private static void NieuwProduct(ElementWriter w, NieuwProduct p, EquatableArray<string>? retourCodes)
    {
        w.Start("NieuwProduct");
        Product(w, p.Product);
        w.Leaf("GewensteIngangsdatum", p.GewensteIngangsdatum);
        w.Leaf("Einddatum", p.Einddatum);
        Omvang(w, p.Omvang);
        w.Leaf("Budget", p.Budget);
        w.OptRetourCodes(retourCodes);
        w.End();
    }

    private static void Antwoord(ElementWriter w, Antwoord a) =>
        AntwoordFields(w, a.ReferentieAanbieder, a.VerzoekAntwoord, a.RedenAfwijzingVerzoek, null);

    private static void AntwoordRetour(ElementWriter w, AntwoordRetour a) =>
        AntwoordFields(w, a.ReferentieAanbieder, a.VerzoekAntwoord, a.RedenAfwijzingVerzoek, a.RetourCodes);

    private static void AntwoordFields(ElementWriter w, string referentieAanbieder, string verzoekAntwoord, string? redenAfwijzingVerzoek, EquatableArray<string>? retourCodes)
    {
        w.Start("Antwoord");
        w.Leaf("ReferentieAanbieder", referentieAanbieder);
        w.Leaf("VerzoekAntwoord", verzoekAntwoord);
        w.Leaf("RedenAfwijzingVerzoek", redenAfwijzingVerzoek);
        w.OptRetourCodes(retourCodes);
        w.End();
    }

    // WMO323 / WMO325.

    private static void Declaratie(ElementWriter w, Declaratie d)
    {
        w.Start("Declaratie");
        w.Leaf("DeclaratieNummer", d.DeclaratieNummer);
        GeslotenPeriode(w, "DeclaratiePeriode", d.DeclaratiePeriode);
        w.Leaf("DeclaratieDagtekening", d.DeclaratieDagtekening);
        TotaalBedragMetDC(w, "TotaalIngediendBedrag", d.TotaalIngediendBedrag);
        w.List("Clienten", d.Clienten, (w, c) =>
        {
            w.Start("Client");
            w.Leaf("Bsn", c.Bsn);
            w.List("Prestaties", c.Prestaties, (w, p) => Prestatie(w, p, null));
            w.End();
        });
        w.End();
    }

    private static void Prestatie(ElementWriter w, Prestatie p, EquatableArray<string>? retourCodes)
    {
        w.Start("Prestatie");
        Referentie(w, p.ProductReferentie);
        w.Leaf("ToewijzingNummer", p.ToewijzingNummer);
        w.Leaf("ProductCategorie", p.ProductCategorie);
        w.Leaf("ProductCode", p.ProductCode);
        GeslotenPeriode(w, "ProductPeriode", p.ProductPeriode);
        w.Leaf("GeleverdVolume", p.GeleverdVolume);
        w.Leaf("Eenheid", p.Eenheid);
        w.Leaf("ProductTarief", p.ProductTarief);
        BedragMetDC(w, "IngediendBedrag", p.IngediendBedrag);
        w.OptRetourCodes(retourCodes);
        w.End();
    }

    private static void DeclaratieAntwoord(ElementWriter w, DeclaratieAntwoord d)
    {
        w.Start("DeclaratieAntwoord");
        w.Leaf("DeclaratieNummer", d.DeclaratieNummer);
        TotaalBedragMetDC(w, "TotaalIngediendBedrag", d.TotaalIngediendBedrag);
        TotaalBedragMetDC(w, "TotaalToegekendBedrag", d.TotaalToegekendBedrag);
        w.List("Clienten", d.Clienten, (w, c) =>
        {
            w.Start("Client");
            w.Leaf("Bsn", c.Bsn);
            w.List("Prestaties", c.Prestaties, (w, p) => Prestatie(
                w, new Prestatie(p.ProductReferentie, p.ToewijzingNummer, p.ProductCategorie, p.ProductCode, p.ProductPeriode,
                    p.GeleverdVolume, p.Eenheid, p.ProductTarief, p.IngediendBedrag),
                p.RetourCodes));
            w.RetourCodes(c.RetourCodes);
            w.End();
        });
        w.RetourCodes(d.RetourCodes);
        w.End();
    }
}
