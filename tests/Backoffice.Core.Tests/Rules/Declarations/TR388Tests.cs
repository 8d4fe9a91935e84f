using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR388 (9388): the ProductPeriode ends on the last day of its month, or on the allocation's earlier Einddatum in that month.</summary>
public sealed class TR388Tests
{
    [Test]
    public void TR388_a_period_ending_on_the_30th_of_March_9388() =>
        ThirdRejected(Run(Around(Line("S", periode: Days(3, 1, 30))), View()), "TR388", "9388", "/ProductPeriode/Einddatum");

    [Test]
    public void TR388_a_line_ending_on_the_allocations_mid_month_Einddatum_passes()
    {
        var untilTwentieth = Recorded(Allocation(301, eind: new DateOnly(2026, 3, 20)), id: 301);

        AllApproved(Run(Around(Line("S", 301, Days(3, 1, 20))), View([untilTwentieth])));
    }
}
