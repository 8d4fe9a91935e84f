using Backoffice.Core.Reference;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Reference;

public sealed class ArrangementCellTests
{
    [TestCase("ARR-1-2-BEH-GEM", "ARR", 1, "BEH", 1)]
    [TestCase("ARR-3-4-ONT-PLUS", "ARR", 2, "ONT", 2)]
    [TestCase("ARR-5-BEH-PLUSPLUS", "ARR", 3, "BEH", 3)]
    [TestCase("IWO-BEP-ACT-GEM", "IWO", 1, "ACT", 1)]
    [TestCase("IWO-GEM-OND-PLUS", "IWO", 2, "OND", 2)]
    [TestCase("IWO-GRO-ACT-INT", "IWO", 3, "ACT", 3)]
    public void A_code_of_a_known_model_reads_as_its_ranks(string code, string model, int weight, string support, int intensity)
    {
        var cell = ArrangementCell.Parse(code)!;
        Assert.That((cell.Model.Prefix, cell.Weight, cell.Support, cell.Intensity), Is.EqualTo((model, weight, support, intensity)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("ARR-1-2-BEH")]
    [TestCase("ARR-2-BEH-GEM")]
    [TestCase("ARR-1-2-BEH-INT")]
    [TestCase("arr-1-2-beh-gem")]
    [TestCase("IWO-BEP-ACT-GEM-X")]
    [TestCase("02M01")]
    public void Anything_else_is_no_cell(string? code) => Assert.That(ArrangementCell.Parse(code), Is.Null);

    [Test]
    public void Every_demo_arrangement_is_a_cell_of_its_model()
    {
        var cells = ArrangementModel.All.SelectMany(m =>
            from w in m.Weights from s in m.Supports from i in m.Intensities select $"{m.Prefix}-{w}-{s}-{i}").Select(ArrangementCell.Parse).ToList();
        Assert.That(cells, Has.Count.EqualTo(36).And.All.Not.Null);
    }

    [TestCase("ARR-3-4-BEH-PLUS", "ARR-1-2-BEH-GEM", CellMovement.Afschalen)] // both ranks down
    [TestCase("ARR-3-4-BEH-PLUS", "ARR-1-2-BEH-PLUS", CellMovement.Afschalen)] // fewer result areas
    [TestCase("ARR-5-ONT-PLUSPLUS", "ARR-5-BEH-PLUS", CellMovement.Afschalen)] // lower intensity (support does not count)
    [TestCase("ARR-1-2-BEH-GEM", "ARR-5-BEH-PLUSPLUS", CellMovement.Opschalen)]
    [TestCase("IWO-BEP-ACT-GEM", "IWO-BEP-OND-INT", CellMovement.Opschalen)]
    [TestCase("ARR-3-4-BEH-PLUS", "ARR-1-2-BEH-PLUSPLUS", CellMovement.Lateral)] // one down, one up
    [TestCase("ARR-3-4-BEH-PLUS", "ARR-3-4-ONT-PLUS", CellMovement.Lateral)] // only the support type
    [TestCase("ARR-1-2-BEH-GEM", "IWO-BEP-ACT-GEM", CellMovement.Lateral)] // across models
    [TestCase("ARR-1-2-BEH-GEM", "01A01", CellMovement.Lateral)] // to a product that is no cell
    public void Movements_compare_the_ranks_dimension_by_dimension(string from, string to, CellMovement expected) =>
        Assert.That(ArrangementCell.Compare(ArrangementCell.Parse(from), ArrangementCell.Parse(to)), Is.EqualTo(expected));
}
