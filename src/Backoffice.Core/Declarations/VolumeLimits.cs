using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Reference;
using static Backoffice.Core.Reference.CatalogueCodes;

namespace Backoffice.Core.Declarations;

/// <summary>
/// How much a provider may declare on an allocation with an Omvang or a Budget: per Prestatie
/// (TR321), summed over all Prestaties of the allocation (TR322) and against the budget (TR369).
/// Every maximum is in the Eenheid of the Prestatie, so that the caller compares it with
/// GeleverdVolume as it stands. <c>null</c> means the rule has nothing to compare: no Omvang (or
/// no Budget), a Frequentie without that kind of limit, or units that do not fit, which TR341
/// rejects on its own (a second finding for the same fault would say nothing new).
/// </summary>
/// <remarks>
/// A ProductPeriode lies inside one calendar month (CS337, checked at level 2 before these rules
/// run). Days of the period outside the allocation never count: a period wholly outside it gets
/// 0, and TR307/TR308 say why.
/// </remarks>
public static class VolumeLimits
{
    private const string PerDag = "1";
    private const string PerWeek = "2";
    private const string PerMaand = "4";
    private const string Totaal = "6";
    private const string HuishoudelijkeHulp = "01";

    /// <summary>
    /// How many units of <paramref name="declaredEenheid"/> make one unit of
    /// <paramref name="allocationEenheid"/> (WJ756): 1 when they are equal, 60 for minutes
    /// declared on an hours allocation (TR341, IV081), otherwise <c>null</c> (TR341 rejects).
    /// </summary>
    public static int? UnitFactor(string allocationEenheid, string declaredEenheid) =>
        (allocationEenheid, declaredEenheid) switch
        {
            var (a, d) when string.Equals(a, d, StringComparison.Ordinal) => 1,
            (Uur, Minuut) => 60,
            _ => null,
        };

    /// <summary>
    /// TR321: the largest GeleverdVolume one Prestatie over <paramref name="period"/> may carry,
    /// in <paramref name="declaredEenheid"/>. Per Frequentie (WMO757):
    /// <list type="bullet">
    /// <item>1 per dag: the days of the period inside the allocation × Volume.</item>
    /// <item>2 per week, ProductCategorie 01 (huishoudelijke hulp): 6 × Volume, whatever the
    /// month (TR321 toelichting, IV077).</item>
    /// <item>2 per week, outputgericht: the Sundays of the period × Volume, plus one Volume when
    /// the allocation's last Sunday lies in the period and its Einddatum is not a Sunday (IV077,
    /// IV076).</item>
    /// <item>2 per week, otherwise: the ISO-8601 calendar weeks the period touches inside the
    /// allocation, broken weeks counted whole, × Volume (IV077, Weeknummer berekenen).</item>
    /// <item>4 per maand: Volume, also for a month only partly inside the allocation (IV078).</item>
    /// <item>6 totaal: <c>null</c>; only the cumulative limit applies (TR322).</item>
    /// </list>
    /// </summary>
    /// <remarks>
    /// The category-01 exception is applied to both variants: TR321 states it for every
    /// allocation of category 01 per week, and the Sunday count never exceeds 6 anyway.
    /// IV077's Sunday method is for outputgericht only; every other form (taakgericht is never
    /// declared per client) counts calendar weeks. For outputgericht broken months IV078 leaves
    /// payment to the parties (see <see cref="ContractTariff.PartialMonthInFull"/>); the upper
    /// bound stays the month's Volume. An allocation without a Sunday has no "last Sunday", so
    /// read as written the outputgericht maximum is 0 in every period.
    /// </remarks>
    public static long? MaximumPerLine(ToegewezenProduct allocation, FinancingForm financing, GeslotenPeriode period, string declaredEenheid)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(period);
        if (allocation.Omvang is not { Frequentie: PerDag or PerWeek or PerMaand } omvang
            || UnitFactor(omvang.Eenheid, declaredEenheid) is not { } factor)
        {
            return null;
        }

        if (Overlap(allocation, period) is not { } overlap)
        {
            return 0;
        }

        var (first, last) = overlap;

