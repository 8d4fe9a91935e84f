using Backoffice.Core.Messages.Common;
using Backoffice.Core.Rules.Level2;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

/// <summary>
/// TR302, TR386 and TR410 compare each line only with the earlier lines that can be the same product;
/// that must give exactly the pairs of comparing every line with every earlier one (the stylesheet's reading).
/// </summary>
public sealed class ProductStackingTests
{
    private static readonly Product?[] Products =
    [
        null,
        new("01"),
        new("01", "01A01"),
        new("01", "01A02"),
        new("02", "02A01"),
        new("02"),
        new("11", "11H01"),
        new("11"),
        new("03", "01A01"),
    ];

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    public void First_stackings_are_those_of_comparing_every_pair(int seed)
    {
        var random = new Random(seed);
        for (var round = 0; round < 200; round++)
        {
            var lines = Enumerable.Range(0, random.Next(0, 40)).Select(_ =>
            {
                var start = new DateOnly(2023, 1, 1).AddDays(random.Next(0, 120));
                DateOnly? end = random.Next(0, 6) == 0 ? null : start.AddDays(random.Next(-2, 20));
                return new Line(Products[random.Next(Products.Length)], start, end, LeftOut: random.Next(0, 8) == 0);
            }).ToList();

            var fast = ProductStacking.FirstStackings(lines, l => l.Product, l => l.Start, l => l.End, l => l.LeftOut).ToList();

            Assert.That(fast, Is.EqualTo(AllPairs(lines)), $"seed {seed}, round {round}");
        }
    }

    [Test]
    public void Without_a_left_out_test_every_line_takes_part()
    {
        Line[] lines = [new(Products[2], new(2023, 1, 1), new(2023, 1, 31), LeftOut: true), new(Products[2], new(2023, 1, 31), null, LeftOut: false)];

        Assert.That(ProductStacking.FirstStackings(lines, l => l.Product, l => l.Start, l => l.End), Is.EqualTo(new[] { (1, 0) }));
        Assert.That(ProductStacking.FirstStackings(lines, l => l.Product, l => l.Start, l => l.End, l => l.LeftOut), Is.Empty);
    }

    /// <summary>The plain reading: every later line against every earlier line, the first that stacks.</summary>
    private static List<(int, int)> AllPairs(List<Line> lines)
    {
        var pairs = new List<(int, int)>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (lines[i].LeftOut)
            {
                continue;
            }

            for (var j = 0; j < i; j++)
            {
                if (!lines[j].LeftOut && ProductStacking.Stacks(lines[j].Product, lines[j].Start, lines[j].End, lines[i].Product, lines[i].Start, lines[i].End))
                {
                    pairs.Add((i, j));
                    break;
                }
            }
        }

        return pairs;
    }

    private sealed record Line(Product? Product, DateOnly Start, DateOnly? End, bool LeftOut);
}
