namespace Backoffice.Core.Calendar;

/// <summary>
/// Processes "as if on" a given date (CLI <c>--processing-date</c>): the date is pinned, the time
/// of day still runs, so ordering of timestamps within a run stays real.
/// </summary>
public sealed class PinnedDateTimeProvider(DateOnly date, TimeProvider inner) : TimeProvider
{
    public DateOnly Date { get; } = date;

    public override DateTimeOffset GetUtcNow()
    {
        var now = inner.GetUtcNow();
        return new DateTimeOffset(Date.ToDateTime(TimeOnly.FromTimeSpan(now.TimeOfDay)), TimeSpan.Zero);
    }

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;
}
