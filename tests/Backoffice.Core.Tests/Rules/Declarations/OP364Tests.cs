using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>OP364: a Prestatie is not refused for a missing start or stop message, nor for their dates (iwmo-3.2.md §8.2).</summary>
public sealed class OP364Tests
{
    [Test]
    public void OP364_no_start_or_stop_is_needed_for_approval()
    {
        var view = View();

        Assert.That((view.Starts.Count, view.Stops.Count), Is.EqualTo((0, 0)));
        AllApproved(Run(Around(Line("S")), view));
    }

    [Test]
    public void OP364_a_start_after_the_period_does_not_refuse_it()
    {
        var start = new RecordedStart(1, 1, OtherBsn, new StartProduct(201, new Product("02", "02A01"), new DateOnly(2026, 1, 1), new DateOnly(2026, 4, 1), "1"));

        AllApproved(Run(Around(Line("S")), View() with { Starts = [start] }));
    }
}
