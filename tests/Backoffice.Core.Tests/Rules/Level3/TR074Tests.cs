using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.StartStop;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR074Tests
{
    [Test]
    public void TR074_sending_the_same_start_again_is_rejected_with_9074_on_the_StartProduct()
    {
        var view = Allocated().Accept(Wmo305(Start()));

        AssertFoundAt("TR074", "9074", Wmo305(Start()), view, "/Bericht/Client/StartProducten/StartProduct");
    }

    [Test]
    public void TR074_sending_the_same_stop_again_is_rejected_with_9074_on_the_StopProduct()
    {
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo307(Stop()));

        AssertFoundAt("TR074", "9074", Wmo307(Stop()), view, "/Bericht/Client/StopProducten/StopProduct");
    }

    [Test]
    public void TR074_a_deleted_key_counts_as_never_sent_and_may_come_again()
    {
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo305(Start(status: "3")));

        Assert.That(Found("TR074", Wmo305(Start()), view), Is.Empty);
    }

    [Test]
    public void TR074_a_stop_with_another_Einddatum_has_another_key()
    {
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo307(Stop(reden: "20")));

        Assert.That(Found("TR074", Wmo307(Stop(reden: "20", einddatum: new DateOnly(2023, 6, 21))), view), Is.Empty);
    }
}
