using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.StartStop;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR382Tests
{
    [Test]
    public void TR382_stop_without_any_start_is_rejected_with_9069_on_the_StopProduct() =>
        AssertFoundAt("TR382", "9069", Wmo307(Stop()), Allocated(), "/Bericht/Client/StopProducten/StopProduct");

    [Test]
    public void TR382_stop_with_another_Begindatum_than_the_start_is_rejected_with_9069()
    {
        var view = Allocated().Accept(Wmo305(Start()));

        AssertFoundAt("TR382", "9069", Wmo307(Stop(), Stop(begindatum: Begindatum.AddDays(1))), view, "/Bericht/Client/StopProducten/StopProduct[2]");
    }

    [Test]
    public void TR382_stop_with_another_Product_than_the_start_is_rejected_with_9069()
    {
        var view = Allocated().Accept(Wmo305(Start()));

        AssertFoundAt("TR382", "9069", Wmo307(Stop() with { Product = new Product("07") }), view, "/Bericht/Client/StopProducten/StopProduct");
    }

    [Test]
    public void TR382_stop_of_a_deleted_start_is_rejected_with_9069()
    {
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo305(Start(status: "3")));

        AssertFoundAt("TR382", "9069", Wmo307(Stop()), view, "/Bericht/Client/StopProducten/StopProduct");
    }

    [Test]
    public void TR382_stop_carrying_the_start_key_is_fine_also_after_a_temporary_stop()
    {
        var view = Allocated().Accept(Wmo305(Start()));

        Assert.That(Found("TR382", Wmo307(Stop(reden: "20")), view), Is.Empty);
        Assert.That(Found("TR382", Wmo307(Stop()), view.Accept(Wmo307(Stop(reden: "20")))), Is.Empty);
    }

    [Test]
    public void TR382_a_deletion_is_not_checked() =>
        Assert.That(Found("TR382", Wmo307(Stop(status: "3")), Allocated()), Is.Empty);
}
