using System.Text;
using System.Xml;
using Backoffice.Core.Messages;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.Core.Tests.Messages;
using Backoffice.Core.Validation;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Validation;

/// <summary>
/// What a message is, before what is wrong inside it: the BerichtCode against the namespace (RS047),
/// the direction (the inbox takes in no answer the municipality sends itself), and a message name
/// that iWmo 3.2 does not have.
/// </summary>
public sealed class MessageValidatorClassificationTests
{
    private static readonly Lazy<MessageValidator> Ours = new(() => new MessageValidator(SchemaCatalogue.Load(RepoPaths.IwmoSchemas)));

    private static MessageValidator Validator => Ours.Value;

    private static string Sample(string name) => File.ReadAllText(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), name + ".xml"));

    private static ValidationReport Validate(string xml, MessageScope scope = MessageScope.Inbound) =>
        Validator.Validate(new MemoryStream(Encoding.UTF8.GetBytes(xml)), scope);

    private static ValidationReport Validate(byte[] bytes, MessageScope scope) => Validator.Validate(new MemoryStream(bytes), scope);

    private static string WithBerichtCode(string sample, string code)
    {
        var prefix = sample.ToLowerInvariant();
        var expected = MessageType.FromName(sample)!.BerichtCode;
        return Sample(sample).Replace($"<{prefix}:BerichtCode>{expected}</{prefix}:BerichtCode>", code, StringComparison.Ordinal);
    }

    /// <summary>A valid XML file of every answer: mapped from its iJw twin, or built (no valid JW318 exists).</summary>
    private static byte[] ValidAnswer(int number)
    {
        if (number == 318)
        {
            return IwmoWriter.ToBytes(MessageBuilders.Wmo318());
        }

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            IjwAnswerSamples.Load(number).Save(writer);
        }

        return stream.ToArray();
    }

    // RS047: the BerichtCode belongs to the message the namespace names.

    [Test]
    public void BerichtCode_of_another_message_is_reported_as_not_belonging_to_the_namespace()
    {
        var report = Validate(WithBerichtCode("WMO301", "<wmo301:BerichtCode>415</wmo301:BerichtCode>"));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Invalid));
        Assert.That(report.MessageType, Is.EqualTo("WMO301"));
        Assert.That(report.BerichtCode, Is.EqualTo(415));
        var finding = report.Findings.Single();
        Assert.That(finding.Rule, Is.EqualTo("RS047"), "its own finding, instead of the XSD pattern message");
        Assert.That(finding.Message, Does.StartWith("BerichtCode 415 does not belong to WMO301 (expected 414); 415 is the BerichtCode of WMO302"));
        Assert.That(finding.Path, Is.EqualTo("/Bericht/Header/BerichtCode"));
        Assert.That(finding.Line, Is.EqualTo(4));
        Assert.That(report.Summary, Does.StartWith("Invalid (BerichtCode, RS047): line 4, column 4: BerichtCode 415 does not belong to WMO301"));
    }

    [Test]
    public void BerichtCode_of_a_heen_message_in_another_heen_namespace_names_both()
    {
        var report = Validate(WithBerichtCode("WMO305", "<wmo305:BerichtCode>414</wmo305:BerichtCode>"));

        Assert.That(report.Findings.Single().Message, Does.StartWith("BerichtCode 414 does not belong to WMO305 (expected 418); 414 is the BerichtCode of WMO301"));
    }

    [Test]
    public void BerichtCode_that_is_no_iWmo_code_names_the_expected_one()
    {
        var report = Validate(WithBerichtCode("WMO323", "<wmo323:BerichtCode>436</wmo323:BerichtCode>"));

        var finding = report.Findings.Single();
        Assert.That(finding.Rule, Is.EqualTo("RS047"));
        Assert.That(finding.Message, Does.StartWith("BerichtCode 436 does not belong to WMO323 (expected 484); 436 is not the code of any iWmo 3.2 message"));
    }

    [TestCase("<wmo301:BerichtCode>999900006</wmo301:BerichtCode>", "999900006")]
    [TestCase("<wmo301:BerichtCode>4l4</wmo301:BerichtCode>", "4l4")]
    public void BerichtCode_that_is_not_a_three_digit_code_is_reported_without_quoting_it(string element, string value)
    {
        var report = Validate(WithBerichtCode("WMO301", element));

        var finding = report.Findings.Single();
        Assert.That(finding.Rule, Is.EqualTo("RS047"));
        Assert.That(finding.Message, Does.StartWith("BerichtCode is not a three-digit code; WMO301 has BerichtCode 414").And.Not.Contain(value));
    }

    [TestCase("<wmo301:BerichtCode/>")]
    [TestCase("<wmo301:BerichtCode></wmo301:BerichtCode>")]
    public void Empty_BerichtCode_is_reported_as_RS047(string element)
    {
        var report = Validate(WithBerichtCode("WMO301", element));

        var finding = report.Findings.Single();
        Assert.That(finding.Rule, Is.EqualTo("RS047"));
        Assert.That(finding.Message, Does.StartWith("BerichtCode is empty; WMO301 has BerichtCode 414"));
    }

    [Test]
    public void BerichtCode_split_over_text_and_cdata_is_read_whole()
    {
        var report = Validate(WithBerichtCode("WMO301", "<wmo301:BerichtCode>41<![CDATA[4]]></wmo301:BerichtCode>"));

        Assert.That(report.Findings, Is.Empty);
        Assert.That(report.BerichtCode, Is.EqualTo(414));
    }

    [Test]
    public void Missing_BerichtCode_stays_an_XSD_finding()
    {
        var report = Validate(WithBerichtCode("WMO301", string.Empty));

        var finding = report.Findings.Single();
        Assert.That(finding.Rule, Is.EqualTo("XSD"));
        Assert.That(finding.Path, Is.EqualTo("/Bericht/Header/BerichtCode"));
        Assert.That(finding.Message, Does.Contain("BerichtCode"));
    }

    // Direction: the inbox takes in what providers and our own front office send.

    [TestCase(306)]
    [TestCase(308)]
    [TestCase(316)]
    [TestCase(318)]
    [TestCase(325)]
    public void Answer_the_municipality_sends_itself_is_not_a_message_the_inbox_takes_in(int number)
    {
        var report = Validate(ValidAnswer(number), MessageScope.Inbound);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unsupported));
        Assert.That(report.Standard, Is.EqualTo("iWmo 3.2"));
        Assert.That(report.MessageType, Is.EqualTo($"WMO{number}"));
        var answers = MessageType.FromName($"WMO{number}")!.AnswersName;
        Assert.That(report.Findings.Single().Message, Is.EqualTo(
            $"WMO{number} is the answer on a {answers}: an answer message the municipality itself sends, not a message this service takes in."));
    }

    [TestCase(306)]
    [TestCase(308)]
    [TestCase(316)]
    [TestCase(318)]
    [TestCase(325)]
    public void Answer_the_municipality_sends_itself_is_valid_when_any_direction_is_in_scope(int number)
    {
        var report = Validate(ValidAnswer(number), MessageScope.AnyDirection);

        Assert.That(report.Findings, Is.Empty);
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid));
    }

    [TestCase(302)]
    [TestCase(320)]
    public void Provider_retour_on_our_message_is_taken_in(int number)
    {
        var report = Validate(ValidAnswer(number), MessageScope.Inbound);

        Assert.That(report.Findings, Is.Empty);
        Assert.That(report.Verdict, Is.EqualTo(Verdict.Valid));
        Assert.That(report.MessageType, Is.EqualTo($"WMO{number}"));
    }

    [Test]
    public void Validate_without_a_scope_is_the_inbox_view()
    {
        var report = Validator.Validate(new MemoryStream(ValidAnswer(325)));

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unsupported));
    }

    // The iWmo 3.2 namespace family with a message name iWmo 3.2 does not have.

    [TestCase("wmo303", "WMO303")]
    [TestCase("wmo399", "WMO399")]
    public void Unknown_message_in_the_iWmo_3_2_namespace_family_is_not_a_message_of_iWmo_3_2(string segment, string name)
    {
        var report = Validate($"<{segment}:Bericht xmlns:{segment}=\"http://www.istandaarden.nl/iwmo/3_2/{segment}/schema\"><{segment}:Header/></{segment}:Bericht>");

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unsupported));
        Assert.That(report.Standard, Is.EqualTo("iWmo 3.2"));
        Assert.That(report.MessageType, Is.EqualTo(name));
        var message = report.Findings.Single().Message;
        Assert.That(message, Does.StartWith($"{name} is not a message of iWmo 3.2 (unknown message type in the iWmo 3.2 namespace family)"));
        Assert.That(message, Does.Contain("WMO301, WMO302, WMO305").And.Not.Contain("not supported (yet)"));
    }

    [Test]
    public void Other_iWmo_release_is_still_a_release_not_supported_yet()
    {
        var report = Validate("<wmo323:Bericht xmlns:wmo323=\"http://www.istandaarden.nl/iwmo/3_3/wmo323/schema\"/>");

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unsupported));
        Assert.That(report.Findings.Single().Message, Does.Contain("iWmo 3.3 is not supported (yet)"));
    }
}
