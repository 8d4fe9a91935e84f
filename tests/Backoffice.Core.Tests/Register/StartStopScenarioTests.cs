using Backoffice.Core.Messages;
using Backoffice.Core.Register;
using Backoffice.Core.Rules;
using Backoffice.TestSupport;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.StartStop;

namespace Backoffice.Core.Tests.Register;

/// <summary>
/// One delivery from start to definitive stop, message after message, the way the service runs it:
/// the register rules against the view, and for an accepted message its recorded changes folded
/// into the view the next message sees (<see cref="RegisterViews.Append"/>). A rejected message
/// changes nothing. Every message passes level 2 first, as in the service.
/// </summary>
public sealed class StartStopScenarioTests
{
    private RegisterView view = null!;
    private long messageId;

    [Test]
    public void Start_correction_temporary_stop_and_definitive_stop_with_the_rejections_in_between()
    {
        var allocation = Allocation();
        view = RegisterView.Empty(ProcessingDate).Append(
            [new AllocationRecorded(Municipality, Provider, Bsn, allocation.Version, IndicationBacking.Backed, null)], ++messageId);

        var corrected = new DateOnly(2023, 5, 18);
        var temporaryEnd = new DateOnly(2023, 6, 20);
        var stopPath = "/Bericht/Client/StopProducten/StopProduct";

        Assert.That(Send(Wmo305(Start())), Is.Empty, "start");
        Assert.That(Send(Wmo305(Start(corrected), Start(status: "3"))), Is.Empty, "corrected start, delete + new in one message");
        Assert.That(Send(Wmo307(Stop(reden: "20", einddatum: temporaryEnd, begindatum: corrected))), Is.Empty, "temporary stop");

        Assert.That(Send(Wmo307(Stop(reden: "20", einddatum: temporaryEnd.AddDays(7), begindatum: corrected))),
            Is.EqualTo(new[] { ("TR413", "9413", stopPath + "/RedenBeeindiging") }), "a second temporary stop");
        Assert.That(Send(Wmo307(Stop(reden: "23", einddatum: temporaryEnd.AddDays(-1), begindatum: corrected))),
            Is.EqualTo(new[] { ("TR414", "9414", stopPath + "/Einddatum") }), "definitive stop before the temporary stop's end");

        Assert.That(Send(Wmo307(Stop(reden: "23", einddatum: new DateOnly(2023, 6, 29), begindatum: corrected))), Is.Empty, "definitive stop, later end");
        Assert.That(Send(Wmo307(Stop(reden: "19", einddatum: new DateOnly(2023, 6, 30), begindatum: corrected))),
            Is.EqualTo(new[] { ("TR415", "9415", stopPath) }), "a stop after the definitive stop");

        Assert.That(Send(Wmo305(Start(new DateOnly(2023, 8, 1)))), Is.Empty, "a new start after the stop (OP379)");

        var state = CareState.Of(view, Bsn);
        Assert.That(state.Starts.Keys.Select(k => k.Begindatum), Is.EquivalentTo(new[] { corrected, new DateOnly(2023, 8, 1) }));
        Assert.That(state.Stops.Values.Select(s => (s.RedenBeeindiging, s.Einddatum)), Is.EquivalentTo(new[] { ("20", temporaryEnd), ("23", new DateOnly(2023, 6, 29)) }));
        Assert.That(view.Starts, Has.Count.EqualTo(4), "every line is recorded as sent, the deletion too");
    }

    /// <summary>The findings (rule, retourcode, path) of <paramref name="message"/>; when there are none, its changes go into the view.</summary>
    private (string?, string?, string?)[] Send(IwmoMessage message)
    {
        Assert.That(RuleSet.Level2.Check(message), Is.Empty, "every message of the scenario passes level 2 (TR101 allows delete + new of different keys)");
        var findings = RegisterRuleSet.Standard.Check(message, view);
        if (findings.Count == 0)
        {
            view = view.Append(RegisterRecorderSet.Standard.Changes(message, view), ++messageId);
        }

        return [.. findings.Select(f => (f.Rule, f.Retourcode, f.Path))];
    }
}
