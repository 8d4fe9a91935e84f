using Backoffice.Core.Calendar;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Calendar;

/// <summary>Working days per the Algemene termijnenwet, for the deadlines of OP090 and friends.</summary>
public sealed class WorkingDaysTests
{
    // Easter Sundays from published calendars, not from the algorithm under test.
    [TestCase(2019, 4, 21)]
    [TestCase(2024, 3, 31)]
    [TestCase(2025, 4, 20)]
    [TestCase(2026, 4, 5)]
    [TestCase(2027, 3, 28)]
    [TestCase(2038, 4, 25)]
    public void Easter_is_computed(int year, int month, int day) =>
        Assert.That(WorkingDays.EasterSunday(year), Is.EqualTo(new DateOnly(year, month, day)));

    [Test]
    public void Holidays_of_2026_are_the_ones_of_the_Algemene_termijnenwet()
    {
        var holidays = WorkingDays.PublicHolidays(2026).Select(h => h.Date.ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(holidays, Is.EqualTo(new[] { "01-01", "04-06", "04-27", "05-05", "05-14", "05-25", "12-25", "12-26" }));
    }

    [Test]
    public void Kings_day_on_a_Sunday_is_celebrated_on_the_Saturday_before()
    {
        // 27 April 2025 was a Sunday.
        Assert.That(WorkingDays.PublicHolidays(2025).Single(h => h.Name == "Koningsdag").Date, Is.EqualTo(new DateOnly(2025, 4, 26)));
    }

    [Test]
    public void Three_working_days_from_a_Friday_is_the_Wednesday()
    {
        Assert.That(new WorkingDays().AddWorkingDays(new DateOnly(2026, 11, 27), 3), Is.EqualTo(new DateOnly(2026, 12, 2)));
    }

    [Test]
    public void Deadlines_skip_Easter_Monday_and_Christmas()
    {
        var calendar = new WorkingDays();
        // Thursday 2 April 2026 + 3: Friday 3, (weekend, Easter Monday 6), Tuesday 7, Wednesday 8.
        Assert.That(calendar.AddWorkingDays(new DateOnly(2026, 4, 2), 3), Is.EqualTo(new DateOnly(2026, 4, 8)));
        // Wednesday 23 December 2026 + 3: Thursday 24, (Christmas 25, weekend... 26-27), Monday 28, Tuesday 29.
        Assert.That(calendar.AddWorkingDays(new DateOnly(2026, 12, 23), 3), Is.EqualTo(new DateOnly(2026, 12, 29)));
    }

    [Test]
    public void An_operators_closing_day_is_skipped_too()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["# collectieve vrije dag", string.Empty, "2026-12-24 kerstavond dicht"]);
            var calendar = WorkingDays.FromFile(file);

            Assert.That(calendar.IsWorkingDay(new DateOnly(2026, 12, 24)), Is.False);
            Assert.That(calendar.AddWorkingDays(new DateOnly(2026, 12, 23), 3), Is.EqualTo(new DateOnly(2026, 12, 30)));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void A_closing_days_file_with_a_typo_names_the_line()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["2026-12-24", "2026-13-01"]);
            var error = Assert.Throws<FormatException>(() => WorkingDays.FromFile(file));
            Assert.That(error!.Message, Does.Contain("line 2"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void A_deadline_never_falls_on_a_weekend_or_holiday_and_counts_exactly_the_working_days_between()
    {
        var calendar = new WorkingDays();
        var random = new Random(2026);
        for (var i = 0; i < 2000; i++)
        {
            var start = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 365 * 15));
            var days = random.Next(0, 15);
            var due = calendar.AddWorkingDays(start, days);

            Assert.That(days == 0 || calendar.IsWorkingDay(due), Is.True, $"{start} + {days}");
            var between = Enumerable.Range(1, due.DayNumber - start.DayNumber).Count(n => calendar.IsWorkingDay(start.AddDays(n)));
            Assert.That(between, Is.EqualTo(days), $"{start} + {days}");
        }
    }
}
