using System.Xml.Linq;
using Backoffice.Core.Messages;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Messages;

/// <summary>
/// Read → write → XSD-validate → read must give the same record, for every official sample and
/// for the answer messages (mapped from iJw, or built). The written XML must also carry every
/// element and value of the input, so a field the reader skips cannot hide behind equal records.
/// </summary>
[TestFixture]
public sealed class MessageRoundTripTests
{
    private static readonly Lazy<SchemaCatalogue> OurSchemas = new(() => SchemaCatalogue.Load(RepoPaths.IwmoSchemas));

    private static readonly Lazy<SchemaCatalogue> ReferenceSchemas = new(() => SchemaCatalogue.Load(RepoPaths.ReferenceXsd("iwmo-3.2")));

    public static IEnumerable<TestCaseData> HeenSamples() =>
        new[] { "WMO301", "WMO305", "WMO307", "WMO315", "WMO317", "WMO319", "WMO323" }
            .Select(name => new TestCaseData(name).SetName($"Heen sample {name} round-trips"));

    public static IEnumerable<TestCaseData> AnswerSamples() =>
        IjwAnswerSamples.Numbers.Select(n => new TestCaseData(n).SetName($"Answer sample JW{n} as WMO{n} round-trips"));

    [TestCaseSource(nameof(HeenSamples))]
    public void Heen_sample_round_trips_and_stays_valid(string name)
    {
        var document = XDocument.Load(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), name + ".xml"));

        var (message, written) = AssertRoundTrip(document, MessageType.FromName(name)!);

        // Differential: the official XSD (present for the heen messages) must accept our output too.
        Assert.That(Validate(ReferenceSchemas.Value, written), Is.Empty, "findings against the reference XSD");
        Assert.That(message.Header.BerichtIdentificatie.Identificatie, Is.Not.Empty);
    }

    [TestCaseSource(nameof(AnswerSamples))]
    public void Answer_sample_mapped_from_ijw_round_trips_and_stays_valid(int number)
    {
        var document = IjwAnswerSamples.Load(number);

        AssertRoundTrip(document, MessageType.FromName($"WMO{number}")!);
    }

    [Test]
    public void Built_wmo318_round_trips_and_stays_valid()
    {
        var built = MessageBuilders.Wmo318();

        var written = IwmoWriter.ToBytes(built);

        Assert.That(Validate(OurSchemas.Value, written), Is.Empty);
        var reread = IwmoReader.Read(written);
        Assert.That(reread.Succeeded, Is.True, () => reread.ToString());
        Assert.That(reread.Message, Is.EqualTo(built));
    }

    [Test]
    public void Built_wmo318_without_client_round_trips_and_stays_valid()
    {
        var built = MessageBuilders.Wmo318(withClient: false, header: MessageBuilders.RetourHeader(xsltVersie: "2.10.5", retourCodes: "0001"));

        var written = IwmoWriter.ToBytes(built);

        Assert.That(Validate(OurSchemas.Value, written), Is.Empty);
        Assert.That(IwmoReader.Read(written).Message, Is.EqualTo(built));
    }

    private static (IwmoMessage Message, byte[] Written) AssertRoundTrip(XDocument input, MessageType expected)
    {
        var inputBytes = ToBytes(input);
        Assert.That(Validate(OurSchemas.Value, inputBytes), Is.Empty, "the input itself must be valid iWmo 3.2");

        var first = IwmoReader.Read(inputBytes);
        Assert.That(first.Succeeded, Is.True, () => first.ToString());
        Assert.That(first.Message!.Type, Is.EqualTo(expected));

        var written = IwmoWriter.ToBytes(first.Message);
        Assert.That(Validate(OurSchemas.Value, written), Is.Empty, "findings against schemas/iwmo-3.2");

        var second = IwmoReader.Read(written);
        Assert.That(second.Succeeded, Is.True, () => second.ToString());
        Assert.That(second.Message, Is.EqualTo(first.Message));
        Assert.That(XmlDifference.Between(input, XDocument.Load(new MemoryStream(written))), Is.Null);
        return (first.Message, written);
    }

    private static byte[] ToBytes(XDocument document)
    {
        // The catalogue applies OP192 too, so the mapped input is saved without a BOM.
        using var stream = new MemoryStream();
        using (var writer = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) }))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }

    private static IReadOnlyList<Backoffice.Core.Validation.Finding> Validate(SchemaCatalogue catalogue, byte[] xml)
    {
        using var stream = new MemoryStream(xml);
        return catalogue.Validate(stream);
    }
}
