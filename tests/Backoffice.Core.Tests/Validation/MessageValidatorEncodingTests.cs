using System.Text;
using Backoffice.Core.Schemas;
using Backoffice.Core.Validation;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Validation;

/// <summary>
/// OP192: an iWmo file is UTF-8 without a byte order mark. Every other encoding is refused at
/// level 1 with a finding that says which encoding it is, and the verdict and summary say it is the
/// file-format rule, not the XSD.
/// </summary>
public sealed class MessageValidatorEncodingTests
{
    private const string Utf8Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private static readonly Lazy<MessageValidator> Ours = new(() => new MessageValidator(SchemaCatalogue.Load(RepoPaths.IwmoSchemas)));

    private static ValidationReport Validate(byte[] bytes) => Ours.Value.Validate(new MemoryStream(bytes));

    /// <summary>The WMO301 sample with its XML declaration replaced (or removed, for null).</summary>
    private static string Wmo301(string? declaration)
    {
        var xml = File.ReadAllText(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), "WMO301.xml"));
        Assert.That(xml, Does.StartWith(Utf8Declaration), "the sample's own declaration");
        return declaration + xml[Utf8Declaration.Length..].TrimStart();
    }

    [TestCase("little-endian", "FF FE")]
    [TestCase("big-endian", "FE FF")]
    public void Utf16_file_with_its_byte_order_mark_is_refused_as_not_utf8(string order, string mark)
    {
        var encoding = order == "little-endian" ? Encoding.Unicode : Encoding.BigEndianUnicode;
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(Wmo301("<?xml version=\"1.0\" encoding=\"UTF-16\"?>"))];

        var report = Validate(bytes);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Invalid));
        var finding = report.Findings.Single();
        Assert.That(finding.Rule, Is.EqualTo("OP192"));
        Assert.That(finding.Message, Does.Contain("UTF-16 byte order mark").And.Contain(mark).And.Contain("iWmo files are UTF-8"));
        Assert.That(report.Summary, Does.StartWith("Invalid (file format, OP192): "));
    }

    [Test]
    public void Utf16_file_whose_declaration_still_says_utf8_is_refused_for_its_byte_order_mark_not_as_unreadable()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Wmo301(Utf8Declaration))];

        var report = Validate(bytes);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Invalid));
        Assert.That(report.Findings.Single().Message, Does.Contain("UTF-16 byte order mark"));
    }

    [Test]
    public void Utf16_file_without_byte_order_mark_is_refused_as_not_utf8()
    {
        var report = Validate(Encoding.Unicode.GetBytes(Wmo301("<?xml version=\"1.0\" encoding=\"UTF-16\"?>")));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Invalid));
        var finding = report.Findings.Single();
        Assert.That(finding.Rule, Is.EqualTo("OP192"));
        Assert.That(finding.Message, Does.Contain("UTF-16 (little-endian) without a byte order mark"));
    }

    [Test]
    public void Utf32_file_with_its_byte_order_mark_is_refused_as_utf32_not_utf16()
    {
        byte[] bytes = [.. Encoding.UTF32.GetPreamble(), .. Encoding.UTF32.GetBytes(Wmo301(null))];

        var report = Validate(bytes);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Invalid));
        Assert.That(report.Findings.Single().Message, Does.Contain("UTF-32 byte order mark"));
    }

    [TestCase("ISO-8859-1")]
    [TestCase("us-ascii")]
    public void File_declaring_another_encoding_is_refused_by_OP192_and_still_checked_as_a_message(string encoding)
    {
        var bytes = Encoding.Latin1.GetBytes(Wmo301($"<?xml version=\"1.0\" encoding=\"{encoding}\"?>"));

        var report = Validate(bytes);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Invalid));
        Assert.That(report.MessageType, Is.EqualTo("WMO301"), "the pass goes on, as for a UTF-8 BOM");
        var finding = report.Findings.Single();
        Assert.That(finding.Rule, Is.EqualTo("OP192"));
        Assert.That(finding.Message, Does.Contain($"declares encoding {encoding}; iWmo files are UTF-8"));
        Assert.That(finding.Line, Is.EqualTo(1));
        Assert.That(report.Summary, Does.StartWith("Invalid (file format, OP192): "));
    }

    // .NET reads no Windows code pages without an extra provider, which is as it should be here.
    [TestCase("windows-1252")]
    [TestCase("x-no-such-charset")]
    public void File_declaring_an_encoding_this_service_cannot_read_is_refused_by_OP192_not_as_unreadable(string encoding)
    {
        var report = Validate(Encoding.UTF8.GetBytes(Wmo301($"<?xml version=\"1.0\" encoding=\"{encoding}\"?>")));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Invalid));
        var finding = report.Findings.Single();
        Assert.That(finding.Rule, Is.EqualTo("OP192"));
        Assert.That(finding.Message, Does.Contain($"declares encoding {encoding} (not one this service can read); iWmo files are UTF-8"));
    }

    [Test]
    public void Utf8_bytes_declaring_utf16_are_refused_by_OP192()
    {
        var report = Validate(Encoding.UTF8.GetBytes(Wmo301("<?xml version=\"1.0\" encoding=\"UTF-16\"?>")));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Invalid));
        Assert.That(report.Findings.Single().Rule, Is.EqualTo("OP192"));
        Assert.That(report.Findings.Single().Message, Does.Contain("declares a UTF-16"));
    }

    [TestCase("<?xml version=\"1.0\" encoding=\"utf-8\"?>")]
    [TestCase("<?xml version=\"1.0\"?>")]
    [TestCase(null)]
    public void Utf8_in_any_spelling_or_undeclared_is_valid(string? declaration)
    {
        var report = Validate(Encoding.UTF8.GetBytes(Wmo301(declaration)));

        Assert.That(report.Findings, Is.Empty);
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid));
    }

    [Test]
    public void Utf8_byte_order_mark_on_a_valid_file_is_the_file_format_rule_OP192_not_an_XSD_error()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Wmo301(Utf8Declaration))];

        var report = Validate(bytes);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Invalid));
        Assert.That(report.MessageType, Is.EqualTo("WMO301"));
        var finding = report.Findings.Single();
        Assert.That(finding.Rule, Is.EqualTo("OP192"));
        Assert.That(finding.Message, Does.Contain("UTF-8 byte order mark").And.Contain("file-format rule OP192, not an XSD error"));
        Assert.That(report.Summary, Does.StartWith("Invalid (file format, OP192): line 1, column 1: The file starts with a UTF-8 byte order mark"));
    }

    [Test]
    public void Summary_of_a_schema_error_names_the_XSD()
    {
        var xml = Wmo301(Utf8Declaration).Replace("<wmo301:Geslacht>", "<wmo301:Onbekend/><wmo301:Geslacht>", StringComparison.Ordinal);

        var report = Validate(Encoding.UTF8.GetBytes(xml));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Invalid));
        Assert.That(report.Summary, Does.StartWith("Invalid (XSD): line "));
    }

    [Test]
    public void Bytes_that_are_not_utf8_are_named_as_OP192_and_not_quoted()
    {
        // "Comment\xE9" in Latin-1 under a UTF-8 declaration: E9 starts a multi-byte sequence that never comes.
        var xml = Wmo301(Utf8Declaration);
        var at = xml.IndexOf("Commentaar>", StringComparison.Ordinal) + "Commentaar>".Length;
        byte[] bytes = [.. Encoding.UTF8.GetBytes(xml[..at]), .. "Jans"u8, 0xE9, .. "n "u8, .. Encoding.UTF8.GetBytes(xml[at..])];

        var report = Validate(bytes);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unreadable));
        var finding = report.Findings[^1];
        Assert.That(finding.Rule, Is.EqualTo("OP192"));
        Assert.That(finding.Message, Does.Contain("not valid UTF-8").And.Not.Contain("Jans"));
    }
}
