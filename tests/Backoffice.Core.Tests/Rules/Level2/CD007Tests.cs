using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD007Tests
{
    private static Wmo301 WithCommunicatie(Wmo301 sample, Communicatie? communicatie) =>
        sample with { Client = sample.Client with { Gegevens = sample.Client.Gegevens with { Communicatie = communicatie } } };

    [Test]
    public void CD007_taal_missing_while_vorm_is_tolk_taal_is_found_with_0001()
    {
        var finding = Findings(WithCommunicatie(Toewijzing, new Communicatie("1")), "CD007").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Communicatie/Taal"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD007)."));
    }

    [Test]
    public void CD007_taal_filled_while_vorm_is_not_tolk_taal_is_found()
    {
        var finding = Findings(WithCommunicatie(Toewijzing, new Communicatie("2", "Deens")), "CD007").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/Communicatie/Taal"));
        Assert.That(finding.Message, Does.Not.Contain("Deens"), "never the value");
    }

    [Test]
    public void CD007_another_vorm_without_taal_is_fine() => Assert.That(Findings(WithCommunicatie(Toewijzing, new Communicatie("2")), "CD007"), Is.Empty);

    [Test]
    public void CD007_no_communicatie_is_fine() => Assert.That(Findings(WithCommunicatie(Toewijzing, null), "CD007"), Is.Empty);

    [Test]
    public void CD007_the_sample_is_fine() => Assert.That(Findings(Toewijzing, "CD007"), Is.Empty);
}
