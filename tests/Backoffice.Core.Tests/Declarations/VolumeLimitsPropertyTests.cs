using System.Globalization;
using Backoffice.Core.Declarations;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Reference;
using CsCheck;
using NUnit.Framework;
using static Backoffice.Core.Tests.Declarations.DeclarationSamples;

namespace Backoffice.Core.Tests.Declarations;

/// <summary>
/// Property: for random allocations (every Frequentie and Eenheid, open-ended or not, starting and
/// ending mid-month, category 01 or another, both variants) and random months around them, the
/// maxima equal a plain reading of the rules that walks the days one by one: ISO weeks through
/// <see cref="ISOWeek"/>, Sundays by looking at each day, months by their (year, month).
/// </summary>
public sealed class VolumeLimitsPropertyTests
{
    private static readonly string[] Eenheden = ["01", "04", "14", "16", "82", "83", "84"];
    private static readonly string[] Frequenties = ["1", "2", "4", "6"];

    private static Gen<string> From(params string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static readonly Gen<ToegewezenProduct> Allocations =
        Gen.Select(
                Gen.Int[0, 3000].Select(d => D(2019, 1, 1).AddDays(d)),
                Gen.Int[0, 800].Nullable(0.2),
                Gen.Select(Gen.Long[0, 5000], From(Eenheden), From(Frequenties)),
                From("01", "02", "07"))
            .Select((ingang, length, omvang, categorie) => Allocation(
                ingang,
                length is { } days ? ingang.AddDays(days) : null,
                omvang.Item1,
                omvang.Item2,
                omvang.Item3,
                categorie));

    private static readonly Gen<FinancingForm> Forms = Gen.Bool.Select(b => b ? FinancingForm.Outputgericht : FinancingForm.Inspanningsgericht);

    // Mostly the declared unit of the allocation, often minutes (on hours allocations the one
    // conversion there is), sometimes any unit at all.
    private static Gen<string> DeclaredFor(ToegewezenProduct allocation) =>
        Gen.Int[0, 9].SelectMany(pick => pick switch
        {
            < 5 => Gen.Const(allocation.Omvang!.Eenheid),
            < 8 => Gen.Const("01"),
            _ => From(Eenheden),
        });

    // A month from two before the allocation to well after it; the product period is either the
    // part of it inside the allocation (as TR387/TR388 want it) or the whole month.
    private static Gen<GeslotenPeriode> PeriodsFor(ToegewezenProduct allocation) =>
        Gen.Select(Gen.Int[-2, 30], Gen.Bool).Select((offset, clip) =>
        {
            var month = Month(allocation.Ingangsdatum.AddMonths(offset));
            if (!clip)
            {
                return month;
            }

            var begin = month.Begindatum < allocation.Ingangsdatum ? allocation.Ingangsdatum : month.Begindatum;
            var end = allocation.Einddatum is { } e && e < month.Einddatum ? e : month.Einddatum;
            return begin <= end ? new GeslotenPeriode(begin, end) : month;
        });

    private static readonly Gen<(ToegewezenProduct Allocation, FinancingForm Form, GeslotenPeriode Period, string Declared)> Cases =
        Allocations.SelectMany(a => Gen.Select(Forms, PeriodsFor(a), DeclaredFor(a)).Select((f, p, d) => (a, f, p, d)));

    [Test]
    public void TR321_the_maximum_per_line_is_the_day_by_day_reading()
    {
        Cases.Sample(
            c => Assert.That(VolumeLimits.MaximumPerLine(c.Allocation, c.Form, c.Period, c.Declared), Is.EqualTo(PlainPerLine(c.Allocation, c.Form, c.Period, c.Declared))),
            iter: 5000);
    }

    [Test]
    public void TR322_the_cumulative_maximum_is_the_day_by_day_reading()
    {
        Cases.Sample(
            c => Assert.That(VolumeLimits.MaximumCumulative(c.Allocation, c.Form, c.Declared), Is.EqualTo(PlainCumulative(c.Allocation, c.Form, c.Declared))),
            iter: 5000);
    }

    [Test]
    public void TR322_per_month_and_outputgericht_per_week_the_cumulative_maximum_is_the_sum_of_the_months()
    {
        // For these the months share nothing (a week belongs to the month of its Sunday, IV076),
        // so TR322 is exactly the sum of what TR321 allows month by month.
        var closed = Allocations.Where(a => a.Einddatum is not null && a.Omvang!.Frequentie switch
        {
            "4" => true,
            "2" => a.Product!.Categorie != "01",
            _ => false,
        });
        Gen.Select(closed, Gen.Bool).Sample(
            (allocation, output) =>
            {
                var form = allocation.Omvang!.Frequentie == "2" || output ? FinancingForm.Outputgericht : FinancingForm.Inspanningsgericht;
                var eenheid = allocation.Omvang.Eenheid;
                long sum = 0;
                for (var month = Month(allocation.Ingangsdatum); month.Begindatum <= allocation.Einddatum; month = Month(month.Begindatum.AddMonths(1)))
                {
                    sum += VolumeLimits.MaximumPerLine(allocation, form, month, eenheid)!.Value;
                }

                Assert.That(VolumeLimits.MaximumCumulative(allocation, form, eenheid), Is.EqualTo(sum));
            },
            iter: 2000);
    }

    [Test]
    public void The_random_cases_reach_every_branch()
    {
        // The properties above say little if the generator never reaches a case.
        var reached = new HashSet<string>(StringComparer.Ordinal);
        Cases.Sample(
            c =>
            {
                var o = c.Allocation.Omvang!;
                var max = PlainPerLine(c.Allocation, c.Form, c.Period, c.Declared);
                var key = max switch { null => "null", 0 => "zero", _ => "some" };
                reached.Add($"{o.Frequentie} {key}");
                if (max > 0 && c.Declared != o.Eenheid)
                {
                    reached.Add("minutes");
                }

                if (max > 0 && o.Frequentie == "2" && c.Allocation.Product!.Categorie == "01")
                {
                    reached.Add("household");
                }

                if (o.Frequentie == "2" && c.Form == FinancingForm.Outputgericht && LastSunday(c.Allocation) is { } last
                    && c.Allocation.Einddatum!.Value.DayOfWeek != DayOfWeek.Sunday && c.Period.Begindatum <= last && last <= c.Period.Einddatum)
                {
                    reached.Add("extra week");
                }

                if (o.Frequentie == "2" && c.Period.Begindatum.Month == 1 && ISOWeek.GetWeekOfYear(c.Period.Begindatum.ToDateTime(TimeOnly.MinValue)) > 50)
                {
                    reached.Add("year boundary");
                }

                if (PlainCumulative(c.Allocation, c.Form, c.Declared) is null && o.Frequentie != "6" && c.Declared == o.Eenheid)
                {
                    reached.Add("open-ended");
                }
            },
            iter: 5000);
        string[] expected =
        [
            "1 some", "1 zero", "2 some", "2 zero", "4 some", "4 zero", "6 null",
            "minutes", "household", "extra week", "year boundary", "open-ended",
        ];
        Assert.That(expected.Where(e => !reached.Contains(e)), Is.Empty);
    }

    [Test]
    public void TR369_the_budget_is_the_maximum_for_lines_in_euros()
    {
        Gen.Select(Allocations, Gen.Long[0, 10_000_000].Nullable(0.3), From(Eenheden)).Sample(
            (allocation, budget, declared) => Assert.That(
                VolumeLimits.MaximumBudget(allocation with { Budget = budget }, declared),
                Is.EqualTo(declared == "83" ? budget : null)),
            iter: 1000);
    }

    private static long? Factor(string allocation, string declared) =>
        allocation == declared ? 1 : allocation == "04" && declared == "01" ? 60 : null;

    private static List<DateOnly> DaysBetween(DateOnly first, DateOnly last)
    {
        var days = new List<DateOnly>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            days.Add(d);
        }

        return days;
    }

