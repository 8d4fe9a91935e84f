using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Register;

public sealed class PartyCheckTests
{
    [Test]
    public void Known_parties_are_not_refused() =>
        Assert.That(PartyCheck.Refusal(Wmo305(), new PartyView(true, "Diemen", true, "Zorg BV")), Is.Null);

    [Test]
    public void A_305_to_a_municipality_we_do_not_serve_is_refused_naming_the_ontvanger() =>
        Assert.That(PartyCheck.Refusal(Wmo305(), new PartyView(false, null, true, null)), Does.Contain("Header Ontvanger").And.Contain("serves"));

    [Test]
    public void A_305_from_an_unknown_provider_is_refused_naming_the_afzender() =>
        Assert.That(PartyCheck.Refusal(Wmo305(), new PartyView(true, null, false, null)), Does.Contain("Header Afzender").And.Contain("knows"));

    [Test]
    public void Our_301_to_an_unknown_provider_is_refused_naming_the_ontvanger() =>
        Assert.That(PartyCheck.Refusal(Wmo301(Allocation()), new PartyView(true, null, false, null)), Does.Contain("Header Ontvanger"));

    [Test]
    public void Both_unknown_names_both() =>
        Assert.That(PartyCheck.Refusal(Wmo305(), new PartyView(false, null, false, null)), Does.Contain("Ontvanger").And.Contain("Afzender"));
}
