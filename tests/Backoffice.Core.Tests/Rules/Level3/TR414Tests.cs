using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.StartStop;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR414Tests
{
    private static readonly DateOnly TemporaryEnd = new(2023, 6, 7);

    private static Core.Register.RegisterView TemporarilyStopped() =>
        Allocated().Accept(Wmo305(Start())).Accept(Wmo307(Stop(reden: "20", einddatum: TemporaryEnd)));

    [Test]
    public void TR414_a_definitive_stop_ending_before_the_temporary_stop_is_rejected_with_9414_on_its_Einddatum() =>
        AssertFoundAt("TR414", "9414", Wmo307(Stop(einddatum: TemporaryEnd.AddDays(-1))), TemporarilyStopped(), "/Bericht/Client/StopProducten/StopProduct/Einddatum");

    [Test]
    public void TR414_a_definitive_stop_on_the_same_or_a_later_Einddatum_is_fine()
    {
        Assert.That(Found("TR414", Wmo307(Stop(einddatum: TemporaryEnd)), TemporarilyStopped()), Is.Empty);
        Assert.That(Found("TR414", Wmo307(Stop(einddatum: new DateOnly(2023, 6, 29))), TemporarilyStopped()), Is.Empty);
    }

    [Test]
    public void TR414_a_temporary_stop_moved_to_an_earlier_Einddatum_in_one_message_is_fine() =>
        Assert.That(Found("TR414", Wmo307(Stop(reden: "20", einddatum: TemporaryEnd, status: "3"), Stop(reden: "20", einddatum: TemporaryEnd.AddDays(-2))), TemporarilyStopped()), Is.Empty);
}
