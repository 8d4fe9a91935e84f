using Backoffice.Data.Steering;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Steering;

/// <summary>"Providers carrying X %" at the rounding boundary, and the small-provider tail.</summary>
public sealed class ProviderConcentrationTests
{
    private static ProviderFigure P(string agb, long cents, int clients = 10) => new(agb, null, new ClientSpend(clients, cents, 1));

    [Test]
    public void A_share_of_exactly_79_5_percent_rounds_up_to_80_and_one_cent_less_does_not()
    {
        // 159000 / 200000 = 79.500 % -> 80: the largest alone carries 80 %.
        var half = ProviderConcentration.Of([P("00000001", 159_000), P("00000002", 41_000)]);
        Assert.That(half.Carrying(80)?.Rank, Is.EqualTo(1));

        // 158999 / 200000 = 79.4995 % -> 79: it takes the two of them.
        var below = ProviderConcentration.Of([P("00000001", 158_999), P("00000002", 41_001)]);
        Assert.That(below.Ranked[0].CumulativePercent, Is.EqualTo(79));
        Assert.That(below.Carrying(80)?.Rank, Is.EqualTo(2));
    }

    [Test]
    public void The_Lekstroom_provider_table_needs_7_for_80_percent_although_they_carry_79_99997_percent()
    {
        // Total EUR 6,726,419.00. Six providers of EUR 890,000.00 carry 5,340,000.00 = 79.389 % (< 79.5);
        // the seventh (41,135.00) brings 5,381,135.00 = 79.99997 %, which rounds to 80. Then 33 of
        // EUR 40,000.00 and one of 25,284.00 make the total: 5,381,135 + 1,320,000 + 25,284 = 6,726,419.
        // 90 % (89.5 % before rounding = 6,020,145.005): 7 + 15 x 40,000 = 5,981,135.00 is 88.92 %;
        // 7 + 16 x 40,000 = 6,021,135.00 is 89.5147 %, rounding to 90: N = 23.
        List<ProviderFigure> providers =
        [
            .. Enumerable.Range(1, 6).Select(i => P($"1000000{i}", 89_000_000)),
            P("20000000", 4_113_500),
            .. Enumerable.Range(10, 33).Select(i => P($"300000{i}", 4_000_000, clients: 3)),
            P("40000000", 2_528_400, clients: 6),
        ];
        var c = ProviderConcentration.Of(providers);

        Assert.That(c.TotalCents, Is.EqualTo(672_641_900));
        var eighty = c.Carrying(80)!;
        Assert.That((eighty.Rank, eighty.CumulativeCents, eighty.CumulativePercent), Is.EqualTo((7, 538_113_500L, 80L)));
        Assert.That(eighty.CumulativeShare, Is.LessThan(0.8).And.GreaterThan(0.79999));
        Assert.That(c.Ranked[5].CumulativePercent, Is.EqualTo(79));
        var ninety = c.Carrying(90)!;
        Assert.That((ninety.Rank, ninety.CumulativeCents), Is.EqualTo((23, 602_113_500L)));
        Assert.That(c.Ranked[21].CumulativePercent, Is.EqualTo(89));

        // Fewer than 7 clients: the 33 with 3 and the one with 6 (not the ones with 10): 34, EUR 1,345,284.00.
        Assert.That((c.Small.Count, c.Small.Sum(s => s.Provider.Figures.SpendCents)), Is.EqualTo((34, 134_528_400L)));
    }

    [Test]
    public void Ties_are_ranked_by_AGB_code_and_no_spend_carries_nothing()
    {
        var tie = ProviderConcentration.Of([P("00000009", 100), P("00000003", 100), P("00000005", 300)]);
        Assert.That(tie.Ranked.Select(r => r.Provider.Provider), Is.EqualTo(new[] { "00000005", "00000003", "00000009" }));

        var none = ProviderConcentration.Of([P("00000001", 0, clients: 0)]);
        Assert.That((none.Carrying(80), none.Ranked[0].CumulativePercent), Is.EqualTo(((RankedProvider?)null, 0L)));
    }

    [TestCase(1, 2, 50)]
    [TestCase(199, 400, 50)] // 49.75 % -> 50
    [TestCase(197, 400, 49)] // 49.25 % -> 49
    [TestCase(1, 200, 1)] // 0.5 % -> 1 (half up)
    [TestCase(-1, 200, 0)] // -0.5 % -> 0 (half up is towards +infinity)
    [TestCase(-3, 200, -1)] // -1.5 % -> -1
    [TestCase(5, 0, 0)] // no total, no share
    public void Rounded_percent_is_half_up_in_integers(long part, long total, long expected) =>
        Assert.That(ProviderConcentration.RoundedPercent(part, total), Is.EqualTo(expected));
}
