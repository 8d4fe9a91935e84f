using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR387 (9387): the ProductPeriode starts on day 1 of its month, or on the allocation's later Ingangsdatum in that month.</summary>
public sealed class TR387Tests
{
    [Test]
    public void TR387_a_period_starting_on_the_second_of_a_running_allocation_9387() =>
        ThirdRejected(Run(Around(Line("S", periode: Days(3, 2, 31))), View()), "TR387", "9387", "/ProductPeriode/Begindatum");

    [Test]
    public void TR387_a_line_starting_on_the_allocations_mid_month_Ingangsdatum_passes()
    {
        var fromTenth = Recorded(Allocation(301, ingang: new DateOnly(2026, 3, 10)), id: 301);

        AllApproved(Run(Around(Line("S", 301, Days(3, 10, 31))), View([fromTenth])));
    }

    [Test]
    public void TR387_a_mid_month_Ingangsdatum_of_an_earlier_month_does_not_excuse_a_later_one()
    {
        var fromTenthOfFebruary = Recorded(Allocation(301, ingang: new DateOnly(2026, 2, 10)), id: 301);

        ThirdRejected(Run(Around(Line("S", 301, Days(3, 10, 31))), View([fromTenthOfFebruary])), "TR387", "9387", "/ProductPeriode/Begindatum");
    }
}
