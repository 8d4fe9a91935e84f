using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR332Tests
{
    [Test]
    public void TR332_a_number_of_another_clients_allocation_is_found_on_the_toewijzingnummer_with_9332()
    {
        var view = View(Recorded(Allocation(102), bsn: OtherBsn));

        var finding = Found("TR332", Wmo301(Allocation(101), Allocation(102) with { Product = new("02", "02A01") }), view).Single();

        Assert.That(finding.Retourcode, Is.EqualTo("9332"));
        Assert.That(finding.Level, Is.EqualTo(3));
        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/ToewijzingNummer"));
    }

    [Test]
    public void TR332_a_number_used_at_another_provider_is_taken() =>
        Assert.That(Found("TR332", Wmo301(Allocation()), View(Recorded(Allocation(), provider: "42429999"))), Has.Exactly(1).Items);

    [Test]
    public void TR332_the_same_number_in_another_municipality_is_fine() =>
        Assert.That(Found("TR332", Wmo301(Allocation()), View(Recorded(Allocation(), bsn: OtherBsn, municipality: "0363"))), Is.Empty);

    [Test]
    public void TR332_a_later_version_of_the_clients_own_allocation_is_fine() =>
        Assert.That(Found("TR332", Wmo301(Later(Allocation())), View(Recorded(Allocation()))), Is.Empty);
}
