using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR307 (9307): the ProductPeriode starts on or after the allocation's Ingangsdatum.</summary>
public sealed class TR307Tests
{
    private static readonly RecordedAllocation FromTenth = Recorded(Allocation(301, ingang: new DateOnly(2026, 3, 10)), id: 301);

    [Test]
    public void TR307_a_period_from_before_the_allocation_9307() =>
        ThirdRejected(Run(Around(Line("S", 301)), View([FromTenth])), "TR307", "9307", "/ProductPeriode/Begindatum");

    [Test]
    public void TR307_a_period_from_the_Ingangsdatum_passes() =>
        AllApproved(Run(Around(Line("S", 301, Days(3, 10, 31))), View([FromTenth])));
}
