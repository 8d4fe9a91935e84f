using System.Text;
using System.Xml.Linq;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Messages;

/// <summary>The file-level rules of OP192 and the shape the samples use.</summary>
[TestFixture]
public sealed class IwmoWriterTests
{
    private static readonly EquatableArray<string> Fine = MessageBuilders.Codes("0200");

    private static readonly Lazy<SchemaCatalogue> OurSchemas = new(() => SchemaCatalogue.Load(RepoPaths.IwmoSchemas));

    private static IwmoMessage ReadSample(string name)
    {
        var read = IwmoReader.ReadFile(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), name + ".xml"));
        Assert.That(read.Succeeded, Is.True, () => read.ToString());
        return read.Message!;
    }

    private static IReadOnlyList<Backoffice.Core.Validation.Finding> Validate(byte[] xml)
    {
        using var stream = new MemoryStream(xml);
        return OurSchemas.Value.Validate(stream);
    }

    private static byte[] WrittenSample(string name)
    {
        var read = IwmoReader.ReadFile(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), name + ".xml"));
        Assert.That(read.Succeeded, Is.True, () => read.ToString());
        return IwmoWriter.ToBytes(read.Message!);
    }

    [Test]
    public void Output_is_utf8_without_bom()
    {
        var bytes = WrittenSample("WMO323");

        Assert.That(bytes.Take(5).ToArray(), Is.EqualTo("<?xml"u8.ToArray()));
        Assert.That(Encoding.UTF8.GetString(bytes), Does.StartWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>"));
    }

    [Test]
    public void Every_line_ends_in_crlf()
    {
        var text = Encoding.UTF8.GetString(WrittenSample("WMO301"));

        var lineFeeds = text.Count(c => c == '\n');
        Assert.That(lineFeeds, Is.GreaterThan(10));
        Assert.That(text.Split("\r\n").Any(part => part.Contains('\n', StringComparison.Ordinal) || part.Contains('\r', StringComparison.Ordinal)), Is.False);
    }

    [Test]
    public void Line_breaks_inside_text_become_crlf_and_read_back_unchanged()
    {
        var read = IwmoReader.ReadFile(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), "WMO301.xml"));
        var message = (Backoffice.Core.Messages.Toewijzing.Wmo301)read.Message!;
        var changed = message with { Client = message.Client with { Gegevens = message.Client.Gegevens with { Commentaar = "regel 1\nregel 2" } } };

        var bytes = IwmoWriter.ToBytes(changed);

        Assert.That(Encoding.UTF8.GetString(bytes), Does.Contain("regel 1\r\nregel 2"));
        Assert.That(IwmoReader.Read(bytes).Message, Is.EqualTo(changed));
    }

    [Test]
    public void Prefixes_follow_the_samples_and_cdt_children_are_in_the_basisschema()
    {
        var bytes = WrittenSample("WMO323");
        var text = Encoding.UTF8.GetString(bytes);
        var document = XDocument.Parse(text);

        Assert.That(text, Does.Contain("<wmo323:Bericht xmlns:iwmo=\"" + MessageType.BasisschemaNamespace + "\" xmlns:wmo323=\"" + MessageType.Wmo323.Namespace + "\">"));
        Assert.That(text, Does.Contain("<wmo323:ProductPeriode>\r\n"));
        Assert.That(text, Does.Contain("<iwmo:Begindatum>2023-04-01</iwmo:Begindatum>"));
        XNamespace basis = MessageType.BasisschemaNamespace;
        XNamespace wmo = MessageType.Wmo323.Namespace;
        Assert.That(document.Descendants(wmo + "ProductPeriode").Elements().Select(e => e.Name.Namespace), Is.All.EqualTo(basis));
    }

    [Test]
    public void Writes_the_fixed_header_codes_of_the_message_type()
    {
        var built = MessageBuilders.Wmo318();

        var document = XDocument.Load(new MemoryStream(IwmoWriter.ToBytes(built)));

        XNamespace wmo = MessageType.Wmo318.Namespace;
        var header = document.Root!.Element(wmo + "Header")!;
        Assert.That(header.Element(wmo + "BerichtCode")!.Value, Is.EqualTo("481"));
        Assert.That(header.Element(wmo + "BerichtVersie")!.Value, Is.EqualTo("3"));
        Assert.That(header.Element(wmo + "BerichtSubversie")!.Value, Is.EqualTo("2"));
    }

    [Test]
    public void Optional_wrapper_with_no_items_is_left_out()
    {
        var read = IwmoReader.ReadFile(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), "WMO323.xml"));
        var message = (Wmo323)read.Message!;
        var answer = new Wmo325(
            new Backoffice.Core.Messages.Common.DeclaratieAntwoordHeader(
                "0384", "65656055", message.Header.BerichtIdentificatie with { Identificatie = "ANT1" }, message.Header.XsdVersie,
                message.Header.BerichtIdentificatie, null, message.Header.XsdVersie, MessageBuilders.Codes("0200")),
            new DeclaratieAntwoord(message.Declaratie.DeclaratieNummer, message.Declaratie.TotaalIngediendBedrag,
                message.Declaratie.TotaalIngediendBedrag, [], MessageBuilders.Codes("8001")));

        var text = Encoding.UTF8.GetString(IwmoWriter.ToBytes(answer));

        Assert.That(text, Does.Not.Contain("Clienten"));
        Assert.That(IwmoReader.Read(Encoding.UTF8.GetBytes(text)).Message, Is.EqualTo(answer));
    }

    [TestCase("")]
    [TestCase("  \r\n\t")]
    public void Blank_optional_Commentaar_in_a_302_is_left_out_so_the_answer_stays_xsd_valid(string blank)
    {
        var heen = (Wmo301)ReadSample("WMO301");
        var answer = new Wmo302(
            RetourHeader.For(heen.Header, "RET1", heen.Header.BerichtIdentificatie.Dagtekening, Fine),
            new ToewijzingClientRetour(
                heen.Client.Gegevens with { Commentaar = blank },
                [.. heen.Client.Relaties.Select(r => new RelatieRetour(r.Gegevens, new ContactRetour(r.Contact, Fine), Fine))],
                [.. heen.Client.Contactgegevens.Select(c => new ContactRetour(c, Fine))],
                [.. heen.Client.ToegewezenProducten.Select(p => new ToegewezenProductRetour(p with { Commentaar = blank }, Fine))],
                Fine));

        var written = IwmoWriter.ToBytes(answer);

        Assert.That(Validate(written), Is.Empty, "findings against schemas/iwmo-3.2");
        Assert.That(Encoding.UTF8.GetString(written), Does.Not.Contain("Commentaar"));
        var reread = (Wmo302)IwmoReader.Read(written).Message!;
        Assert.That(reread.Client!.Gegevens.Commentaar, Is.Null, "blank reads back as absent");
        Assert.That(reread.Client.ToegewezenProducten.Select(p => p.ToegewezenProduct.Commentaar), Is.All.Null);
    }

    [Test]
    public void Blank_optional_Commentaar_in_a_316_is_left_out_so_the_answer_stays_xsd_valid()
    {
        var heen = (Wmo315)ReadSample("WMO315");
        var answer = new Wmo316(
            RetourHeader.For(heen.Header, "RET1", heen.Header.BerichtIdentificatie.Dagtekening, Fine),
            new VotClientRetour(
                heen.Client.Gegevens,
                string.Empty,
                [.. heen.Client.AangevraagdeProducten.Select(p => new AangevraagdProductRetour(p with { Commentaar = " " }, Fine))],
                Fine));

        var written = IwmoWriter.ToBytes(answer);

        Assert.That(Validate(written), Is.Empty, "findings against schemas/iwmo-3.2");
        Assert.That(Encoding.UTF8.GetString(written), Does.Not.Contain("Commentaar"));
        Assert.That(((Wmo316)IwmoReader.Read(written).Message!).Client!.Commentaar, Is.Null);
    }

    [Test]
    public void Optional_text_with_content_keeps_its_surrounding_whitespace()
    {
        var heen = (Wmo301)ReadSample("WMO301");
        var changed = heen with { Client = heen.Client with { Gegevens = heen.Client.Gegevens with { Commentaar = " kort " } } };

        var reread = (Wmo301)IwmoReader.Read(IwmoWriter.ToBytes(changed)).Message!;

        Assert.That(reread.Client.Gegevens.Commentaar, Is.EqualTo(" kort "));
    }

    [Test]
    public void Rejected_retour_keeps_its_header_RetourCodes_and_an_accepted_one_has_none()
    {
        var rejected = MessageBuilders.Wmo318(withClient: false, header: MessageBuilders.RetourHeader(retourCodes: "0001"));
        var accepted = MessageBuilders.Wmo318(withClient: false, header: MessageBuilders.RetourHeader());

        var rejectedXml = IwmoWriter.ToBytes(rejected);
        var acceptedXml = IwmoWriter.ToBytes(accepted);

        Assert.That(Validate(rejectedXml), Is.Empty);
        Assert.That(Validate(acceptedXml), Is.Empty);
        XNamespace wmo = MessageType.Wmo318.Namespace;
        var header = XDocument.Load(new MemoryStream(rejectedXml)).Root!.Element(wmo + "Header")!;
        Assert.That(header.Element(wmo + "RetourCodes")!.Elements(wmo + "RetourCode").Select(e => e.Value), Is.EqualTo(new[] { "0001" }));
        Assert.That(Encoding.UTF8.GetString(acceptedXml), Does.Not.Contain("RetourCodes"));
        Assert.That(((Wmo318)IwmoReader.Read(rejectedXml).Message!).Header.RetourCodes, Is.EqualTo(MessageBuilders.Codes("0001")));
    }
}
