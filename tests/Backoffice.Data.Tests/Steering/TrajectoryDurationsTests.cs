using Backoffice.Data.Steering;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Steering;

public sealed class TrajectoryDurationsTests
{
    [TestCase("2020-01-01", "2020-12-31", 1200)] // a calendar year is 12 months, in the 6-12 bucket
    [TestCase("2020-01-15", "2020-03-14", 200)]
    [TestCase("2020-01-01", "2020-01-10", 32)] // 10 / 31 days
    [TestCase("2020-01-31", "2020-02-29", 103)] // Jan 31 + 1 month is Feb 29; then 1 day of Feb 29 -> Mar 31 (31 days)
    [TestCase("2026-03-05", "2026-03-05", 3)] // one day of 31
    [TestCase("2023-01-01", "2025-12-31", 3600)]
    public void Months_are_whole_calendar_months_and_the_rest_as_a_fraction_of_the_next(string first, string last, int hundredths) =>
        Assert.That(TrajectoryDurations.Hundredths(DateOnly.Parse(first, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(last, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(hundredths));

    [Test]
    public void Buckets_take_their_upper_bound_and_the_median_of_an_even_count_is_the_mean_of_the_middle_two()
    {
        var durations = new TrajectoryDurations();
        var cell = CellKey.Of("ARR-1-2-BEH-GEM", null, null);
        var start = new DateOnly(2024, 1, 1);

        // 3.00, 6.00, 12.00, 24.00 fall in 0-3, 3-6, 6-12, 12-24; 24 months and a day (24.03) is over 24.
        foreach (var months in new[] { 3, 6, 12, 24 })
        {
            durations.Add(cell, start, start.AddMonths(months).AddDays(-1), running: false);
        }

        durations.Add(cell, start, start.AddMonths(24), running: true);
        durations.Add(cell, start, start.AddDays(-1), running: false); // ends before it starts: not a trajectory

        var summary = durations.Total;
        Assert.That(summary.Buckets, Is.EqualTo(new[] { 1, 1, 1, 1, 1 }));

        // 2024-01-01 + 24 months = 2026-01-01, the last day itself: 24 months + 1/31 = 24.03.
        // Mean (3 + 6 + 12 + 24 + 24.03) / 5 = 13.806 -> 13.81; median 12.00 (odd count).
        Assert.That((summary.Trajectories, summary.Running, summary.MeanMonths, summary.MedianMonths), Is.EqualTo((5, 1, 13.81m, 12.00m)));

        durations.Add(CellKey.Of(null, "01", "01A01"), start, start.AddMonths(1).AddDays(-1), running: false);

        // Six: 1, 3, 6, 12, 24, 24.03: median (6 + 12) / 2 = 9.00.
        Assert.That(durations.Total.MedianMonths, Is.EqualTo(9.00m));
        Assert.That(durations.Cells.Select(c => c.Cell.Label), Is.EqualTo(new[] { "ARR-1-2-BEH-GEM", "01 01A01" }));
    }
}
