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
/// of the XSD sequences. An optional text that is blank is left out (see <see cref="ElementWriter.OptLeaf"/>);
/// required lists and RetourCodes are never empty (the records cannot be built so). Whether the
/// other values satisfy the XSD facets is the caller's business; the output is meant to be
/// validated before it is sent.
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
            case Wmo319 m: HeenHeader(w, m.Header); Antwoord(w, m.Antwoord, null); break;
            case Wmo320 m: RetourHeader(w, m.Header); w.Opt(m.Antwoord, (w, a) => Antwoord(w, a.Antwoord, a.RetourCodes)); break;
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
        w.OptLeaf("XsltVersie", h.XsltVersie);
        XsdVersie(w, "XsdVersieRetour", h.XsdVersieRetour);

        // Absent (null) is "fully accepted"; an empty list cannot be built (RetourHeader).
        w.OptRetourCodes(h.RetourCodes);
        w.End();
    }

    private static void DeclaratieAntwoordHeader(ElementWriter w, DeclaratieAntwoordHeader h)
    {
        HeaderStart(w, h);
        BerichtIdentificatie(w, "DeclaratieIdentificatie", h.DeclaratieIdentificatie);
        w.OptLeaf("XsltVersie", h.XsltVersie);
        XsdVersie(w, "XsdVersieDeclaratie", h.XsdVersieDeclaratie);
        w.RetourCodes(h.RetourCodes);
        w.End();
    }

    // Composite (CDT_*) types: the element itself in the message namespace (or basisschema when
    // nested in another CDT), its children in the basisschema namespace. A null (absent optional)
    // composite writes nothing.

    private static void BerichtIdentificatie(ElementWriter w, string name, BerichtIdentificatie b) => w.Cdt(name, b, (w, b) =>
    {
        w.Leaf("Identificatie", b.Identificatie);
        w.Leaf("Dagtekening", b.Dagtekening);
    });

    private static void XsdVersie(ElementWriter w, string name, XsdVersie v) => w.Cdt(name, v, (w, v) =>
    {
        w.Leaf("BasisschemaXsdVersie", v.BasisschemaXsdVersie);
        w.Leaf("BerichtXsdVersie", v.BerichtXsdVersie);
    });

    private static void Geboortedatum(ElementWriter w, Geboortedatum? g) => w.Cdt("Geboortedatum", g, (w, g) =>
    {
        w.Leaf("Datum", g.Datum);
        w.OptLeaf("DatumGebruik", g.DatumGebruik);
    });

    private static void Achternaam(ElementWriter w, string name, Achternaamgegevens? a) => w.Cdt(name, a, (w, a) =>
    {
        w.Leaf("Achternaam", a.Achternaam);
        w.OptLeaf("Voorvoegsel", a.Voorvoegsel);
    });

    private static void VolledigeNaam(ElementWriter w, VolledigeNaam n) => w.Cdt("Naam", n, (w, n) =>
    {
        Achternaam(w, "Geslachtsnaam", n.Geslachtsnaam);
        Achternaam(w, "Partnernaam", n.Partnernaam);
        w.OptLeaf("Voornamen", n.Voornamen);
        w.OptLeaf("Voorletters", n.Voorletters);
        w.Leaf("NaamGebruik", n.NaamGebruik);
    });

    private static void VerkorteNaam(ElementWriter w, VerkorteNaam n) => w.Cdt("Naam", n, (w, n) =>
    {
        Achternaam(w, "Geslachtsnaam", n.Geslachtsnaam);
        w.OptLeaf("Voornamen", n.Voornamen);
        w.OptLeaf("Voorletters", n.Voorletters);
    });

    private static void Communicatie(ElementWriter w, Communicatie? c) => w.Cdt("Communicatie", c, (w, c) =>
    {
        w.Leaf("Vorm", c.Vorm);
        w.OptLeaf("Taal", c.Taal);
    });

    private static void Adres(ElementWriter w, Adres? a) => w.Cdt("Adres", a, (w, a) =>
    {
        w.Cdt("Huis", a.Huis, (w, h) =>
        {
            w.Leaf("Huisnummer", h.Huisnummer);
            w.OptLeaf("Huisletter", h.Huisletter);
            w.OptLeaf("HuisnummerToevoeging", h.HuisnummerToevoeging);
            w.OptLeaf("AanduidingWoonadres", h.AanduidingWoonadres);
        });
        w.OptLeaf("Postcode", a.Postcode);
        w.OptLeaf("Straatnaam", a.Straatnaam);
        w.OptLeaf("Plaatsnaam", a.Plaatsnaam);
        w.OptLeaf("LandCode", a.LandCode);
    });

    private static void Telefoon(ElementWriter w, string name, Telefoon? t) => w.Cdt(name, t, (w, t) =>
    {
        w.Leaf("Telefoonnummer", t.Telefoonnummer);
        w.Leaf("Landnummer", t.Landnummer);
    });

    private static void Telefoonnummers(ElementWriter w, Telefoonnummers? t) => w.Cdt("Telefoon", t, (w, t) =>
    {
        Telefoon(w, "Telefoon01", t.Telefoon01);
        Telefoon(w, "Telefoon02", t.Telefoon02);
    });

    private static void OpenPeriode(ElementWriter w, OpenPeriode? p) => w.Cdt("Periode", p, (w, p) =>
    {
        w.Leaf("Begindatum", p.Begindatum);
        w.Leaf("Einddatum", p.Einddatum);
    });

    private static void GeslotenPeriode(ElementWriter w, string name, GeslotenPeriode p) => w.Cdt(name, p, (w, p) =>
    {
        w.Leaf("Begindatum", p.Begindatum);
        w.Leaf("Einddatum", p.Einddatum);
    });

    private static void Product(ElementWriter w, Product? p) => w.Cdt("Product", p, (w, p) =>
    {
        w.Leaf("Categorie", p.Categorie);
        w.OptLeaf("Code", p.Code);
    });

    private static void Omvang(ElementWriter w, Omvang? o) => w.Cdt("Omvang", o, (w, o) =>
    {
        w.Leaf("Volume", o.Volume);
        w.Leaf("Eenheid", o.Eenheid);
        w.Leaf("Frequentie", o.Frequentie);
    });

    private static void Verwijzer(ElementWriter w, Verwijzer v) => w.Cdt("Verwijzer", v, (w, v) =>
    {
        w.Leaf("Type", v.Type);
        w.OptLeaf("Naam", v.Naam);
        w.OptLeaf("ZorgverlenerCode", v.ZorgverlenerCode);
    });

    private static void Referentie(ElementWriter w, Referentie r) => w.Cdt("ProductReferentie", r, (w, r) =>
    {
        w.Leaf("ReferentieNummer", r.ReferentieNummer);
        w.OptLeaf("VorigReferentieNummer", r.VorigReferentieNummer);
    });

    private static void BedragMetDC(ElementWriter w, string name, BedragMetDC b) => w.Cdt(name, b, (w, b) =>
    {
        w.Leaf("Bedrag", b.Bedrag);
        w.Leaf("DebetCredit", b.DebetCredit);
    });

    private static void TotaalBedragMetDC(ElementWriter w, string name, TotaalBedragMetDC b) => w.Cdt(name, b, (w, b) =>
    {
        w.Leaf("TotaalBedrag", b.TotaalBedrag);
        w.Leaf("DebetCredit", b.DebetCredit);
    });

    // Message classes. A retour class is its heen class sent back with RetourCodes (IV028), so the
    // heen writer writes it: each class writer takes the RetourCodes to end with, null in a heen message.

    // WMO301 / WMO302.

    private static void ToewijzingClient(ElementWriter w, ToewijzingClient c)
    {
        w.Start("Client");
        ToewijzingClientGegevens(w, c.Gegevens);
        w.List("Relaties", c.Relaties, (w, r) => Relatie(w, r.Gegevens, r.Contact, null, null));
        w.RequiredList("Contactgegevens", c.Contactgegevens, (w, k) => Contact(w, k, null));
        w.RequiredList("ToegewezenProducten", c.ToegewezenProducten, (w, p) => ToegewezenProduct(w, p, null));
        w.End();
    }

    private static void ToewijzingClientRetour(ElementWriter w, ToewijzingClientRetour c)
    {
        w.Start("Client");
        ToewijzingClientGegevens(w, c.Gegevens);
        w.List("Relaties", c.Relaties, (w, r) => Relatie(w, r.Gegevens, r.Contact.Contact, r.Contact.RetourCodes, r.RetourCodes));
        w.RequiredList("Contactgegevens", c.Contactgegevens, (w, k) => Contact(w, k.Contact, k.RetourCodes));
        w.RequiredList("ToegewezenProducten", c.ToegewezenProducten, (w, p) => ToegewezenProduct(w, p.ToegewezenProduct, p.RetourCodes));
        w.RetourCodes(c.RetourCodes);
        w.End();
    }

    private static void ToewijzingClientGegevens(ElementWriter w, ToewijzingClientGegevens g)
    {
        w.Leaf("Bsn", g.Bsn);
        Geboortedatum(w, g.Geboortedatum);
        w.Leaf("Geslacht", g.Geslacht);
        VolledigeNaam(w, g.Naam);
        Communicatie(w, g.Communicatie);
        w.OptLeaf("JuridischeStatus", g.JuridischeStatus);
        w.OptLeaf("WettelijkeVertegenwoordiging", g.WettelijkeVertegenwoordiging);
        w.OptLeaf("Commentaar", g.Commentaar);
    }

    private static void Relatie(
        ElementWriter w, RelatieGegevens g, Contact contact, EquatableArray<string>? contactRetourCodes, EquatableArray<string>? retourCodes)
    {
        w.Start("Relatie");
        w.Leaf("Nummer", g.Nummer);
        w.Leaf("Volgorde", g.Volgorde);
        w.Leaf("Soort", g.Soort);
        Geboortedatum(w, g.Geboortedatum);
        w.OptLeaf("Geslacht", g.Geslacht);
        VolledigeNaam(w, g.Naam);
        Contact(w, contact, contactRetourCodes);
        w.OptRetourCodes(retourCodes);
        w.End();
    }

    private static void Contact(ElementWriter w, Contact c, EquatableArray<string>? retourCodes)
    {
        w.Start("Contact");
        w.Leaf("Soort", c.Soort);
        Adres(w, c.Adres);
        w.OptLeaf("Organisatie", c.Organisatie);
        Telefoonnummers(w, c.Telefoon);
        w.OptLeaf("Emailadres", c.Emailadres);
        OpenPeriode(w, c.Periode);
        w.OptRetourCodes(retourCodes);
        w.End();
    }

    private static void ToegewezenProduct(ElementWriter w, ToegewezenProduct p, EquatableArray<string>? retourCodes)
    {
        w.Start("ToegewezenProduct");
        w.Leaf("ToewijzingNummer", p.ToewijzingNummer);
        w.OptLeaf("ReferentieAanbieder", p.ReferentieAanbieder);
        Product(w, p.Product);
        w.Leaf("Toewijzingsdatum", p.Toewijzingsdatum);
        w.Leaf("Toewijzingstijd", p.Toewijzingstijd);
        w.Leaf("Ingangsdatum", p.Ingangsdatum);
        w.Leaf("Einddatum", p.Einddatum);
        w.OptLeaf("RedenWijziging", p.RedenWijziging);
        Omvang(w, p.Omvang);
        w.Leaf("Budget", p.Budget);
        w.OptLeaf("Commentaar", p.Commentaar);
        w.OptRetourCodes(retourCodes);
        w.End();
    }

    // WMO305 - WMO316: the Client with CDT_VerkorteNaam.

    /// <summary>
    /// The Client of the 305 to 316: its own elements, its one product collection and, in a retour,
    /// its RetourCodes. Only the 315/316 Client has a Commentaar; null writes nothing.
    /// </summary>
    private static void VerkorteClient<T>(
        ElementWriter w, VerkorteClientGegevens g, string? commentaar, string wrapper, EquatableArray<T> products,
        Action<ElementWriter, T> product, EquatableArray<string>? retourCodes)
    {
        w.Start("Client");
        w.Leaf("Bsn", g.Bsn);
        Geboortedatum(w, g.Geboortedatum);
        w.Leaf("Geslacht", g.Geslacht);
        VerkorteNaam(w, g.Naam);
        w.OptLeaf("Commentaar", commentaar);
        w.RequiredList(wrapper, products, product);
        w.OptRetourCodes(retourCodes);
        w.End();
    }

    private static void StartClient(ElementWriter w, StartClient c) =>
        VerkorteClient(w, c.Gegevens, null, "StartProducten", c.StartProducten, (w, p) => StartProduct(w, p, null), null);

    private static void StartClientRetour(ElementWriter w, StartClientRetour c) =>
        VerkorteClient(w, c.Gegevens, null, "StartProducten", c.StartProducten, (w, p) => StartProduct(w, p.StartProduct, p.RetourCodes), c.RetourCodes);

    private static void StartProduct(ElementWriter w, StartProduct p, EquatableArray<string>? retourCodes)
    {
        w.Start("StartProduct");
        w.Leaf("ToewijzingNummer", p.ToewijzingNummer);
        Product(w, p.Product);
        w.Leaf("ToewijzingIngangsdatum", p.ToewijzingIngangsdatum);
        w.Leaf("Begindatum", p.Begindatum);
        w.Leaf("StatusAanlevering", p.StatusAanlevering);
        w.OptRetourCodes(retourCodes);
        w.End();
    }

    private static void StopClient(ElementWriter w, StopClient c) =>
        VerkorteClient(w, c.Gegevens, null, "StopProducten", c.StopProducten, (w, p) => StopProduct(w, p, null), null);

    private static void StopClientRetour(ElementWriter w, StopClientRetour c) =>
        VerkorteClient(w, c.Gegevens, null, "StopProducten", c.StopProducten, (w, p) => StopProduct(w, p.StopProduct, p.RetourCodes), c.RetourCodes);

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

    private static void VotClient(ElementWriter w, VotClient c) =>
        VerkorteClient(w, c.Gegevens, c.Commentaar, "AangevraagdeProducten", c.AangevraagdeProducten, (w, p) => AangevraagdProduct(w, p, null), null);

    private static void VotClientRetour(ElementWriter w, VotClientRetour c) =>
        VerkorteClient(
            w, c.Gegevens, c.Commentaar, "AangevraagdeProducten", c.AangevraagdeProducten,
            (w, p) => AangevraagdProduct(w, p.AangevraagdProduct, p.RetourCodes), c.RetourCodes);

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
        w.OptLeaf("Raamcontract", p.Raamcontract);
        w.OptLeaf("Commentaar", p.Commentaar);
        w.OptRetourCodes(retourCodes);
        w.End();
    }

    // WMO317 - WMO320.

    private static void VowClient(ElementWriter w, VowClient c)
    {
        var v = c.Verzoek;
        w.Start("Client");
        w.Leaf("Bsn", c.Bsn);
        w.Start("Verzoek");
        w.Leaf("ReferentieAanbieder", v.ReferentieAanbieder);
        w.Leaf("RedenVerzoek", v.RedenVerzoek);
        w.List("OngewijzigdeProducten", v.OngewijzigdeProducten, (w, p) => OngewijzigdProduct(w, p, null));
        w.List("TeWijzigenProducten", v.TeWijzigenProducten, (w, p) => TeWijzigenProduct(w, p, null));
        w.List("NieuweProducten", v.NieuweProducten, (w, p) => NieuwProduct(w, p, null));
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
        w.List("OngewijzigdeProducten", v.OngewijzigdeProducten, (w, p) => OngewijzigdProduct(w, p.OngewijzigdProduct, p.RetourCodes));
        w.List("TeWijzigenProducten", v.TeWijzigenProducten, (w, p) => TeWijzigenProduct(w, p.TeWijzigenProduct, p.RetourCodes));
        w.List("NieuweProducten", v.NieuweProducten, (w, p) => NieuwProduct(w, p.NieuwProduct, p.RetourCodes));
        w.RetourCodes(v.RetourCodes);
        w.End();
        w.RetourCodes(c.RetourCodes);
        w.End();
    }

    private static void OngewijzigdProduct(ElementWriter w, OngewijzigdProduct p, EquatableArray<string>? retourCodes)
    {
        w.Start("OngewijzigdProduct");
        w.Leaf("ToewijzingNummer", p.ToewijzingNummer);
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

    private static void Antwoord(ElementWriter w, Antwoord a, EquatableArray<string>? retourCodes)
    {
        w.Start("Antwoord");
        w.Leaf("ReferentieAanbieder", a.ReferentieAanbieder);
        w.Leaf("VerzoekAntwoord", a.VerzoekAntwoord);
        w.OptLeaf("RedenAfwijzingVerzoek", a.RedenAfwijzingVerzoek);
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
        w.RequiredList("Clienten", d.Clienten, (w, c) => DeclaratieClient(w, c.Bsn, c.Prestaties, (w, p) => Prestatie(w, p, null), null));
        w.End();
    }

    private static void DeclaratieAntwoord(ElementWriter w, DeclaratieAntwoord d)
    {
        w.Start("DeclaratieAntwoord");
        w.Leaf("DeclaratieNummer", d.DeclaratieNummer);
        TotaalBedragMetDC(w, "TotaalIngediendBedrag", d.TotaalIngediendBedrag);
        TotaalBedragMetDC(w, "TotaalToegekendBedrag", d.TotaalToegekendBedrag);
        w.List("Clienten", d.Clienten, (w, c) => DeclaratieClient(w, c.Bsn, c.Prestaties, (w, p) => Prestatie(w, p.Prestatie, p.RetourCodes), c.RetourCodes));
        w.RetourCodes(d.RetourCodes);
        w.End();
    }

    /// <summary>The Client of the 323 and the 325: the same sequence, with RetourCodes in the 325.</summary>
    private static void DeclaratieClient<T>(
        ElementWriter w, string bsn, EquatableArray<T> prestaties, Action<ElementWriter, T> prestatie, EquatableArray<string>? retourCodes)
    {
        w.Start("Client");
        w.Leaf("Bsn", bsn);
        w.RequiredList("Prestaties", prestaties, prestatie);
        w.OptRetourCodes(retourCodes);
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
}
