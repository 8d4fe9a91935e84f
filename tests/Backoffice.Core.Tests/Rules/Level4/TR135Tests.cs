using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Rules.Level4;

public sealed class TR135Tests
{
    [Test]
    public void TR135_a_dagtekening_after_the_processing_date_is_found_on_the_header_dagtekening_with_8848()
    {
        var message = Wmo305(dagtekening: Today.AddDays(1));

        var finding = Found("TR135", message, View()).Single();

        Assert.That(finding.Retourcode, Is.EqualTo("8848"));
        Assert.That(finding.Level, Is.EqualTo(4));
        Assert.That(finding.Path, Is.EqualTo("/Bericht/Header/BerichtIdentificatie/Dagtekening"));
    }

    [Test]
    public void TR135_a_dagtekening_on_the_processing_date_is_fine() =>
        Assert.That(Found("TR135", Wmo305(dagtekening: Today), View()), Is.Empty);

    [Test]
    public void TR135_our_own_301_dated_tomorrow_is_refused_too() =>
        Assert.That(Found("TR135", Wmo301(Header(dagtekening: Today.AddDays(1)), Allocation()), View()), Has.Exactly(1).Items);
}
