using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.StartStop;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR413Tests
{
    private static readonly DateOnly TemporaryEnd = new(2023, 6, 20);

    [Test]
    public void TR413_a_second_temporary_stop_is_rejected_with_9413_on_its_RedenBeeindiging()
    {
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo307(Stop(reden: "20", einddatum: TemporaryEnd)));

        AssertFoundAt("TR413", "9413", Wmo307(Stop(reden: "20", einddatum: TemporaryEnd.AddDays(7))), view, "/Bericht/Client/StopProducten/StopProduct/RedenBeeindiging");
    }

    [Test]
    public void TR413_a_definitive_stop_after_a_temporary_one_is_fine()
    {
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo307(Stop(reden: "20", einddatum: TemporaryEnd)));

        Assert.That(Found("TR413", Wmo307(Stop(reden: "23", einddatum: TemporaryEnd)), view), Is.Empty);
    }

    [Test]
    public void TR413_a_temporary_stop_corrected_in_one_message_is_fine()
    {
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo307(Stop(reden: "20", einddatum: TemporaryEnd)));

        Assert.That(Found("TR413", Wmo307(Stop(reden: "20", einddatum: TemporaryEnd.AddDays(-3)), Stop(reden: "20", einddatum: TemporaryEnd, status: "3")), view), Is.Empty);
    }

    [Test]
    public void TR413_a_temporary_stop_of_a_later_start_is_fine()
    {
        var later = new DateOnly(2023, 7, 1);
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo307(Stop(reden: "20", einddatum: TemporaryEnd))).Accept(Wmo305(Start(later)));

        Assert.That(Found("TR413", Wmo307(Stop(reden: "20", begindatum: later, einddatum: later.AddDays(10))), view), Is.Empty);
    }
}
