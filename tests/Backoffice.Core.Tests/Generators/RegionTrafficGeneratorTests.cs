using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Rules;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.TestSupport;
using Backoffice.TestSupport.Generators;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Generators;

/// <summary>
/// The region benchmark's inputs: the same bytes every time, schema-valid and level-2-clean, with the
/// region's shape (1 to 3 allocations per client, unique numbers, the day's mix). That the register
/// accepts them in order is Backoffice.Service.Tests' RegionTrafficTests.
/// </summary>
public sealed class RegionTrafficGeneratorTests
{
    private static readonly SchemaCatalogue Schemas = SchemaCatalogue.Load(RepoPaths.IwmoSchemas);
    private static readonly RegionTrafficOptions Small = new() { Clients = 300, DayMessages = 120, Providers = 9, Municipalities = 4 };

    [Test]
    public void The_same_options_give_the_same_bytes_and_reference_data()
    {
        var first = RegionTrafficGenerator.Load(Small).Concat(RegionTrafficGenerator.Day(Small)).ToList();
        var second = RegionTrafficGenerator.Load(Small).Concat(RegionTrafficGenerator.Day(Small)).ToList();

        Assert.That(second.Select(m => m.Name), Is.EqualTo(first.Select(m => m.Name)));
        for (var i = 0; i < first.Count; i++)
        {
            Assert.That(second[i].Content, Is.EqualTo(first[i].Content), first[i].Name);
        }

        Assert.That(RegionTrafficGenerator.IndicationsCsv(Small), Is.EqualTo(RegionTrafficGenerator.IndicationsCsv(Small)));
        var ordinal = (IComparer<string>)StringComparer.Ordinal;
        Assert.That(first.Where(m => m.Type == MessageType.Wmo301).Select(m => m.Name), Is.Ordered.Using(ordinal), "the load's file names sort in processing order");
        Assert.That(first.Where(m => m.Type != MessageType.Wmo301).Select(m => m.Name), Is.Ordered.Using(ordinal), "the day's file names sort in processing order");
        Assert.That(first.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count(), Is.EqualTo(first.Count));
    }

    [Test]
    public void Every_message_is_schema_valid_and_level_2_clean()
    {
        foreach (var message in RegionTrafficGenerator.Load(Small).Concat(RegionTrafficGenerator.Day(Small)))
        {
            Assert.That(Schemas.Validate(new MemoryStream(message.Content)), Is.Empty, message.Name);
            var read = IwmoReader.Read(message.Content).Message;
            Assert.That(read?.Type, Is.EqualTo(message.Type), message.Name);
            Assert.That(RuleSet.Level2.Check(read!), Is.Empty, message.Name);
        }
    }

    [Test]
    public void The_load_has_one_client_per_message_with_1_to_3_allocations_and_one_indication_each()
    {
        var load = RegionTrafficGenerator.Load(Small).Select(m => (Wmo301)IwmoReader.Read(m.Content).Message!).ToList();

        Assert.That(load, Has.Count.EqualTo(Small.Clients));
        Assert.That(load.Select(m => m.Client.Gegevens.Bsn).Distinct(StringComparer.Ordinal).Count(), Is.EqualTo(Small.Clients));
        Assert.That(load.Select(m => m.Client.ToegewezenProducten.Count).Distinct().Order(), Is.EqualTo(new[] { 1, 2, 3 }));
        var numbers = load.SelectMany(m => m.Client.ToegewezenProducten.Select(p => (m.Header.Afzender, p.ToewijzingNummer))).ToList();
        Assert.That(numbers.Distinct().Count(), Is.EqualTo(numbers.Count), "ToewijzingNummers unique per municipality");
        Assert.That(load.Select(m => m.Header.Afzender).Distinct(), Is.EquivalentTo(RegionTrafficGenerator.Municipalities(Small)));
        Assert.That(load.Select(m => m.Header.Ontvanger).Distinct(), Is.EquivalentTo(RegionTrafficGenerator.Providers(Small)));
        Assert.That(RegionTrafficGenerator.AllocationCount(Small), Is.EqualTo(numbers.Count));

        var indications = RegionTrafficGenerator.IndicationsCsv(Small).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(indications, Has.Length.EqualTo(numbers.Count + 1), "a header and one indication per allocation");
        Assert.That(indications.Skip(1), Has.All.EndsWith(",active"));
    }

    [Test]
    public void The_day_mixes_starts_stops_and_requests_dated_on_the_processing_date()
    {
        var day = RegionTrafficGenerator.Day(Small).ToList();
        var mix = RegionTrafficGenerator.DayMix(Small);

        Assert.That(day, Has.Count.EqualTo(Small.DayMessages));
        Assert.That(mix[MessageType.Wmo305] + mix[MessageType.Wmo307] + mix[MessageType.Wmo315] + mix[MessageType.Wmo317], Is.EqualTo(Small.DayMessages));
        Assert.That(mix.Values, Has.All.GreaterThan(Small.DayMessages / 6));
        Assert.That(day.GroupBy(m => m.Type).ToDictionary(g => g.Key, g => g.Count()), Is.EqualTo(mix));
        Assert.That(
            day.Select(m => IwmoReader.Read(m.Content).Message!.Header.BerichtIdentificatie.Dagtekening),
            Has.All.EqualTo(RegionTrafficGenerator.ProcessingDate));
    }

    [Test]
    public void A_day_larger_than_the_region_can_serve_is_refused()
    {
        Assert.That(
            () => RegionTrafficGenerator.Day(new RegionTrafficOptions { Clients = 10, DayMessages = 100 }).ToList(),
            Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
