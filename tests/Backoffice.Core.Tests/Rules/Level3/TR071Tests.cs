using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.StartStop;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR071Tests
{
    [Test]
    public void TR071_deleting_a_start_that_has_a_stop_is_rejected_with_9071_on_its_StatusAanlevering()
    {
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo307(Stop(reden: "20")));

        AssertFoundAt("TR071", "9071", Wmo305(Start(status: "3")), view, "/Bericht/Client/StartProducten/StartProduct/StatusAanlevering");
    }

    [Test]
    public void TR071_deleting_a_start_without_a_stop_is_fine()
    {
        var view = Allocated().Accept(Wmo305(Start()));

        Assert.That(Found("TR071", Wmo305(Start(status: "3")), view), Is.Empty);
    }

    [Test]
    public void TR071_a_deleted_stop_no_longer_counts()
    {
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo307(Stop())).Accept(Wmo307(Stop(status: "3")));

        Assert.That(Found("TR071", Wmo305(Start(status: "3")), view), Is.Empty);
    }
}
