using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.StartStop;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR063Tests
{
    [Test]
    public void TR063_deleting_a_start_that_was_never_sent_is_rejected_with_9063_on_the_StartProduct() =>
        AssertFoundAt("TR063", "9063", Wmo305(Start(status: "3")), Allocated(), "/Bericht/Client/StartProducten/StartProduct");

    [Test]
    public void TR063_deleting_a_sent_start_is_fine_and_ToewijzingIngangsdatum_is_not_part_of_the_key()
    {
        var view = Allocated().Accept(Wmo305(Start()));

        Assert.That(Found("TR063", Wmo305(Start(status: "3") with { ToewijzingIngangsdatum = null }), view), Is.Empty);
    }

    [Test]
    public void TR063_deleting_a_start_twice_is_rejected_with_9063()
    {
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo305(Start(status: "3")));

        AssertFoundAt("TR063", "9063", Wmo305(Start(status: "3")), view, "/Bericht/Client/StartProducten/StartProduct");
    }

    [Test]
    public void TR063_deleting_a_stop_with_another_RedenBeeindiging_than_the_one_sent_is_rejected_with_9063()
    {
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo307(Stop(reden: "22")));

        AssertFoundAt("TR063", "9063", Wmo307(Stop(reden: "19"), Stop(reden: "21", status: "3")), view, "/Bericht/Client/StopProducten/StopProduct[2]");
    }

    [Test]
    public void TR063_deleting_the_stop_as_sent_is_fine()
    {
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo307(Stop(reden: "22")));

        Assert.That(Found("TR063", Wmo307(Stop(reden: "22", status: "3")), view), Is.Empty);
    }
}
