namespace Backoffice.Data.Steering;

/// <summary>
/// The durations of trajectories per cell (figure 5), accumulated one trajectory at a time as the
/// store streams them, so a year of allocations is never held: per cell only a count per bucket and
/// a histogram of durations in hundredths of a month (bounded by the longest duration, not by the
/// number of trajectories), from which the mean and the exact median of the rounded durations follow.
/// </summary>
public sealed class TrajectoryDurations
{
    /// <summary>The upper bounds (inclusive, months) of the buckets; a last bucket holds everything above 24.</summary>
    public static IReadOnlyList<int> BucketBounds { get; } = [3, 6, 12, 24];

    private readonly SortedDictionary<CellKey, Accumulator> cells = new(CellKey.Order);
    private readonly Accumulator total = new();

    /// <summary>The cells with at least one trajectory, in <see cref="CellKey"/> order.</summary>
    public IReadOnlyList<(CellKey Cell, DurationSummary Summary)> Cells => [.. cells.Select(c => (c.Key, c.Value.Summary()))];

    public DurationSummary Total => total.Summary();

    /// <summary>
    /// A trajectory of <paramref name="cell"/> from <paramref name="first"/> to <paramref name="last"/>
    /// (both allocated days); <paramref name="running"/> when it was still open at the period end
    /// (and <paramref name="last"/> is the period end). A last day before the first adds nothing.
    /// </summary>
    public void Add(CellKey cell, DateOnly first, DateOnly last, bool running)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (last < first)
        {
            return;
        }

        var hundredths = Hundredths(first, last);
        if (!cells.TryGetValue(cell, out var accumulator))
        {
            accumulator = new Accumulator();
            cells.Add(cell, accumulator);
        }

        accumulator.Add(hundredths, running);
        total.Add(hundredths, running);
    }

    /// <summary>
    /// The months from <paramref name="first"/> to <paramref name="last"/> inclusive, in hundredths
    /// (rounded half away from zero): the whole calendar months m from the first day such that
    /// first.AddMonths(m) is not after the day after the last (AddMonths keeps the day of the month,
    /// or takes the month's last day when it has fewer), plus the remaining days as a fraction of
    /// the days from first.AddMonths(m) to first.AddMonths(m + 1). 2020-01-01..2020-12-31 is 12.00;
    /// 2020-01-15..2020-03-14 is 2.00; 2020-01-01..2020-01-10 is 10/31 = 0.32.
    /// </summary>
    public static int Hundredths(DateOnly first, DateOnly last)
    {
        var end = last.AddDays(1);
        var months = ((end.Year - first.Year) * 12) + end.Month - first.Month;
        while (months > 0 && first.AddMonths(months) > end)
        {
            months--;
        }

        while (first.AddMonths(months + 1) <= end)
        {
            months++;
        }

        var from = first.AddMonths(months);
        var span = first.AddMonths(months + 1).DayNumber - from.DayNumber;
        var rest = (decimal)(end.DayNumber - from.DayNumber) / span;
        return (months * 100) + (int)Math.Round(rest * 100, MidpointRounding.AwayFromZero);
    }

    private sealed class Accumulator
    {
        private readonly SortedDictionary<int, int> histogram = [];
        private readonly int[] buckets = new int[BucketBounds.Count + 1];
        private long sum;
        private int count;
        private int running;

        public void Add(int hundredths, bool open)
        {
            histogram[hundredths] = histogram.GetValueOrDefault(hundredths) + 1;
            var bucket = 0;
            while (bucket < BucketBounds.Count && hundredths > BucketBounds[bucket] * 100)
            {
                bucket++;
            }

            buckets[bucket]++;
            sum += hundredths;
            count++;
            running += open ? 1 : 0;
        }

        public DurationSummary Summary() => new(count, running, [.. buckets], count == 0 ? 0 : Math.Round(sum / 100m / count, 2, MidpointRounding.AwayFromZero), Median());

        // The middle value of the sorted durations, or the mean of the two middle ones.
        private decimal Median()
        {
            if (count == 0)
            {
                return 0;
            }

            var lower = (count - 1) / 2;
            var upper = count / 2;
            int? low = null;
            var seen = 0;
            foreach (var (value, times) in histogram)
            {
                if (low is null && seen + times > lower)
                {
                    low = value;
                }

                if (seen + times > upper)
                {
                    return Math.Round((low!.Value + value) / 200m, 2, MidpointRounding.AwayFromZero);
                }

                seen += times;
            }

            throw new InvalidOperationException("The histogram holds fewer durations than counted.");
        }
    }
}

/// <summary>
/// The durations of a cell's trajectories: how many, how many still open at the period end, the
/// count per bucket (0-3, 3-6, 6-12, 12-24, over 24 months; each upper bound inclusive) and the mean
/// and median in months (of the durations rounded to hundredths; the mean rounded to hundredths).
/// </summary>
public sealed record DurationSummary(int Trajectories, int Running, IReadOnlyList<int> Buckets, decimal MeanMonths, decimal MedianMonths);
