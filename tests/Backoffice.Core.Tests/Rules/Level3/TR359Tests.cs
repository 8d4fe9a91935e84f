using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR359Tests
{
    [Test]
    public void TR359_an_answer_to_an_open_request_is_fine() =>
        Assert.That(Found(Answer(), View([Request(VowReference)]), "TR359"), Is.Empty);

    [Test]
    public void TR359_an_answer_after_a_301_with_the_reference_is_refused_with_9359_on_the_antwoord()
    {
        var finding = Found(Answer(), View([Request(VowReference, RequestState.Allocated)]), "TR359").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Antwoord/ReferentieAanbieder"));
        Assert.That(finding.Retourcode, Is.EqualTo("9359"));
        Assert.That(finding.Level, Is.EqualTo(3));
    }

    [Test]
    public void TR359_an_allocation_version_carrying_the_reference_counts_as_a_301()
    {
        var allocated = Allocation(10072, null, new(2023, 1, 1), new(2023, 12, 31), budget: 100000, referentieAanbieder: VowReference);

        Assert.That(Found(Answer(), View([Request(VowReference)], [allocated]), "TR359"), Has.Exactly(1).Items);
    }

    [Test]
    public void TR359_a_301_with_the_reference_for_another_provider_does_not_count()
    {
        var elsewhere = Allocation(10072, null, new(2023, 1, 1), new(2023, 12, 31), budget: 100000, referentieAanbieder: VowReference, provider: "12345678");

        Assert.That(Found(Answer(), View([Request(VowReference)], [elsewhere]), "TR359"), Is.Empty);
    }

    private static Wmo319 Answer() => RuleSamples.Read<Wmo319>("WMO319.xml");
}
