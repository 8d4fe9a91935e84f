using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Rules;
using Backoffice.Core.Rules.Level2;
using Backoffice.Core.Schemas;
using Backoffice.TestSupport;
using Backoffice.TestSupport.Generators;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Generators;

/// <summary>The level-2 benchmark is only meaningful if the generated allocations are real ones that the rules pass, and make the overlap rule work.</summary>
public sealed class Wmo301GeneratorTests
{
    private static readonly SchemaCatalogue Schemas = SchemaCatalogue.Load(RepoPaths.IwmoSchemas);

    [TestCase(1, 10)]
    [TestCase(7, 1)]
    [TestCase(1_000, 10)]
    [TestCase(3_000, 3)]
    public void Generated_allocation_is_schema_valid_and_level_2_clean(int producten, int series)
    {
        var bytes = Wmo301Generator.ToBytes(new Wmo301GeneratorOptions { Producten = producten, Series = series });

        Assert.That(Schemas.Validate(new MemoryStream(bytes)), Is.Empty);
        var message = Read(bytes);
        Assert.That(message.Client.ToegewezenProducten, Has.Count.EqualTo(producten));
        Assert.That(RuleSet.Level2.Check(message), Is.Empty);
    }

    [Test]
    public void Generated_allocation_is_valid_against_the_reference_schemas()
    {
        var bytes = Wmo301Generator.ToBytes(new Wmo301GeneratorOptions { Producten = 300, Seed = 5 });

        Assert.That(SchemaCatalogue.Load(RepoPaths.ReferenceXsd("iwmo-3.2")).Validate(new MemoryStream(bytes)), Is.Empty);
    }

    [Test]
    public void Every_message_of_a_batch_is_schema_valid_level_2_clean_and_its_own()
    {
        var batch = Wmo301Generator.Batch(300).ToList();
        var bsns = new HashSet<string>(StringComparer.Ordinal);
        foreach (var options in batch)
        {
            var bytes = Wmo301Generator.ToBytes(options);
            Assert.That(Schemas.Validate(new MemoryStream(bytes)), Is.Empty, $"seed {options.Seed}");
            var message = Read(bytes);
            Assert.That(RuleSet.Level2.Check(message), Is.Empty, $"seed {options.Seed}");
            Assert.That(Wmo323Generator.IsValidBsn(message.Client.Gegevens.Bsn), Is.True);
            bsns.Add(message.Client.Gegevens.Bsn);
        }

        Assert.That(bsns, Has.Count.EqualTo(batch.Count));
        Assert.That(batch.Select(o => o.Producten).Distinct().Order(), Is.EqualTo(new[] { 4, 5, 6, 7, 8, 9, 10 }));
    }

    [Test]
    public void Same_options_give_the_same_bytes_and_another_seed_other_bytes()
    {
        var options = new Wmo301GeneratorOptions { Producten = 40, Seed = 3 };

        Assert.That(Wmo301Generator.ToBytes(options), Is.EqualTo(Wmo301Generator.ToBytes(options)));
        Assert.That(Wmo301Generator.ToBytes(options with { Seed = 4 }), Is.Not.EqualTo(Wmo301Generator.ToBytes(options)));
    }

    [Test]
    public void Products_overlap_where_the_standard_allows_it_and_repeat_without_overlap_where_it_does_not()
    {
        var producten = Read(Wmo301Generator.ToBytes(new Wmo301GeneratorOptions { Producten = 700 })).Client.ToegewezenProducten;
        var pairs = (from i in Enumerable.Range(0, producten.Count)
                     from j in Enumerable.Range(0, i)
                     select (Earlier: producten[j], Later: producten[i])).ToList();
        bool Overlap((ToegewezenProduct Earlier, ToegewezenProduct Later) p) =>
            ProductStacking.Overlaps(p.Earlier.Ingangsdatum, p.Earlier.Einddatum, p.Later.Ingangsdatum, p.Later.Einddatum);
        bool Same((ToegewezenProduct Earlier, ToegewezenProduct Later) p) => ProductStacking.SameProduct(p.Earlier.Product, p.Later.Product);
        static bool Deleted(ToegewezenProduct p) => p.RedenWijziging == "13" && p.Einddatum == p.Ingangsdatum;

        Assert.Multiple(() =>
        {
            Assert.That(pairs.Count(p => !Same(p) && Overlap(p)), Is.GreaterThan(1000), "different products in the same period");
            Assert.That(pairs.Count(p => Same(p) && !Overlap(p)), Is.GreaterThan(1000), "one product repeated in later periods");
            Assert.That(pairs.Count(p => Same(p) && Overlap(p) && ProductStacking.IsHulpmiddel(p.Later.Product)), Is.GreaterThan(10), "a hulpmiddel overlapping itself");
            Assert.That(pairs.Count(p => Same(p) && Overlap(p) && (Deleted(p.Earlier) || Deleted(p.Later))), Is.GreaterThan(3), "a deleted allocation inside a live one");
            Assert.That(producten.Count(p => p.Product?.Code is null && p.Budget is not null), Is.EqualTo(100), "generic allocations with a Budget");
        });
    }

    [Test]
    public void Moving_a_repeated_product_into_its_previous_period_is_found_by_TR302()
    {
        var message = Read(Wmo301Generator.ToBytes(new Wmo301GeneratorOptions { Producten = 8, Series = 1 }));
        var producten = message.Client.ToegewezenProducten.AsImmutableArray();
        var moved = producten[7] with { Ingangsdatum = producten[0].Einddatum!.Value };
        var broken = message with { Client = message.Client with { ToegewezenProducten = producten.SetItem(7, moved) } };

        Assert.That(RuleSet.Level2.Check(broken).Select(f => (f.Rule, f.Path)), Is.EqualTo(new[] { ("TR302", "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[8]") }));
    }

    private static Wmo301 Read(byte[] bytes) => (Wmo301)IwmoReader.Read(bytes).Message!;
}
