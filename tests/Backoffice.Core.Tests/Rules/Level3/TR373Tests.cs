using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Verzoeken;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.RequestViews;

namespace Backoffice.Core.Tests.Rules.Level3;

public sealed class TR373Tests
{
    private const string Path = "/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct/GewensteIngangsdatum";

    private static readonly DateOnly Ingang = new(2023, 1, 1);

    private static readonly DateOnly Future = new(2023, 5, 1);

    [Test]
    public void TR373_a_budget_change_from_a_later_day_is_rejected_with_9373_on_the_gewenste_ingangsdatum()
    {
        var finding = Found(Change(Future, budget: 150000), BudgetAllocation(), "TR373").Single();

        Assert.That(finding.Path, Is.EqualTo(Path));
        Assert.That(finding.Retourcode, Is.EqualTo("9373"));
        Assert.That(finding.Level, Is.EqualTo(3));
    }

    [Test]
    public void TR373_a_budget_change_over_the_whole_period_is_fine() =>
        Assert.That(Found(Change(Ingang, budget: 150000), BudgetAllocation(), "TR373"), Is.Empty);

    [Test]
    public void TR373_the_same_budget_with_a_later_end_date_changes_no_budget() =>
        Assert.That(Found(Change(Future, budget: 100000), BudgetAllocation(), "TR373"), Is.Empty);

    [Test]
    public void TR373_a_change_of_a_total_over_the_period_from_a_later_day_is_rejected_with_9373()
    {
        var total = Allocation(10072, new Product("02", "02B01"), Ingang, new(2023, 12, 31), new Omvang(40, "04", "6"));

        Assert.That(Found(Change(Future, omvang: new Omvang(60, "04", "6")), View(allocations: [VowAllocations()[0], total]), "TR373").Single().Path, Is.EqualTo(Path));
    }

    [Test]
    public void TR373_a_weekly_volume_change_from_a_later_day_is_not_a_change_of_a_total()
    {
        var weekly = Allocation(10072, new Product("02", "02B01"), Ingang, new(2023, 12, 31), new Omvang(4, "04", "2"));

        Assert.That(Found(Change(Future, omvang: new Omvang(6, "04", "2")), View(allocations: [VowAllocations()[0], weekly]), "TR373"), Is.Empty);
    }

    private static Core.Register.RegisterView BudgetAllocation() =>
        View(allocations: [VowAllocations()[0], Allocation(10072, null, Ingang, new(2023, 12, 31), budget: 100000)]);

    private static Wmo317 Change(DateOnly gewenst, long? budget = null, Omvang? omvang = null) =>
        WithTeWijzigen(Vow(), new TeWijzigenProduct(10072, gewenst, new(2023, 12, 31), omvang, budget));
}
