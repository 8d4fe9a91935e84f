using Backoffice.Core.Messages.Common;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR340 (9340): the code of a specific allocation is declared; an aspecific or generic one takes another (IV075).</summary>
public sealed class TR340Tests
{
    [Test]
    public void TR340_another_code_of_the_category_on_a_specific_allocation_9340() =>
        ThirdRejected(Run(Around(Line("S", code: "02A02")), View()), "TR340", "9340", "/ProductCode");

    [Test]
    public void TR340_an_aspecific_allocation_takes_another_code_of_its_category()
    {
        RecordedAllocation aspecific = Recorded(Allocation(301, new Product("02")), id: 301, bsn: OtherBsn);

        AllApproved(Run(Around(Line("S", 301, code: "02A02")), View([aspecific])));
    }

    [Test]
    public void TR340_a_generic_allocation_takes_any_code()
    {
        RecordedAllocation generic = Recorded(Allocation(301, noProduct: true, noOmvang: true, budget: 500_000), id: 301, bsn: OtherBsn);

        AllApproved(Run(Around(Line("S", 301, code: "02A02")), View([generic])));
    }
}
