using System.Text;
using Backoffice.Core.Schemas;
using Backoffice.Core.Validation;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Validation;

/// <summary>Level 1 on real XML: classification, XSD findings with their place, and every kind of bad input as a value.</summary>
public sealed class MessageValidatorTests
{
    private static readonly Lazy<MessageValidator> Ours = new(() => new MessageValidator(SchemaCatalogue.Load(RepoPaths.IwmoSchemas)));

    private static MessageValidator Validator => Ours.Value;

    private static string Sample(string name) => File.ReadAllText(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), name));

    private static ValidationReport Validate(string xml) => Validator.Validate(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    private static ValidationReport Validate(byte[] bytes) => Validator.Validate(new MemoryStream(bytes));

    [TestCaseSource(typeof(Samples), nameof(Samples.Iwmo32))]
    public void Reference_sample_is_valid_and_classified(string file)
    {
        RepoPaths.RequireReference();
        using var stream = File.OpenRead(file);
        var report = Validator.Validate(stream);

        var expected = Path.GetFileNameWithoutExtension(file);
        Assert.That(report.Findings, Is.Empty);
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid));
        Assert.That(report.Standard, Is.EqualTo("iWmo 3.2"));
        Assert.That(report.MessageType, Is.EqualTo(expected));
        Assert.That(report.BerichtCode, Is.EqualTo(Core.Standard.MessageType.FromName(expected)!.BerichtCode));
    }

    [Test]
    public void Header_facts_are_read_in_the_same_pass()
    {
        var report = Validate(Sample("WMO323.xml"));

        Assert.That(report.Header, Is.EqualTo(new MessageHeaderFacts("65656055", "0384", "765432198", "2023-05-06")));
    }

    [Test]
    public void Removed_required_element_is_reported_with_its_path_and_line()
    {
        var xml = Sample("WMO305.xml");
        var lines = xml.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains("<wmo305:Geslacht>", StringComparison.Ordinal));
        var broken = string.Join('\n', lines.Where((_, i) => i != index));

        var report = Validate(broken);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Invalid));
        var finding = report.Findings.Single();
        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Geslacht"));
        Assert.That(finding.Line, Is.EqualTo(index + 1), "the line where Geslacht was, now holding the element that follows it");
        Assert.That(finding.Level, Is.EqualTo(1));
        Assert.That(finding.Message, Does.Contain("Geslacht"));
    }

    [Test]
    public void Second_prestatie_gets_a_positional_path()
    {
        var xml = Sample("WMO323.xml");
        var at = xml.IndexOf("<wmo323:ProductCode>01A04<", StringComparison.Ordinal);
        xml = xml[..at] + "<wmo323:ProductCode>01A04XX<" + xml[(at + "<wmo323:ProductCode>01A04<".Length)..];

        var finding = Validate(xml).Findings.Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/ProductCode"));
    }

    [Test]
    public void Finding_never_quotes_the_value_so_no_BSN_leaks()
    {
        var report = Validate(Sample("WMO323.xml").Replace("<wmo323:Bsn>999900006<", "<wmo323:Bsn>12345678X<", StringComparison.Ordinal));

        var finding = report.Findings.Single();
        Assert.That(finding.Path, Is.EqualTo("/Bericht/Declaratie/Clienten/Client/Bsn"));
        Assert.That(finding.Message, Does.Not.Contain("12345678X"));
        Assert.That(finding.Message, Does.Not.Contain("http://"), "namespaces are noise for staff");
        Assert.That(finding.Message, Does.Contain("Bsn"));
    }

    [Test]
    public void IJw_message_is_a_standard_we_do_not_take_yet_not_an_error()
    {
        using var stream = File.OpenRead(Path.Combine(RepoPaths.ReferenceSamples("ijw-3.2"), "JW301.xml"));
        var report = Validator.Validate(stream);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unsupported));
        Assert.That(report.Standard, Is.EqualTo("iJw 3.2"));
        Assert.That(report.MessageType, Is.EqualTo("JW301"));
        Assert.That(report.Findings.Single().Message, Does.Contain("iJw 3.2").And.Contain("not supported"));
    }

    [Test]
    public void IWmo_2_message_is_recognised_as_an_older_release()
    {
        using var stream = File.OpenRead(Path.Combine(RepoPaths.ReferenceSamples("iwmo-2.0"), "CasusB-02-WMO305_start.xml"));
        var report = Validator.Validate(stream);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unsupported));
        Assert.That(report.Standard, Is.EqualTo("iWmo 2.0"));
        Assert.That(report.MessageType, Is.EqualTo("WMO305"));
    }

    [TestCase("<Bericht xmlns=\"urn:example:other\"/>", "Unknown namespace")]
    [TestCase("<Bericht/>", "no namespace")]
    public void Unknown_namespace_is_unsupported(string xml, string expected)
    {
        var report = Validate(xml);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unsupported));
        Assert.That(report.Standard, Is.Null);
        Assert.That(report.Findings.Single().Message, Does.Contain(expected));
    }

    [Test]
    public void Not_XML_is_unreadable()
    {
        var report = Validate("this is not xml at all");

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unreadable));
        Assert.That(report.Findings.Single().Message, Does.StartWith("The file is not well-formed XML"));
    }

    [Test]
    public void Truncated_XML_is_unreadable_and_says_where()
    {
        var xml = Sample("WMO323.xml");
        var report = Validate(xml[..(xml.Length / 2)]);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unreadable));
        Assert.That(report.MessageType, Is.EqualTo("WMO323"), "what was read before the cut is still classified");
        var finding = report.Findings[^1];
        Assert.That(finding.Message, Does.Contain("truncated"));
        Assert.That(finding.Line, Is.GreaterThan(1));
    }

    [Test]
    public void Empty_file_is_unreadable()
    {
        var report = Validate([]);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unreadable));
        Assert.That(report.Findings.Single().Message, Does.Contain("empty"));
    }

    [Test]
    public void External_entity_is_never_resolved()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"backoffice-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "SECRET-MARKER-7F3A");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE Bericht [<!ENTITY leak SYSTEM "file://{secret}">]>
                <Bericht xmlns="http://www.istandaarden.nl/iwmo/3_2/wmo305/schema">&leak;</Bericht>
                """;

            var report = Validate(xml);

            Assert.That(report.Verdict, Is.EqualTo(Verdict.Unreadable));
            Assert.That(report.Findings.Single().Message, Does.Contain("DTD"));
            Assert.That(string.Join(" ", report.Findings.Select(f => f.Message)), Does.Not.Contain("SECRET-MARKER"));
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Test]
    public void Entity_expansion_bomb_is_refused_before_it_expands()
    {
        var entities = new StringBuilder("<!ENTITY a0 \"lol\">");
        for (var i = 1; i < 10; i++)
        {
            entities.Append(System.Globalization.CultureInfo.InvariantCulture, $"<!ENTITY a{i} \"&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};&a{i - 1};\">");
        }

        var report = Validate($"<?xml version=\"1.0\"?><!DOCTYPE lolz [{entities}]><lolz>&a9;</lolz>");

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unreadable));
    }

    [Test]
    public void File_over_25_MB_is_too_large_by_OP179_without_reading_it()
    {
        var big = new LengthOnlyStream(MessageValidator.DefaultMaxMessageBytes + 1);

        var report = Validator.Validate(big);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.TooLarge));
        Assert.That(report.Findings.Single().Rule, Is.EqualTo("OP179"));
        Assert.That(big.BytesRead, Is.Zero);
    }

    [Test]
    public void Unseekable_stream_over_the_limit_stops_at_the_limit()
    {
        var validator = new MessageValidator(Validator.Catalogue, maxMessageBytes: 64 * 1024);
        var xml = Encoding.UTF8.GetBytes(Sample("WMO323.xml").Replace("</wmo323:Bericht>", new string(' ', 100_000) + "</wmo323:Bericht>", StringComparison.Ordinal));

        var report = validator.Validate(new ForwardOnlyStream(new MemoryStream(xml)));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.TooLarge));
        Assert.That(report.Findings[^1].Rule, Is.EqualTo("OP179"));
    }

    [Test]
    public void Deeply_nested_junk_is_a_value_with_a_bounded_number_of_findings()
    {
        const int depth = 50_000;
        var xml = new StringBuilder("<wmo305:Bericht xmlns:wmo305=\"http://www.istandaarden.nl/iwmo/3_2/wmo305/schema\">");
        for (var i = 0; i < depth; i++)
        {
            xml.Append("<wmo305:Junk>");
        }

        for (var i = 0; i < depth; i++)
        {
            xml.Append("</wmo305:Junk>");
        }

        xml.Append("</wmo305:Bericht>");

        var report = Validate(xml.ToString());

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Invalid));
        Assert.That(report.Findings, Has.Count.LessThanOrEqualTo(MessageValidator.MaxFindings));
        Assert.That(report.Findings[0].Path, Is.EqualTo("/Bericht/Header"), "the first thing wrong: the Header that should be where the junk starts");
    }

    [Test]
    public void Random_corruption_of_every_sample_is_always_a_verdict_never_an_exception()
    {
        // Seeded, so a failure reproduces: flip, drop and insert bytes (including invalid UTF-8,
        // NULs and markup characters) in each sample.
        var random = new Random(20261126);
        byte[] noise = [0x00, 0xFF, 0xC3, (byte)'<', (byte)'>', (byte)'&', (byte)'"', (byte)'/', (byte)']'];
        var cases = 0;
        foreach (var sample in Samples.Iwmo32())
        {
            RepoPaths.RequireReference();
            var original = File.ReadAllBytes(sample);
            for (var i = 0; i < 150; i++, cases++)
            {
                var bytes = original.ToList();
                for (var edits = random.Next(1, 4); edits > 0; edits--)
                {
                    var at = random.Next(bytes.Count);
                    switch (random.Next(3))
                    {
                        case 0: bytes[at] = noise[random.Next(noise.Length)]; break;
                        case 1: bytes.RemoveAt(at); break;
                        default: bytes.Insert(at, noise[random.Next(noise.Length)]); break;
                    }
                }

                var report = Validate([.. bytes]);

                Assert.That(report.Verdict == Verdict.Valid || report.Findings.Count > 0, Is.True, $"{Path.GetFileName(sample)} case {i}: a rejection always says why");
            }
        }

        TestContext.Out.WriteLine($"{cases} corrupted messages validated without an exception.");
    }

    [Test]
    public void Document_cannot_choose_its_own_schema()
    {
        var xml = Sample("WMO305.xml")
            .Replace("<wmo305:Geslacht>", "<wmo305:Unknown/><wmo305:Geslacht>", StringComparison.Ordinal)
            .Replace("<wmo305:Bericht ", "<wmo305:Bericht xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://www.istandaarden.nl/iwmo/3_2/wmo305/schema http://example.invalid/lax.xsd\" ", StringComparison.Ordinal);

        var report = Validate(xml);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Invalid));
    }

    /// <summary>Reports a length without having content: proves the size check reads nothing.</summary>
    private sealed class LengthOnlyStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            BytesRead += count;
            return 0;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
