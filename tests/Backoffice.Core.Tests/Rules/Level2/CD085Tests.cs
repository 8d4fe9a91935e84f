using Backoffice.Core.Messages.Verzoeken;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD085Tests
{
    private static Wmo319 Sample => RuleSamples.Read<Wmo319>("WMO319.xml");

    private static Wmo319 With(Wmo319 sample, string verzoekAntwoord, string? reden) =>
        sample with { Antwoord = sample.Antwoord with { VerzoekAntwoord = verzoekAntwoord, RedenAfwijzingVerzoek = reden } };

    [Test]
    public void CD085_rejection_without_reason_is_found_with_0001()
    {
        var finding = Findings(With(Sample, "1", null), "CD085").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Antwoord/RedenAfwijzingVerzoek"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD085)."));
    }

    [Test]
    public void CD085_in_onderzoek_without_reason_is_fine() => Assert.That(Findings(With(Sample, "2", null), "CD085"), Is.Empty);

    [Test]
    public void CD085_the_sample_is_fine() => Assert.That(Findings(Sample, "CD085"), Is.Empty);
}
