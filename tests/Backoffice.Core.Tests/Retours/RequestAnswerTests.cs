using System.Text;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using Backoffice.Core.Retours;
using Backoffice.Core.Rules;
using Backoffice.Core.Schemas;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Retours;

/// <summary>The 319 staff have the backoffice build for an open request (WJ759, WJ760, CD085, CD086).</summary>
public sealed class RequestAnswerTests
{
    private static readonly AnswerIdentity Identity = AnswerIdentity.Create("A18f2c3d4e5f", new DateOnly(2026, 12, 2));

    private static readonly RecordedRequest Vot = new(
        7, 41, RequestKind.Vot, "0384", "42420001", "999900006", "VOT-2026-000123", new DateOnly(2026, 11, 27), new DateOnly(2026, 11, 30), RequestState.Open, null);

    private static SchemaCatalogue Ours => SchemaCatalogue.Load(RepoPaths.IwmoSchemas);

    private static byte[] Checked(Wmo319 message)
    {
        var bytes = IwmoWriter.ToBytes(message);
        Assert.That(Ours.Validate(new MemoryStream(bytes)), Is.Empty, "valid against our WMO319.xsd");
        Assert.That(RuleSet.Level2.Check(message), Is.Empty, "passes every level-2 rule (CD085, CD086 ...)");
        Assert.That(IwmoReader.Read(bytes).Message, Is.EqualTo(message), "reads back as built");
        return bytes;
    }

    [Test]
    public void A_rejection_goes_from_the_requests_municipality_to_its_provider_with_the_reference_and_the_reason()
    {
        var message = RequestAnswer.For(Vot, RequestDecision.Afgewezen, "3", Identity, Ours);

        var bytes = Checked(message);
        Assert.That((message.Header.Afzender, message.Header.Ontvanger), Is.EqualTo(("0384", "42420001")));
        Assert.That(message.Antwoord, Is.EqualTo(new Antwoord("VOT-2026-000123", "1", "3")));
        Golden.Verify(Encoding.UTF8.GetString(bytes), "request_WMO319_afgewezen", "xml");
    }

    [Test]
    public void In_onderzoek_carries_no_reason()
    {
        var message = RequestAnswer.For(Vot, RequestDecision.InOnderzoek, null, Identity, Ours);

        Checked(message);
        Assert.That(message.Antwoord, Is.EqualTo(new Antwoord("VOT-2026-000123", "2", null)));
    }

    [TestCase(RequestDecision.Afgewezen, null)]
    [TestCase(RequestDecision.Afgewezen, "0")]
    [TestCase(RequestDecision.Afgewezen, "10")]
    [TestCase(RequestDecision.InOnderzoek, "3")]
    public void A_reason_missing_outside_WJ759_or_given_with_in_onderzoek_is_refused_before_anything_is_built(RequestDecision decision, string? reason) =>
        Assert.That(() => RequestAnswer.For(Vot, decision, reason, Identity, Ours), Throws.ArgumentException);

    [Test]
    public void The_reasons_are_exactly_the_codes_of_WJ759_in_our_schema()
    {
        var xsd = File.ReadAllText(Path.Combine(RepoPaths.IwmoSchemas, "basisschema.xsd"));
        var type = xsd[xsd.IndexOf("name=\"LDT_RedenAfwijzingVerzoek\"", StringComparison.Ordinal)..];
        type = type[..type.IndexOf("</xs:simpleType>", StringComparison.Ordinal)];
        var codes = System.Text.RegularExpressions.Regex.Matches(type, "enumeration value=\"([^\"]+)\"").Select(m => m.Groups[1].Value);

        Assert.That(RequestAnswer.Reasons.Keys, Is.EquivalentTo(codes));
    }
}
