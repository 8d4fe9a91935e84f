using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.StartStop;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR326Tests
{
    private static readonly DateOnly Later = new(2023, 7, 1);

    [Test]
    public void TR326_a_second_start_while_the_first_has_no_stop_is_rejected_with_9326_on_the_StartProduct()
    {
        var view = Allocated().Accept(Wmo305(Start()));

        AssertFoundAt("TR326", "9326", Wmo305(Start(Later)), view, "/Bericht/Client/StartProducten/StartProduct");
    }

    [Test]
    public void TR326_two_new_starts_for_one_allocation_in_one_message_reject_the_second() =>
        AssertFoundAt("TR326", "9326", Wmo305(Start(), Start(Later)), Allocated(), "/Bericht/Client/StartProducten/StartProduct[2]");

    [Test]
    public void TR326_a_new_start_after_a_temporary_stop_is_fine()
    {
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo307(Stop(reden: "20")));

        Assert.That(Found("TR326", Wmo305(Start(Later)), view), Is.Empty);
    }

    [Test]
    public void TR326_a_corrected_start_in_one_message_is_fine_whatever_the_order_of_its_lines()
    {
        var view = Allocated().Accept(Wmo305(Start()));

        Assert.That(Found("TR326", Wmo305(Start(Later), Start(status: "3")), view), Is.Empty);
    }

    [Test]
    public void TR326_a_start_for_another_allocation_is_fine()
    {
        var view = Allocated(Allocation(id: 1), Allocation(nummer: 7, product: new("10", "10A01"), id: 2)).Accept(Wmo305(Start()));

        Assert.That(Found("TR326", Wmo305(Start(nummer: 7) with { Product = new("10", "10A01") }), view), Is.Empty);
    }

    [Test]
    public void TR326_a_resend_of_the_same_start_is_left_to_TR074()
    {
        var view = Allocated().Accept(Wmo305(Start()));

        Assert.That(Found("TR326", Wmo305(Start()), view), Is.Empty);
        Assert.That(Found("TR074", Wmo305(Start()), view), Has.Length.EqualTo(1));
    }
}
