using Backoffice.Service.Demo;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Scenario;

/// <summary>
/// The provider-concentration arithmetic of the fixed figure definitions on a table small enough to
/// compute by hand: cumulative shares rounded half-up to a whole percent, the smallest N reaching
/// 80 % and 90 %, and the tail of providers with fewer than 7 clients.
/// </summary>
[TestFixture]
public sealed class RegionFigureSetTests
{
    // Total 1,000,000 cents. Cumulative: 500,000 (50 %), 795,000 (79.5 % -> 80 %), 894,999 (89.4999 % -> 89 %), 950,000 (95 %), 1,000,000.
    private static readonly RegionFigureSet Table = new(
        [],
        new GroupFigure("total", 0, 1_000_000),
        [
            new("00000001", 40, 500_000),
            new("00000002", 30, 295_000),
            new("00000003", 6, 99_999),
            new("00000004", 7, 55_001),
            new("00000005", 1, 50_000),
        ]);

    [Test]
    public void Half_a_percent_rounds_up_and_just_below_it_rounds_down()
    {
        Assert.That(RegionFigureSet.RoundedPercent(795_000, 1_000_000), Is.EqualTo(80));
        Assert.That(RegionFigureSet.RoundedPercent(794_999, 1_000_000), Is.EqualTo(79));
        Assert.That(RegionFigureSet.RoundedPercent(538_113_500, 672_641_900), Is.EqualTo(80), "79.99997 %");
        Assert.That(RegionFigureSet.RoundedPercent(5, 0), Is.Zero, "an empty table carries nothing");
    }

    [Test]
    public void The_providers_carrying_a_share_are_the_smallest_N_whose_rounded_share_reaches_it()
    {
        Assert.That(Table.ProvidersCarrying(50), Is.EqualTo(1));
        Assert.That(Table.ProvidersCarrying(80), Is.EqualTo(2), "79.5 % rounds to 80 %");
        Assert.That(Table.ProvidersCarrying(90), Is.EqualTo(4), "89.4999 % rounds to 89 %, so the third is not enough");
        Assert.That(Table.LargestCents(2), Is.EqualTo(795_000));
        Assert.That(Table.ProviderTableCents, Is.EqualTo(1_000_000));
    }

    [Test]
    public void Small_providers_are_those_with_fewer_than_7_clients()
    {
        Assert.That(Table.SmallProviders.Select(p => p.Key), Is.EqualTo(new[] { "00000003", "00000005" }));
        Assert.That(Table.SmallProviders.Sum(p => p.Cents), Is.EqualTo(149_999));
    }
}
