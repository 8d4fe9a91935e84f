using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR308 (9308): the ProductPeriode ends on or before the allocation's Einddatum, when it has one.</summary>
public sealed class TR308Tests
{
    private static readonly RecordedAllocation UntilTwentieth = Recorded(Allocation(301, eind: new DateOnly(2026, 3, 20)), id: 301);

    [Test]
    public void TR308_a_period_past_the_allocation_9308() =>
        ThirdRejected(Run(Around(Line("S", 301)), View([UntilTwentieth])), "TR308", "9308", "/ProductPeriode/Einddatum");

    [Test]
    public void TR308_a_period_to_the_Einddatum_passes() =>
        AllApproved(Run(Around(Line("S", 301, Days(3, 1, 20))), View([UntilTwentieth])));

    [Test]
    public void TR308_an_allocation_without_Einddatum_takes_any_month()
    {
        var open = Recorded(Allocation(301) with { Einddatum = null }, id: 301);

        AllApproved(Run(Around(Line("S", 301)), View([open])));
    }
}
