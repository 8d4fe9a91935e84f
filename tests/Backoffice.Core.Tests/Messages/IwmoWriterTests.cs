using System.Text;
using System.Xml.Linq;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Standard;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Messages;

/// <summary>The file-level rules of OP192 and the shape the samples use.</summary>
[TestFixture]
public sealed class IwmoWriterTests
{
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
}
