using Backoffice.Core.Declarations;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Reference;
using Backoffice.Core.Register;
using Backoffice.Core.Retours;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>
/// TR321 (9321) on a broken month of an outputgericht arrangement per maand (IV078): paid as the
/// contract line or the municipality's regional rules agree, refused with 9321 otherwise. 02M05 is
/// one arrangement-month (Eenheid 82, Frequentie 4) at € 520,00; allocation 301 starts on
/// 16 March, 302 ends on 15 March, 303 covers all of March, 304 is 40 hours a month of
/// inspanningsgericht 02A01 starting on 16 March.
/// </summary>
public sealed class TR321BrokenMonthTests
{
    private const long Arrangement = 52000;

    private static readonly RecordedAllocation Starts = Recorded(
        Allocation(301, new Product("02", "02M05"), ingang: new DateOnly(2026, 3, 16), omvang: new Omvang(1, "82", "4")), id: 301);

    private static readonly RecordedAllocation Ends = Recorded(
        Allocation(302, new Product("02", "02M05"), eind: new DateOnly(2026, 3, 15), omvang: new Omvang(1, "82", "4")), id: 302);

    private static readonly RecordedAllocation Whole = Recorded(
        Allocation(303, new Product("02", "02M05"), omvang: new Omvang(1, "82", "4")), id: 303);

    private static readonly RecordedAllocation HoursPerMonth = Recorded(
        Allocation(304, ingang: new DateOnly(2026, 3, 16), omvang: new Omvang(40, "04", "4")), id: 304);

    private static readonly CatalogueProduct[] Catalogue =
    [
        .. Products,
        new("02", "02M05", 1, "arrangement 02M05", "82", "4", FinancingForm.Outputgericht, "ARR-3-4-ONT-GEM", new DateOnly(2020, 1, 1), null),
    ];

    private static ContractTariff[] ContractPaying(bool partialMonthInFull) =>
        [.. Contracts, Contract("02", "02M05", Arrangement, "82", partialMonthInFull: partialMonthInFull)];

    private static IReadOnlyList<LineVerdict> Declare(RecordedAllocation allocation, GeslotenPeriode period, bool contractPays, BrokenMonths regional = BrokenMonths.Contract)
    {
        var line = allocation == HoursPerMonth
            ? Line("S", allocation.Version.ToewijzingNummer, period, volume: 40)
            : Line("S", allocation.Version.ToewijzingNummer, period, volume: 1, eenheid: "82", tarief: Arrangement, code: "02M05");
        return Run(
            Around(line),
            View([allocation], contracts: ContractPaying(contractPays), products: Catalogue, regional: new RegionalRules(Municipality, regional)));
    }

    [Test]
    public void TR321_broken_first_month_the_contract_does_not_pay_9321() =>
        ThirdRejected(Declare(Starts, Days(3, 16, 31), contractPays: false), "TR321", "9321", "/GeleverdVolume");

    [Test]
    public void TR321_broken_first_month_the_contract_pays_in_full_passes() =>
        AllApproved(Declare(Starts, Days(3, 16, 31), contractPays: true));

    [Test]
    public void TR321_broken_last_month_the_contract_does_not_pay_9321() =>
        ThirdRejected(Declare(Ends, Days(3, 1, 15), contractPays: false), "TR321", "9321", "/GeleverdVolume");

    [Test]
    public void TR321_a_whole_month_is_never_a_broken_month() =>
        AllApproved(Declare(Whole, March, contractPays: false, BrokenMonths.None));

    [Test]
    public void TR321_regional_first_in_full_pays_the_first_month_against_the_contract() =>
        AllApproved(Declare(Starts, Days(3, 16, 31), contractPays: false, BrokenMonths.FirstInFull));

    [Test]
    public void TR321_regional_first_in_full_refuses_the_last_broken_month_9321() =>
        ThirdRejected(Declare(Ends, Days(3, 1, 15), contractPays: true, BrokenMonths.FirstInFull), "TR321", "9321", "/GeleverdVolume");

    [Test]
    public void TR321_regional_full_pays_both_broken_months_against_the_contract()
    {
        AllApproved(Declare(Starts, Days(3, 16, 31), contractPays: false, BrokenMonths.Full));
        AllApproved(Declare(Ends, Days(3, 1, 15), contractPays: false, BrokenMonths.Full));
    }

    [Test]
    public void TR321_regional_none_refuses_a_broken_month_the_contract_would_pay_9321() =>
        ThirdRejected(Declare(Starts, Days(3, 16, 31), contractPays: true, BrokenMonths.None), "TR321", "9321", "/GeleverdVolume");

    // IV078's uniform rule for inspanningsgericht: the broken month may carry the month's whole volume, whatever was agreed.
    [Test]
    public void TR321_inspanningsgericht_per_maand_takes_the_whole_month_volume_in_a_broken_month_under_any_agreement() =>
        AllApproved(Declare(HoursPerMonth, Days(3, 16, 31), contractPays: false, BrokenMonths.None));

    [Test]
    public void TR321_the_refusal_names_the_agreement_it_was_made_under()
    {
        var verdicts = Declare(Starts, Days(3, 16, 31), contractPays: false, BrokenMonths.None);
        Assert.That(
            verdicts.Single(v => !v.Approved).Findings.Single().Message,
            Does.Contain("national + regional " + Municipality + " (broken-months=none)"));
    }

    [Test]
    public void Rule_set_names_every_regional_switch_that_differs_and_is_national_otherwise()
    {
        Assert.That(RegionalRules.National.Name, Is.EqualTo("national"));
        Assert.That(new RegionalRules("0321", BrokenMonths.Contract).Name, Is.EqualTo("national"));
        Assert.That(new RegionalRules("0321", BrokenMonths.FirstInFull).Name, Is.EqualTo("national + regional 0321 (broken-months=first-in-full)"));
        var view = View(regional: new RegionalRules("0321", BrokenMonths.Full));
        Assert.That(MessageCheck.RuleSetName(view), Is.EqualTo("iwmo-3.2 national + regional 0321 (broken-months=full)"));
    }

    [Test]
    public void Rule_book_gives_a_municipality_its_own_rules_and_every_other_the_national_ones()
    {
        var book = new RegionalRuleBook([new RegionalRules("0321", BrokenMonths.None), new RegionalRules("0353", BrokenMonths.Contract)]);
        Assert.That(book.For("0321").BrokenMonths, Is.EqualTo(BrokenMonths.None));
        Assert.That(book.For("0353"), Is.SameAs(RegionalRules.National));
        Assert.That(book.For("0356"), Is.SameAs(RegionalRules.National));
        Assert.That(() => new RegionalRuleBook([new RegionalRules("0321", BrokenMonths.None), new RegionalRules("0321", BrokenMonths.Full)]), Throws.ArgumentException);
    }
}
