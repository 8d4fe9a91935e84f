using Backoffice.Core.Messages.Common;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR381 (S329): the ProductCode belongs to the ProductCategorie in the catalogue in use.</summary>
public sealed class TR381Tests
{
    private static readonly RecordedAllocation Aspecific = Recorded(Allocation(301, new Product("02")), id: 301);

    [Test]
    public void TR381_a_code_the_catalogue_does_not_have_S329() =>
        ThirdRejected(Run(Around(Line("S", 301, code: "02Z99")), View([Aspecific], contracts: [.. Contracts, Contract("02", "02Z99")])), "TR381", "S329", "/ProductCode");

    [Test]
    public void TR381_a_code_of_another_category_S329() =>
        ThirdRejected(Run(Around(Line("S", 301, code: "03A01")), View([Aspecific], contracts: [.. Contracts, Contract("02", "03A01")])), "TR381", "S329", "/ProductCode");

    [Test]
    public void TR381_a_code_the_catalogue_ended_before_the_period_S329() =>
        ThirdRejected(
            Run(Around(Line("S", 301, code: "02A02")), View([Aspecific], products: [.. Products.Where(p => p.ProductCode != "02A02"), Catalogue("02", "02A02", "04", "2") with { Einddatum = new DateOnly(2026, 2, 28) }])),
            "TR381",
            "S329",
            "/ProductCode");

    [Test]
    public void TR381_any_code_of_the_category_in_the_catalogue_passes() =>
        AllApproved(Run(Around(Line("S", 301, code: "02A02")), View([Aspecific])));
}
