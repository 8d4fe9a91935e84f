using System.Globalization;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Register;
using CsCheck;
using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Register;

/// <summary>
/// Property (OP080: the order of arrival carries no meaning): a history of allocation versions, sent
/// as one 301 per decision day with every allocation current on that day or changed on it (OP087),
/// plus one identical resend, ends in the same current register whatever the order the 301s are
/// taken in: every order is tried, and the current version of each allocation is its latest decided
/// (IV013), deleted ones gone. In the order they were made the 301s pass every level-3/4 rule; in
/// any order every rule but OP087 (see there) lets them through: a version older than the current
/// one is recorded, never refused. The first version of the first
/// allocation answers an open VOT line, which ends answered in every order.
/// </summary>
public sealed class ArrivalOrderTests
{
    private static readonly DateOnly Start = new(2026, 2, 2);

    /// <summary>One allocation: its first version and its changes, each on a later day.</summary>
    private sealed record Timeline(IReadOnlyList<ToegewezenProduct> Versions);

    private static Gen<Timeline> Timelines(int number) =>
        Gen.Select(
                Gen.Int[0, 10], Gen.Int[0, 40], Gen.Int[20, 300].Nullable(0.2), Gen.Bool, Gen.Int[1, 10], Gen.Int[0, 2].Array[0, 1], Gen.Int[1, 12])
            .Select((firstDay, start, span, total, volume, changes, step) =>
            {
                var ingang = Start.AddDays(start - 20);
                var first = new ToegewezenProduct(
                    number,
                    null,
                    new Product("01", "01A0" + number.ToString(CultureInfo.InvariantCulture)),
                    Start.AddDays(firstDay),
                    new TimeOnly(8 + number, 0),
                    ingang,
                    span is { } days ? ingang.AddDays(days) : null,
                    null,
                    new Omvang(volume, "04", total ? "6" : "2"),
                    null,
                    null);
                var versions = new List<ToegewezenProduct> { first };
                foreach (var kind in changes)
                {
                    var last = versions[^1];
                    var next = last with { Toewijzingsdatum = last.Toewijzingsdatum.AddDays(step), RedenWijziging = "05" };
                    versions.Add(kind switch
                    {
                        // Only a total (Frequentie 6) may change its volume (OP033x1).
                        1 when total => next with { Omvang = last.Omvang! with { Volume = last.Omvang!.Volume + step } },
                        2 => next with { Einddatum = last.Ingangsdatum, RedenWijziging = "13" },
                        _ => next with { Einddatum = last.Ingangsdatum.AddDays(step * 20) },
                    });
                }

                return new Timeline(versions);
            });

    private static readonly Gen<Timeline[]> Histories = Gen.Int[1, 3].SelectMany(n => Gen.Select(Timelines(1), Timelines(2), Timelines(3)).Select((a, b, c) => new[] { a, b, c }[..n]));

    [Test]
    public void The_same_301s_in_every_arrival_order_end_in_the_same_current_register()
    {
        Histories.Sample(
            history =>
            {
                var messages = Messages(history);
                var expected = Expected(history);
                var chronological = Enumerable.Range(0, messages.Count).ToArray();
                foreach (var order in Orders(messages.Count))
                {
                    var register = new RegisterSimulation(Start.AddDays(200), [Request("VOT-1")]);
                    var inOrder = order.SequenceEqual(chronological);
                    foreach (var i in order)
                    {
                        // OP087 needs the register complete up to the 301's day, true for the 301s we send in
                        // order; taken out of order a 301 may rightly leave out what a version not yet seen ended.
                        var findings = register.Offer(messages[i], f => inOrder || f.Rule != "OP087");
                        Assert.That(
                            findings.Where(f => inOrder || f.Rule != "OP087"),
                            Is.Empty,
                            () => $"301 of {messages[i].Header.BerichtIdentificatie.Dagtekening} in order {string.Join(",", order)}");
                    }

                    Assert.That(
                        AllocationState.Current(register.Allocations).Select(a => a.Version with { ReferentieAanbieder = null }),
                        Is.EqualTo(expected),
                        () => "order " + string.Join(",", order));
                    Assert.That(register.Requests.Single().State, Is.EqualTo(RequestState.Allocated));
                }
            },
            iter: 60);
    }

    /// <summary>One 301 per decision day, with every allocation current on it or changed on it, then a resend of the first.</summary>
    private static List<Wmo301> Messages(Timeline[] history)
    {
        var versions = history.SelectMany(t => t.Versions).ToList();
        var answer = history[0].Versions[0];
        var messages = new List<Wmo301>();
        foreach (var day in versions.Select(v => v.Toewijzingsdatum).Distinct().Order())
        {
            var producten = history
                .Select(t => t.Versions.LastOrDefault(v => v.Toewijzingsdatum <= day))
                .OfType<ToegewezenProduct>()
                .Where(v => v.Toewijzingsdatum == day || (!Deleted(v) && (v.Einddatum is not { } end || end >= day)))
                .Select(v => v == answer && v.Toewijzingsdatum == day ? v with { ReferentieAanbieder = "VOT-1" } : v)
                .ToArray();
            var id = "TW" + day.DayNumber.ToString(CultureInfo.InvariantCulture);
            messages.Add(Wmo301(Header(id, day), producten));
        }

        if (messages.Count < 6)
        {
            messages.Add(messages[0] with { Header = messages[0].Header with { BerichtIdentificatie = messages[0].Header.BerichtIdentificatie with { Identificatie = "RESEND" } } });
        }

        return messages;
    }

    private static ToegewezenProduct[] Expected(Timeline[] history) =>
        [.. history.Select(t => t.Versions[^1]).Where(v => !Deleted(v)).OrderBy(v => v.ToewijzingNummer)];

    private static bool Deleted(ToegewezenProduct v) => v.Einddatum == v.Ingangsdatum && v.RedenWijziging == "13";

    /// <summary>Every order of 0..n-1 (n is at most 6 here, so at most 720).</summary>
    private static IEnumerable<int[]> Orders(int n)
    {
        if (n == 0)
        {
            yield return [];
            yield break;
        }

        foreach (var rest in Orders(n - 1))
        {
            for (var at = 0; at <= rest.Length; at++)
            {
                yield return [.. rest[..at], n - 1, .. rest[at..]];
            }
        }
    }
}
