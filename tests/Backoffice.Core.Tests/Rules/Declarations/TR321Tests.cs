using Backoffice.Core.Messages.Common;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR321 (9321): one line fits the allocation's Omvang for its ProductPeriode (IV077, IV081; §8.2 volume limits).</summary>
public sealed class TR321Tests
{
    private static readonly RecordedAllocation Household = Recorded(Allocation(301, new Product("01", "01A01"), omvang: new Omvang(2, "04", "2")), id: 301);

    // March 2026 touches six ISO weeks (Monday 23 February to Monday 30 March): 6 × 4 hours.
    [Test]
    public void TR321_more_hours_than_the_weeks_of_March_allow_9321() =>
        ThirdRejected(Run(Around(Line("S", volume: 25)), View()), "TR321", "9321", "/GeleverdVolume");

    [Test]
    public void TR321_exactly_the_weeks_of_March_pass() =>
        AllApproved(Run(Around(Line("S", volume: 24)), View()));

    [Test]
    public void TR321_minutes_count_against_the_hours_of_the_month()
    {
        AllApproved(Run(Around(Line("S", volume: 24 * 60, eenheid: "01")), View()));
        ThirdRejected(Run(Around(Line("S", volume: (24 * 60) + 1, eenheid: "01")), View()), "TR321", "9321", "/GeleverdVolume");
    }

    // February 2026 touches five ISO weeks, but household help per week may take 6 × the week volume in any month.
    [Test]
    public void TR321_huishoudelijke_hulp_per_week_takes_six_weeks_in_February() =>
        AllApproved(Run(Around(Line("S", 301, Month(2), volume: 12, categorie: "01", code: "01A01")), View([Household])));

    [Test]
    public void TR321_huishoudelijke_hulp_beyond_six_weeks_9321() =>
        ThirdRejected(Run(Around(Line("S", 301, Month(2), volume: 13, categorie: "01", code: "01A01")), View([Household])), "TR321", "9321", "/GeleverdVolume");
}
