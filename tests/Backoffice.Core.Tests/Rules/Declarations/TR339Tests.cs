using Backoffice.Core.Messages.Common;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR339 (9339): the category of a specific or aspecific allocation is declared; a generic one takes any (IV075).</summary>
public sealed class TR339Tests
{
    private static readonly RecordedAllocation Aspecific = Recorded(Allocation(301, new Product("02")), id: 301, bsn: OtherBsn);
    private static readonly RecordedAllocation Generic = Recorded(Allocation(301, noProduct: true, noOmvang: true, budget: 500_000), id: 301, bsn: OtherBsn);

    [Test]
    public void TR339_another_category_on_an_aspecific_allocation_9339() =>
        ThirdRejected(Run(Around(Line("S", 301, categorie: "03", code: "03A01")), View([Aspecific])), "TR339", "9339", "/ProductCategorie");

    [Test]
    public void TR339_another_category_on_a_specific_allocation_9339_with_its_code_9340()
    {
        var line = Run(Around(Line("S", categorie: "03", code: "03A01")), View()).Single(v => (v.Client, v.Index) == (1, 2));

        Assert.That(line.Findings.Select(f => (f.Retourcode, f.Path)), Is.EqualTo(new[] { ("9339", Third + "/ProductCategorie"), ("9340", Third + "/ProductCode") }));
    }

    [Test]
    public void TR339_an_aspecific_allocation_takes_several_codes_of_its_category_in_one_period_IV075() =>
        AllApproved(Run(Message(Client(OtherBsn, Line("A", 301, code: "02A01"), Line("B", 301, code: "02A02"))), View([Aspecific])));

    [Test]
    public void TR339_a_generic_allocation_takes_any_category_IV075() =>
        AllApproved(Run(Message(Client(OtherBsn, Line("A", 301, code: "02A01"), Line("B", 301, categorie: "03", code: "03A01"))), View([Generic])));
}
