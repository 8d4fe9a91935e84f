using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.TestSupport.Generators;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules;

/// <summary>
/// Property: for random declarations, valid and broken, the level-2 verdict (which rules fire, and
/// how often) does not depend on the order of the clients or of the prestaties under a client: no
/// level-2 rule text makes order matter there. Paths change with the order; the verdict may not.
/// </summary>
public sealed class OrderIndependenceTests
{
    private const int Cases = 150;

    [Test]
    public void Level2_verdict_of_a_declaration_does_not_depend_on_the_order_of_clients_or_prestaties()
    {
        var random = new Random(20261201);
        var fired = 0;
        for (var i = 0; i < Cases; i++)
        {
            var declaration = Mutate(Generate(random), random);
            var expected = Verdict(declaration);
            fired += expected.Count;

            var shuffled = declaration with
            {
                Declaratie = declaration.Declaratie with
                {
                    Clienten = [.. Shuffle(declaration.Declaratie.Clienten, random).Select(c => c with { Prestaties = [.. Shuffle(c.Prestaties, random)] })],
                },
            };

            Assert.That(Verdict(shuffled), Is.EqualTo(expected), $"case {i}");
        }

        Assert.That(fired, Is.GreaterThan(Cases / 2), "the mutations break rules often enough for the property to mean something");
    }

    private static Wmo323 Generate(Random random)
    {
        var bytes = Wmo323Generator.ToBytes(new Wmo323GeneratorOptions { Prestaties = random.Next(2, 40), PrestatiesPerClient = random.Next(1, 6) });
        return (Wmo323)(IwmoReader.Read(bytes).Message ?? throw new InvalidOperationException("generated 323 did not read"));
    }

    /// <summary>Breaks zero to three things a level-2 rule looks at: duplicate lines, totals, a BSN, a period.</summary>
    private static Wmo323 Mutate(Wmo323 message, Random random)
    {
        for (var n = random.Next(0, 4); n > 0; n--)
        {
            var clienten = message.Declaratie.Clienten.ToList();
            var c = random.Next(clienten.Count);
            var prestaties = clienten[c].Prestaties.ToList();
            var p = random.Next(prestaties.Count);
            switch (random.Next(5))
            {
                case 0:
                    prestaties.Add(prestaties[p]);
                    break;
                case 1:
                    message = message with
                    {
                        Declaratie = message.Declaratie with
                        {
                            TotaalIngediendBedrag = message.Declaratie.TotaalIngediendBedrag with { TotaalBedrag = message.Declaratie.TotaalIngediendBedrag.TotaalBedrag + 1 },
                        },
                    };
                    break;
                case 2:
                    clienten[c] = clienten[c] with { Bsn = "123456789" };
                    break;
                case 3:
                    var period = prestaties[p].ProductPeriode;
                    prestaties[p] = prestaties[p] with { ProductPeriode = period with { Einddatum = period.Begindatum.AddDays(-1) } };
                    break;
                default:
                    prestaties[p] = prestaties[p] with { ProductReferentie = prestaties[(p + 1) % prestaties.Count].ProductReferentie };
                    break;
            }

            clienten[c] = clienten[c] with { Prestaties = [.. prestaties] };
            message = message with { Declaratie = message.Declaratie with { Clienten = [.. clienten] } };
        }

        return message;
    }

    private static List<string> Verdict(IwmoMessage message) =>
        [.. RuleSet.Level2.Check(message).Select(f => f.Rule!).Order(StringComparer.Ordinal)];

    private static List<T> Shuffle<T>(EquatableArray<T> items, Random random)
    {
        var list = items.ToList();
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list));
        return list;
    }
}
