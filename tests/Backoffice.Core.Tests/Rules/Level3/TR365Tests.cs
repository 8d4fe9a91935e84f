using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR365Tests
{
    [Test]
    public void TR365_afgewezen_after_in_onderzoek_is_fine() =>
        Assert.That(Found(Answer(), View([Request(VowReference, RequestState.InOnderzoek, inOnderzoekOn: new(2023, 3, 3))]), "TR365"), Is.Empty);

    [Test]
    public void TR365_a_second_afgewezen_is_refused_with_9365_on_the_antwoord()
    {
        var finding = Found(Answer(), View([Request(VowReference, RequestState.Rejected)]), "TR365").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Antwoord/ReferentieAanbieder"));
        Assert.That(finding.Retourcode, Is.EqualTo("9365"));
        Assert.That(finding.Level, Is.EqualTo(3));
    }

    [Test]
    public void TR365_a_first_answer_is_fine() =>
        Assert.That(Found(Answer(), View([Request(VowReference)]), "TR365"), Is.Empty);

    private static Wmo319 Answer() => RuleSamples.Read<Wmo319>("WMO319.xml");
}
