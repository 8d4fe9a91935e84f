using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.Core.Schemas;
using Backoffice.TestSupport;
using Backoffice.TestSupport.Generators;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Generators;

/// <summary>The benchmark and the large-file tests are only meaningful if the generated declaration is a real one.</summary>
public sealed class Wmo323GeneratorTests
{
    [Test]
    public void Generated_declaration_is_valid_against_our_schemas_and_the_reference()
    {
        var bytes = Wmo323Generator.ToBytes(new Wmo323GeneratorOptions { Prestaties = 237 });

        Assert.That(SchemaCatalogue.Load(RepoPaths.IwmoSchemas).Validate(new MemoryStream(bytes)), Is.Empty);
        Assert.That(SchemaCatalogue.Load(RepoPaths.ReferenceXsd("iwmo-3.2")).Validate(new MemoryStream(bytes)), Is.Empty);
    }

    [TestCase(1)]
    [TestCase(237)]
    [TestCase(5_000)]
    public void Generated_declaration_is_level_2_clean(int prestaties)
    {
        var result = IwmoReader.Read(Wmo323Generator.ToBytes(new Wmo323GeneratorOptions { Prestaties = prestaties }));

        Assert.That(RuleSet.Level2.Check(result.Message!), Is.Empty);
    }

    [Test]
    public void Generated_declaration_adds_up_and_uses_real_BSNs()
    {
        var result = IwmoReader.Read(Wmo323Generator.ToBytes(new Wmo323GeneratorOptions { Prestaties = 52, PrestatiesPerClient = 5 }));

        var declaratie = ((Wmo323)result.Message!).Declaratie;
        var lines = declaratie.Clienten.SelectMany(c => c.Prestaties).ToList();
        Assert.That(lines, Has.Count.EqualTo(52));
        Assert.That(declaratie.Clienten, Has.Count.EqualTo(11));
        Assert.That(declaratie.TotaalIngediendBedrag.TotaalBedrag, Is.EqualTo(lines.Sum(p => p.IngediendBedrag.Bedrag)));
        Assert.That(declaratie.Clienten.Select(c => c.Bsn), Has.All.Matches<string>(Wmo323Generator.IsValidBsn));
        Assert.That(lines.Select(p => p.ProductReferentie.ReferentieNummer), Is.Unique);
    }
}
