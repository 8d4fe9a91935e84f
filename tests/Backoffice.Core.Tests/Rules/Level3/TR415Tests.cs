using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.StartStop;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR415Tests
{
    private static readonly DateOnly End = new(2023, 6, 17);

    private static Core.Register.RegisterView DefinitivelyStopped() =>
        Allocated().Accept(Wmo305(Start())).Accept(Wmo307(Stop(reden: "22", einddatum: End)));

    [Test]
    public void TR415_a_stop_after_a_definitive_stop_is_rejected_with_9415_on_the_StopProduct()
    {
        AssertFoundAt("TR415", "9415", Wmo307(Stop(reden: "23", einddatum: End.AddDays(5))), DefinitivelyStopped(), "/Bericht/Client/StopProducten/StopProduct");
        AssertFoundAt("TR415", "9415", Wmo307(Stop(reden: "20", einddatum: End.AddDays(5))), DefinitivelyStopped(), "/Bericht/Client/StopProducten/StopProduct");
    }

    [Test]
    public void TR415_a_definitive_stop_corrected_in_one_message_is_fine() =>
        Assert.That(Found("TR415", Wmo307(Stop(reden: "22", einddatum: End, status: "3"), Stop(reden: "19", einddatum: End)), DefinitivelyStopped()), Is.Empty);

    [Test]
    public void TR415_the_stop_of_a_new_start_after_a_definitive_stop_is_fine()
    {
        var again = new DateOnly(2023, 8, 1);
        var view = DefinitivelyStopped().Accept(Wmo305(Start(again)));

        Assert.That(Found("TR415", Wmo307(Stop(begindatum: again, einddatum: again.AddDays(10))), view), Is.Empty);
    }
}
