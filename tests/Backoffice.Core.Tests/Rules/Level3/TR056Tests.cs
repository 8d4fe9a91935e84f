using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR056Tests
{
    [Test]
    public void TR056_an_identification_used_before_is_found_on_the_header_identificatie_with_9056()
    {
        var view = View() with { IdentificationUsed = true };

        var finding = Found("TR056", Wmo301(Allocation()), view).Single();

        Assert.That(finding.Retourcode, Is.EqualTo("9056"));
        Assert.That(finding.Level, Is.EqualTo(3));
        Assert.That(finding.Path, Is.EqualTo("/Bericht/Header/BerichtIdentificatie/Identificatie"));
    }

    [Test]
    public void TR056_a_new_identification_is_fine() => Assert.That(Found("TR056", Wmo301(Allocation()), View()), Is.Empty);

    [Test]
    public void TR056_holds_for_what_the_provider_sends_too()
    {
        var view = RegisterView.Empty(Today) with { IdentificationUsed = true };

        Assert.That(Found("TR056", Wmo305(), view).Single().Retourcode, Is.EqualTo("9056"));
    }
}