    private static bool InAllocation(ToegewezenProduct allocation, DateOnly day) =>
        day >= allocation.Ingangsdatum && (allocation.Einddatum is not { } end || day <= end);

    private static int IsoWeeks(IEnumerable<DateOnly> days) =>
        days.Select(d => (ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)), ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)))).Distinct().Count();

    // The allocation's last Sunday, walking back from its Einddatum, if it has one.
    private static DateOnly? LastSunday(ToegewezenProduct allocation)
    {
        if (allocation.Einddatum is not { } end)
        {
            return null;
        }

        for (var d = end; d >= allocation.Ingangsdatum; d = d.AddDays(-1))
        {
            if (d.DayOfWeek == DayOfWeek.Sunday)
            {
                return d;
            }
        }

        return null;
    }

    private static long SundayWeeks(ToegewezenProduct allocation, List<DateOnly> days)
    {
        long sundays = days.Count(d => d.DayOfWeek == DayOfWeek.Sunday);
        var extra = allocation.Einddatum is { DayOfWeek: not DayOfWeek.Sunday } && LastSunday(allocation) is { } last && days.Contains(last);
        return sundays + (extra ? 1 : 0);
    }

    private static long? PlainPerLine(ToegewezenProduct allocation, FinancingForm form, GeslotenPeriode period, string declared)
    {
        if (allocation.Omvang is not { } omvang || Factor(omvang.Eenheid, declared) is not { } factor)
        {
            return null;
        }

        var days = DaysBetween(period.Begindatum, period.Einddatum).Where(d => InAllocation(allocation, d)).ToList();
        long? units = omvang.Frequentie switch
        {
            "1" => days.Count,
            "2" when days.Count == 0 => 0,
            "2" when allocation.Product?.Categorie == "01" => 6,
            "2" when form == FinancingForm.Outputgericht => SundayWeeks(allocation, days),
            "2" => IsoWeeks(days),
            "4" => days.Count == 0 ? 0 : 1,
            _ => null,
        };
        return units * omvang.Volume * factor;
    }

    private static long? PlainCumulative(ToegewezenProduct allocation, FinancingForm form, string declared)
    {
        if (allocation.Omvang is not { } omvang || Factor(omvang.Eenheid, declared) is not { } factor)
        {
            return null;
        }

        if (omvang.Frequentie == "6")
        {
            return omvang.Volume * factor;
        }

        if (allocation.Einddatum is not { } end)
        {
            return null;
        }

        var days = DaysBetween(allocation.Ingangsdatum, end);
        long units = omvang.Frequentie switch
        {
            "1" => days.Count,
            "2" when form == FinancingForm.Outputgericht => SundayWeeks(allocation, days),
            "2" => IsoWeeks(days),
            _ => days.Select(d => (d.Year, d.Month)).Distinct().Count(),
        };
        return units * omvang.Volume * factor;
    }
}