        var units = omvang.Frequentie switch
        {
            PerDag => Days(first, last),
            PerWeek when allocation.Product?.Categorie == HuishoudelijkeHulp => 6,
            PerWeek when financing == FinancingForm.Outputgericht => Sundays(first, last) + (ExtraWeekIn(allocation, first, last) ? 1 : 0),
            PerWeek => CalendarWeeks(first, last),
            _ => 1, // PerMaand
        };
        return checked(units * omvang.Volume * factor);
    }

    /// <summary>
    /// TR322: the largest sum of GeleverdVolume over all Prestaties of the allocation, in
    /// <paramref name="declaredEenheid"/>: "het maximale volume berekend over de loopduur van de
    /// toewijzing". Per Frequentie: per dag the allocation's days; per week its ISO calendar weeks
    /// (IV077's example: 07-10-2025 to 30-12-2025 is 13 weeks, a week split over two months
    /// counts once), for outputgericht its Sundays plus the extra week of IV077; per maand the
    /// calendar months it touches, each in full as IV078 allows per line; each × Volume. Totaal:
    /// Volume itself.
    /// </summary>
    /// <remarks>
    /// An allocation without Einddatum has no loopduur to compute over, so for per dag, per week
    /// and per maand this returns <c>null</c> and only TR321 bounds the claims (per week requires
    /// an Einddatum anyway, Uitvoeringsvarianten). Totaal needs no end: it is the whole Volume.
    /// Household help (category 01) per week is bounded here by calendar weeks, not by 6 a month:
    /// that is the check IV077 requires so that its flat 6 cannot exceed what was allocated.
    /// </remarks>
    public static long? MaximumCumulative(ToegewezenProduct allocation, FinancingForm financing, string declaredEenheid)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        if (allocation.Omvang is not { } omvang || UnitFactor(omvang.Eenheid, declaredEenheid) is not { } factor)
        {
            return null;
        }

        if (omvang.Frequentie == Totaal)
        {
            return checked(omvang.Volume * factor);
        }

        if (allocation.Einddatum is not { } end)
        {
            return null;
        }

        var start = allocation.Ingangsdatum;
        long? units = end < start ? 0 : omvang.Frequentie switch
        {
            PerDag => Days(start, end),
            PerWeek when financing == FinancingForm.Outputgericht => Sundays(start, end) + (ExtraWeekIn(allocation, start, end) ? 1 : 0),
            PerWeek => CalendarWeeks(start, end),
            PerMaand => ((end.Year - start.Year) * 12) + end.Month - start.Month + 1,
            _ => null,
        };
        return units is { } n ? checked(n * omvang.Volume * factor) : null;
    }

    /// <summary>
    /// TR369: the largest sum of GeleverdVolume over all Prestaties of the allocation, the Budget
    /// in eurocents. It bounds lines declared in Euro's (Eenheid 83, whose GeleverdVolume is
    /// eurocents, IV042 and the FAQ on Euro's); for any other Eenheid a volume cannot be compared
    /// with an amount and this returns <c>null</c>.
    /// </summary>
    public static long? MaximumBudget(ToegewezenProduct allocation, string declaredEenheid)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        return declaredEenheid == Euros ? allocation.Budget : null;
    }

    /// <summary>
    /// IV078: whether the ProductPeriode's month is a broken month of an outputgericht allocation
    /// per maand, one the allocation covers only in part, and if so which end breaks it:
    /// <c>true</c> when the allocation starts after the month's first day (also when it ends in
    /// the same month), <c>false</c> when it only ends before the month's last day, <c>null</c>
    /// when the month is whole or the rule does not apply (another Frequentie or financing form:
    /// inspanningsgericht always may claim the broken month's whole volume, IV078).
    /// </summary>
    public static bool? StartsBrokenMonth(ToegewezenProduct allocation, FinancingForm financing, GeslotenPeriode period)
    {
        ArgumentNullException.ThrowIfNull(allocation);
        ArgumentNullException.ThrowIfNull(period);
        if (financing != FinancingForm.Outputgericht || allocation.Omvang is not { Frequentie: PerMaand })
        {
            return null;
        }

        var monthFirst = new DateOnly(period.Begindatum.Year, period.Begindatum.Month, 1);
        var monthLast = monthFirst.AddMonths(1).AddDays(-1);
        if (allocation.Ingangsdatum > monthFirst && allocation.Ingangsdatum <= monthLast)
        {
            return true;
        }

        return allocation.Einddatum is { } end && end >= monthFirst && end < monthLast ? false : null;
    }

    private static (DateOnly First, DateOnly Last)? Overlap(ToegewezenProduct allocation, GeslotenPeriode period)
    {
        var first = period.Begindatum > allocation.Ingangsdatum ? period.Begindatum : allocation.Ingangsdatum;
        var last = allocation.Einddatum is { } end && end < period.Einddatum ? end : period.Einddatum;
        return first <= last ? (first, last) : null;
    }

    private static long Days(DateOnly first, DateOnly last) => last.DayNumber - first.DayNumber + 1;

    // ISO weeks run Monday to Sunday without gaps, so the weeks touched are the Mondays from the
    // first day's Monday to the last day's, whatever the year boundary (Weeknummer berekenen).
    private static long CalendarWeeks(DateOnly first, DateOnly last) => ((MondayOf(last).DayNumber - MondayOf(first).DayNumber) / 7) + 1;

    private static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    private static long Sundays(DateOnly first, DateOnly last)
    {
        var firstSunday = first.AddDays((7 - (int)first.DayOfWeek) % 7);
        return firstSunday > last ? 0 : ((last.DayNumber - firstSunday.DayNumber) / 7) + 1;
    }

    // IV077 outputgericht: "plus 1 indien in die productperiode de laatste zondag van de toewijzing
    // ligt en de einddatum van de toewijzing geen zondag is". No Einddatum, no last Sunday.
    private static bool ExtraWeekIn(ToegewezenProduct allocation, DateOnly first, DateOnly last)
    {
        if (allocation.Einddatum is not { } end || end.DayOfWeek == DayOfWeek.Sunday)
        {
            return false;
        }

        var lastSunday = end.AddDays(-(int)end.DayOfWeek);
        return lastSunday >= allocation.Ingangsdatum && lastSunday >= first && lastSunday <= last;
    }
}
