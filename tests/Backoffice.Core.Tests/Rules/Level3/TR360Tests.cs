using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR360Tests
{
    [Test]
    public void TR360_a_first_in_onderzoek_is_fine() =>
        Assert.That(Found(InOnderzoek(), View([Request(VowReference)]), "TR360"), Is.Empty);

    [Test]
    public void TR360_a_second_in_onderzoek_is_refused_with_9360_on_the_verzoek_antwoord()
    {
        var finding = Found(InOnderzoek(), View([Request(VowReference, RequestState.InOnderzoek, inOnderzoekOn: new(2023, 3, 3))]), "TR360").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Antwoord/VerzoekAntwoord"));
        Assert.That(finding.Retourcode, Is.EqualTo("9360"));
        Assert.That(finding.Level, Is.EqualTo(3));
    }

    [Test]
    public void TR360_in_onderzoek_after_afgewezen_is_refused_too() =>
        Assert.That(Found(InOnderzoek(), View([Request(VowReference, RequestState.Rejected)]), "TR360"), Has.Exactly(1).Items);

    [Test]
    public void TR360_afgewezen_after_in_onderzoek_is_the_final_answer_and_not_this_rules_concern() =>
        Assert.That(Found(RuleSamples.Read<Wmo319>("WMO319.xml"), View([Request(VowReference, RequestState.InOnderzoek, inOnderzoekOn: new(2023, 3, 3))]), "TR360"), Is.Empty);

    private static Wmo319 InOnderzoek()
    {
        var sample = RuleSamples.Read<Wmo319>("WMO319.xml");
        return sample with { Antwoord = sample.Antwoord with { VerzoekAntwoord = "2", RedenAfwijzingVerzoek = null } };
    }
}
