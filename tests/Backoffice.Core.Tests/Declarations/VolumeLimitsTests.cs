using Backoffice.Core.Declarations;
using Backoffice.Core.Reference;
using NUnit.Framework;
using static Backoffice.Core.Tests.Declarations.DeclarationSamples;

namespace Backoffice.Core.Tests.Declarations;

/// <summary>The worked examples of IV076, IV077 and IV078 and the edges of TR321, TR322 and TR369, each with its exact number.</summary>
public sealed class VolumeLimitsTests
{
    private const FinancingForm Inspanning = FinancingForm.Inspanningsgericht;
    private const FinancingForm Output = FinancingForm.Outputgericht;

    [Test]
    public void IV077_inspanningsgericht_example_counts_4_5_and_5_calendar_weeks_and_13_over_the_allocation()
    {
        var allocation = Allocation(D(2025, 10, 7), D(2025, 12, 30), 3, "04", "2");
        Assert.Multiple(() =>
        {
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Period(D(2025, 10, 7), D(2025, 10, 31)), "04"), Is.EqualTo(12));
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Month(D(2025, 11, 1)), "04"), Is.EqualTo(15));
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Period(D(2025, 12, 1), D(2025, 12, 30)), "04"), Is.EqualTo(15));
            Assert.That(VolumeLimits.MaximumCumulative(allocation, Inspanning, "04"), Is.EqualTo(39));
        });
    }

    [Test]
    public void IV076_inspanningsgericht_example_allows_12_15_and_3_hours_and_27_over_the_allocation()
    {
        var allocation = Allocation(D(2025, 7, 7), D(2025, 9, 7), 3, "04", "2");
        Assert.Multiple(() =>
        {
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Period(D(2025, 7, 7), D(2025, 7, 31)), "04"), Is.EqualTo(12));
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Month(D(2025, 8, 1)), "04"), Is.EqualTo(15));
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Period(D(2025, 9, 1), D(2025, 9, 7)), "04"), Is.EqualTo(3));
            Assert.That(VolumeLimits.MaximumCumulative(allocation, Inspanning, "04"), Is.EqualTo(27));
        });
    }

    [Test]
    public void TR321_per_week_inspanningsgericht_counts_partial_iso_weeks()
    {
        // IV078 example 1: 12-11-2025 is a Wednesday; its broken week 46 counts whole: weeks 46, 47, 48.
        var allocation = Allocation(D(2025, 11, 12), D(2025, 12, 13), 3, "04", "2");
        Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Period(D(2025, 11, 12), D(2025, 11, 30)), "04"), Is.EqualTo(9));
    }

    [Test]
    public void TR321_per_week_inspanningsgericht_counts_iso_weeks_across_the_year_boundary()
    {
        // 1 January 2021 is a Friday in week 53 of 2020; 31 January a Sunday in week 4: five weeks.
        var allocation = Allocation(D(2020, 6, 1), D(2021, 6, 30), 2, "04", "2");
        Assert.Multiple(() =>
        {
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Month(D(2021, 1, 1)), "04"), Is.EqualTo(10));
            // February 2021 runs Monday 1 to Sunday 28: the one month with four calendar weeks.
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Month(D(2021, 2, 1)), "04"), Is.EqualTo(8));
            // May 2021 runs Saturday 1 to Monday 31: weeks 17 to 22, six.
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Month(D(2021, 5, 1)), "04"), Is.EqualTo(12));
        });
    }

    [Test]
    public void IV077_household_help_per_week_is_six_weeks_a_month()
    {
        var allocation = Allocation(D(2021, 2, 10), D(2021, 12, 31), 3, "04", "2", categorie: "01");
        Assert.Multiple(() =>
        {
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Month(D(2021, 3, 1)), "04"), Is.EqualTo(18));
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Period(D(2021, 2, 10), D(2021, 2, 28)), "04"), Is.EqualTo(18));
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Output, Month(D(2021, 2, 1)), "04"), Is.EqualTo(18));
        });
    }

    [Test]
    public void IV077_household_help_cumulative_still_counts_the_calendar_weeks_of_the_allocation()
    {
        var allocation = Allocation(D(2021, 2, 1), D(2021, 2, 28), 3, "04", "2", categorie: "01");
        Assert.That(VolumeLimits.MaximumCumulative(allocation, Inspanning, "04"), Is.EqualTo(12));
    }

    [Test]
    public void IV077_outputgericht_example_1_counts_sundays_and_an_extra_week_in_december()
    {
        // The example says Ingangsdatum 01-10-2025 but counts October from 07-10 (3 Sundays, € 900);
        // from 01-10 October holds 4 Sundays. The periods and amounts of the example are the ones tested.
        var allocation = Allocation(D(2025, 10, 7), D(2025, 12, 31), 30000, "83", "2");
        Assert.Multiple(() =>
        {
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Output, Period(D(2025, 10, 7), D(2025, 10, 31)), "83"), Is.EqualTo(90000));
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Output, Month(D(2025, 11, 1)), "83"), Is.EqualTo(150000));
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Output, Month(D(2025, 12, 1)), "83"), Is.EqualTo(150000));
            Assert.That(VolumeLimits.MaximumCumulative(allocation, Output, "83"), Is.EqualTo(390000));
        });
    }

    [Test]
    public void IV077_outputgericht_example_2_puts_the_broken_last_week_in_the_month_of_the_last_sunday()
    {
        var allocation = Allocation(D(2025, 7, 7), D(2025, 9, 5), 30000, "83", "2");
        Assert.Multiple(() =>
        {
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Output, Period(D(2025, 7, 7), D(2025, 7, 31)), "83"), Is.EqualTo(90000));
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Output, Month(D(2025, 8, 1)), "83"), Is.EqualTo(180000));
            // IV076 example 2: "Over september wordt er geen declaratie meer ingediend."
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Output, Period(D(2025, 9, 1), D(2025, 9, 5)), "83"), Is.EqualTo(0));
            Assert.That(VolumeLimits.MaximumCumulative(allocation, Output, "83"), Is.EqualTo(270000));
        });
    }

    [Test]
    public void IV076_outputgericht_allocation_ending_on_a_sunday_gets_no_extra_week()
    {
        var allocation = Allocation(D(2025, 7, 7), D(2025, 9, 7), 30000, "83", "2");
        Assert.Multiple(() =>
        {
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Output, Month(D(2025, 8, 1)), "83"), Is.EqualTo(150000));
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Output, Period(D(2025, 9, 1), D(2025, 9, 7)), "83"), Is.EqualTo(30000));
        });
    }

    [Test]
    public void IV077_outputgericht_open_ended_allocation_has_no_last_sunday_and_no_extra_week()
    {
        var allocation = Allocation(D(2025, 7, 7), null, 2, "82", "2");
        Assert.That(VolumeLimits.MaximumPerLine(allocation, Output, Month(D(2025, 8, 1)), "82"), Is.EqualTo(10));
    }

    [Test]
    public void IV077_outputgericht_allocation_without_a_sunday_allows_nothing_as_written()
    {
        // Monday 8 to Saturday 13 September 2025: no Sunday, so no "laatste zondag van de toewijzing".
        var allocation = Allocation(D(2025, 9, 8), D(2025, 9, 13), 2, "82", "2");
        Assert.That(VolumeLimits.MaximumPerLine(allocation, Output, Period(D(2025, 9, 8), D(2025, 9, 13)), "82"), Is.EqualTo(0));
    }

    [Test]
    public void IV078_per_month_broken_month_allows_the_full_month_volume()
    {
        var allocation = Allocation(D(2025, 10, 14), D(2025, 12, 13), 15, "04", "4");
        Assert.Multiple(() =>
        {
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Period(D(2025, 10, 14), D(2025, 10, 31)), "04"), Is.EqualTo(15));
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Period(D(2025, 12, 1), D(2025, 12, 13)), "04"), Is.EqualTo(15));
        });
    }

    [Test]
    public void TR322_per_month_counts_every_touched_month_in_full()
    {
        var allocation = Allocation(D(2025, 10, 14), D(2025, 12, 13), 15, "04", "4");
        Assert.That(VolumeLimits.MaximumCumulative(allocation, Inspanning, "04"), Is.EqualTo(45));
    }

    [Test]
    public void TR321_per_day_counts_the_days_of_the_period_inside_the_allocation()
    {
        var allocation = Allocation(D(2025, 3, 10), D(2025, 4, 5), 2, "16", "1");
        Assert.Multiple(() =>
        {
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Period(D(2025, 3, 10), D(2025, 3, 31)), "16"), Is.EqualTo(44));
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Month(D(2025, 4, 1)), "16"), Is.EqualTo(10));
            Assert.That(VolumeLimits.MaximumCumulative(allocation, Inspanning, "16"), Is.EqualTo(54));
        });
    }

    [Test]
    public void TR321_period_outside_the_allocation_allows_nothing()
    {
        var allocation = Allocation(D(2025, 3, 10), D(2025, 4, 5), 2, "04", "4");
        Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Month(D(2025, 5, 1)), "04"), Is.EqualTo(0));
    }

    [Test]
    public void IV081_minutes_on_an_hours_allocation_are_sixty_a_unit()
    {
        var allocation = Allocation(D(2021, 1, 1), D(2021, 12, 31), 3, "04", "2");
        Assert.Multiple(() =>
        {
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Month(D(2021, 2, 1)), "01"), Is.EqualTo(720));
            Assert.That(VolumeLimits.MaximumCumulative(allocation, Inspanning, "01"), Is.EqualTo(53 * 3 * 60));
            Assert.That(VolumeLimits.UnitFactor("04", "01"), Is.EqualTo(60));
        });
    }

    [Test]
    public void TR341_a_unit_that_does_not_fit_is_not_compared()
    {
        var hours = Allocation(D(2021, 1, 1), D(2021, 12, 31), 3, "04", "2");
        var minutes = Allocation(D(2021, 1, 1), D(2021, 12, 31), 180, "01", "2");
        Assert.Multiple(() =>
        {
            Assert.That(VolumeLimits.MaximumPerLine(minutes, Inspanning, Month(D(2021, 2, 1)), "04"), Is.Null);
            Assert.That(VolumeLimits.MaximumPerLine(hours, Inspanning, Month(D(2021, 2, 1)), "83"), Is.Null);
            Assert.That(VolumeLimits.MaximumCumulative(minutes, Inspanning, "04"), Is.Null);
            Assert.That(VolumeLimits.UnitFactor("01", "04"), Is.Null);
        });
    }

    [Test]
    public void TR321_total_frequency_has_no_per_line_limit_and_TR322_bounds_it_by_the_volume()
    {
        var allocation = Allocation(D(2025, 1, 1), null, 40, "04", "6");
        Assert.Multiple(() =>
        {
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Month(D(2025, 2, 1)), "04"), Is.Null);
            Assert.That(VolumeLimits.MaximumCumulative(allocation, Inspanning, "04"), Is.EqualTo(40));
            Assert.That(VolumeLimits.MaximumCumulative(allocation, Inspanning, "01"), Is.EqualTo(2400));
        });
    }

    [Test]
    public void TR321_without_omvang_there_is_no_volume_limit()
    {
        var allocation = Allocation(D(2025, 1, 1), D(2025, 12, 31), 0, "83", "4", budget: 500000) with { Omvang = null };
        Assert.Multiple(() =>
        {
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Month(D(2025, 2, 1)), "83"), Is.Null);
            Assert.That(VolumeLimits.MaximumCumulative(allocation, Inspanning, "83"), Is.Null);
        });
    }

    [TestCase("1")]
    [TestCase("2")]
    [TestCase("4")]
    public void TR322_open_ended_allocation_has_no_cumulative_limit(string frequentie)
    {
        var allocation = Allocation(D(2025, 1, 1), null, 3, "04", frequentie);
        Assert.Multiple(() =>
        {
            Assert.That(VolumeLimits.MaximumCumulative(allocation, Inspanning, "04"), Is.Null);
            Assert.That(VolumeLimits.MaximumPerLine(allocation, Inspanning, Month(D(2025, 6, 1)), "04"), Is.Not.Null);
        });
    }

    [Test]
    public void TR369_the_budget_bounds_lines_in_euros_only()
    {
        var withBudget = Allocation(D(2025, 1, 1), D(2025, 12, 31), 0, "83", "4", budget: 500000) with { Omvang = null, Product = null };
        var withoutBudget = Allocation(D(2025, 1, 1), D(2025, 12, 31), 10, "04", "4");
        Assert.Multiple(() =>
        {
            Assert.That(VolumeLimits.MaximumBudget(withBudget, "83"), Is.EqualTo(500000));
            Assert.That(VolumeLimits.MaximumBudget(withBudget, "04"), Is.Null);
            Assert.That(VolumeLimits.MaximumBudget(withoutBudget, "83"), Is.Null);
        });
    }
}
