using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.StartStop;

namespace Backoffice.Core.Tests.Register;

public sealed class CareStateTests
{
    [Test]
    public void A_deletion_removes_the_line_with_its_logical_key_and_ToewijzingIngangsdatum_is_not_part_of_it()
    {
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo305(Start(status: "3") with { ToewijzingIngangsdatum = null }));

        Assert.That(CareState.Of(view, Bsn).Starts, Is.Empty);
    }

    [Test]
    public void A_stop_key_holds_RedenBeeindiging_and_Einddatum()
    {
        var view = Allocated().Accept(Wmo305(Start())).Accept(Wmo307(Stop(reden: "20")));
        var state = CareState.Of(view, Bsn).With(Stop(reden: "23", status: "3"));

        Assert.That(state.Stops.Keys, Is.EqualTo(new[] { StopKey.Of(Stop(reden: "20")) }));
        Assert.That(state.StopsOf(StartKey.Of(Start())).Single().RedenBeeindiging, Is.EqualTo("20"));
    }

    [Test]
    public void Lines_of_other_clients_are_not_folded()
    {
        var view = Allocated().Accept(Wmo305(Start()));
        Assert.That(CareState.Of(view, "999900006").Starts, Is.Empty);
    }

    [Test]
    public void An_actual_start_is_one_without_a_stop_under_its_key()
    {
        var started = CareState.Empty.With(Start());
        Assert.That(started.HasActualStart(StartKey.Of(Start()).AllocatedProduct), Is.True);
        Assert.That(started.With(Stop(reden: "20")).HasActualStart(StartKey.Of(Start()).AllocatedProduct), Is.False);
    }

    [Test]
    public void Deletions_are_applied_first_then_the_new_lines_each_in_document_order()
    {
        var lines = new[] { Start(new DateOnly(2023, 7, 1)), Start(status: "3"), Start(new DateOnly(2023, 8, 1)), Start(new DateOnly(2023, 5, 1), status: "3") };

        Assert.That(CareState.InApplyOrder(lines, l => l.StatusAanlevering).Select(x => x.Index), Is.EqualTo(new[] { 1, 3, 0, 2 }));
    }

    [Test]
    public void Without_a_ToewijzingNummer_the_stops_of_a_delivery_are_told_apart_by_Product()
    {
        var other = Stop(reden: "20", nummer: null) with { Product = new("10") };
        var state = CareState.Empty.With(other);

        Assert.That(state.StopsOfDelivery(Stop(nummer: null)), Is.Empty);
        Assert.That(state.StopsOfDelivery(other with { RedenBeeindiging = "23" }), Has.Exactly(1).Items);
    }
}
