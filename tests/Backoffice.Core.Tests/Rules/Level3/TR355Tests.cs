using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR355Tests
{
    [Test]
    public void TR355_an_answer_to_a_known_request_of_the_provider_is_fine() =>
        Assert.That(Found(Answer(), View([Request(VowReference)]), "TR355"), Is.Empty);

    [Test]
    public void TR355_an_answer_to_an_unknown_reference_is_refused_with_9355_on_the_antwoord()
    {
        var finding = Found(Answer(), View([Request("9004")]), "TR355").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Antwoord/ReferentieAanbieder"));
        Assert.That(finding.Retourcode, Is.EqualTo("9355"));
        Assert.That(finding.Level, Is.EqualTo(3));
    }

    [Test]
    public void TR355_the_reference_of_another_provider_or_of_a_request_to_another_municipality_does_not_count() =>
        Assert.That(Found(Answer(), View([Request(VowReference, provider: "12345678"), Request(VowReference, municipality: "0363")]), "TR355"), Has.Exactly(1).Items);

    [Test]
    public void TR355_a_vot_line_is_a_request_too() =>
        Assert.That(Found(Answer(), View([Request(VowReference, RequestState.InOnderzoek, RequestKind.Vot)]), "TR355"), Is.Empty);

    /// <summary>The 319 sample: municipality 0384 rejects (VerzoekAntwoord 1) request 9003 of provider 65656055.</summary>
    private static Wmo319 Answer() => RuleSamples.Read<Wmo319>("WMO319.xml");
}
