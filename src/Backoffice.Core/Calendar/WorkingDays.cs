using System.Globalization;

namespace Backoffice.Core.Calendar;

/// <summary>
/// Working days for the standard's deadlines ("binnen 3 werkdagen", OP090): every day except
/// Saturday, Sunday, the public holidays of the Algemene termijnenwet (art. 3: Nieuwjaarsdag, Tweede
/// Paasdag, Hemelvaartsdag, Tweede Pinksterdag, Eerste en Tweede Kerstdag, the King's birthday as
/// celebrated, and 5 mei) and any extra closing days an operator lists. Easter-based days are
/// computed, never typed in, so the calendar does not run out.
/// </summary>
public sealed class WorkingDays
{
    private readonly HashSet<DateOnly> closingDays;

    public WorkingDays(IEnumerable<DateOnly>? extraClosingDays = null)
    {
        closingDays = [.. extraClosingDays ?? []];
    }

    /// <summary>The operator's extra closing days (a collective day off, a local holiday).</summary>
    public IReadOnlyCollection<DateOnly> ExtraClosingDays => closingDays;

    /// <summary>The public holidays of the Algemene termijnenwet in <paramref name="year"/>.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> PublicHolidays(int year)
    {
        var easter = EasterSunday(year);
        var list = new List<(DateOnly, string)>
        {
            (new DateOnly(year, 1, 1), "Nieuwjaarsdag"),
            (easter.AddDays(1), "Tweede Paasdag"),
            (KingsDay(year), year >= 2014 ? "Koningsdag" : "Koninginnedag"),
            (new DateOnly(year, 5, 5), "Bevrijdingsdag"),
            (easter.AddDays(39), "Hemelvaartsdag"),
            (easter.AddDays(50), "Tweede Pinksterdag"),
            (new DateOnly(year, 12, 25), "Eerste Kerstdag"),
            (new DateOnly(year, 12, 26), "Tweede Kerstdag"),
        };
        list.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return list;
    }

    /// <summary>Easter Sunday (Gregorian), by the anonymous algorithm of Meeus/Jones/Butcher.</summary>
    public static DateOnly EasterSunday(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1583);
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)
        && !closingDays.Contains(date)
        && !PublicHolidays(date.Year).Any(h => h.Date == date);

    /// <summary>
    /// The date <paramref name="days"/> working days after <paramref name="start"/> (the day of
    /// receipt does not count): received on a Friday, "within 3 working days" is the Wednesday.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        for (var counted = 0; counted < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>
    /// Reads an operator file of extra closing days: one ISO date (yyyy-MM-dd) a line, optionally
    /// followed by a description; blank lines and lines starting with # are ignored. A line that is
    /// not a date throws with its line number, so a typo never silently shortens a deadline.
    /// </summary>
    public static WorkingDays FromFile(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return new WorkingDays();
        }

        var days = new List<DateOnly>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var text = line.Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            var first = text.Split([' ', '\t', ';', ','], 2)[0];
            if (!DateOnly.TryParseExact(first, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"Closing-days file, line {number}: '{first}' is not a date as yyyy-MM-dd."));
            }

            days.Add(date);
        }

        return new WorkingDays(days);
    }

    // Koningsdag 27 April since 2014, Koninginnedag 30 April from 1980 to 2013; moved to the
    // Saturday before when it falls on a Sunday. (Earlier years are of no use to this service.)
    private static DateOnly KingsDay(int year)
    {
        var day = year >= 2014 ? new DateOnly(year, 4, 27) : new DateOnly(year, 4, 30);
        return day.DayOfWeek == DayOfWeek.Sunday ? day.AddDays(-1) : day;
    }
}
