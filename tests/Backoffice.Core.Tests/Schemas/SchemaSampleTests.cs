using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Schemas;

/// <summary>Our schema set itself, the reference samples against it, and sanity of the iJw oracle.</summary>
[TestFixture]
public sealed class SchemaSampleTests
{
    [Test]
    public void OurSetHasEveryMessageWithItsVersionMarkers()
    {
        var ours = SchemaCatalogue.Load(RepoPaths.IwmoSchemas);

        Assert.Multiple(() =>
        {
            // The message XSDs import "basisschema.xsd"; ours is named exactly that (the official
            // download ships "Basisschema.xsd", see schemas/README.md).
            Assert.That(Directory.GetFiles(RepoPaths.IwmoSchemas, "*.xsd").Select(Path.GetFileName), Does.Contain("basisschema.xsd"));
            Assert.That(ours.Files, Has.Count.EqualTo(15));
            var basis = ours.Find(MessageType.BasisschemaNamespace);
            Assert.That(basis, Is.Not.Null, "basisschema");
            Assert.That(basis?.Release, Is.EqualTo("3.2"));
            Assert.That(basis?.BasisschemaXsdVersie, Is.EqualTo("1.0.0"));
            foreach (var type in MessageType.All)
            {
                var file = ours.Find(type.Namespace);
                Assert.That(file, Is.Not.Null, type.Name);
                Assert.That(file?.FileName, Is.EqualTo(type.SchemaFileName), type.Name);
                Assert.That(file?.Release, Is.EqualTo("3.2"), type.Name);
                Assert.That(file?.BerichtXsdVersie, Is.EqualTo("1.0.0"), type.Name);
                Assert.That(file?.BasisschemaXsdVersie, Is.EqualTo("1.0.0"), type.Name);
            }
        });
    }

    [Test]
    public void EveryIwmoSampleIsValidUnderOurSet()
    {
        var ours = SchemaCatalogue.Load(RepoPaths.IwmoSchemas);
        var samples = Directory.GetFiles(RepoPaths.ReferenceSamples("iwmo-3.2"), "*.xml").Order(StringComparer.Ordinal).ToList();

        Assert.That(samples, Has.Count.GreaterThanOrEqualTo(7));
        Assert.Multiple(() =>
        {
            foreach (var sample in samples)
            {
                using var stream = File.OpenRead(sample);
                var findings = ours.Validate(stream);
                Assert.That(findings, Is.Empty, () => $"{Path.GetFileName(sample)}: {string.Join("; ", findings.Select(f => $"{f.Path}: {f.Message}"))}");
            }
        });
    }

    [Test]
    public void ReferenceIjwSetAcceptsTheValidIjwSamples()
    {
        var reference = SchemaCatalogue.Load(RepoPaths.ReferenceXsd("ijw-3.2"));
        var samples = Directory.GetFiles(RepoPaths.ReferenceSamples("ijw-3.2"), "*.xml").Order(StringComparer.Ordinal).ToList();

        Assert.That(samples, Has.Count.GreaterThanOrEqualTo(12));
        Assert.Multiple(() =>
        {
            foreach (var sample in samples)
            {
                using var stream = File.OpenRead(sample);
                var findings = reference.Validate(stream);
                Assert.That(findings, Is.Empty, () => $"{Path.GetFileName(sample)}: {string.Join("; ", findings.Select(f => $"{f.Path}: {f.Message}"))}");
            }
        });
    }

    [Test]
    public void ReferenceIjwSetRejectsTheInvalidIjwSamples()
    {
        var reference = SchemaCatalogue.Load(RepoPaths.ReferenceXsd("ijw-3.2"));
        var samples = Directory.GetFiles(Path.Combine(RepoPaths.ReferenceSamples("ijw-3.2"), "invalid"), "*.xml").Order(StringComparer.Ordinal).ToList();

        Assert.That(samples, Has.Count.GreaterThanOrEqualTo(2));
        Assert.Multiple(() =>
        {
            foreach (var sample in samples)
            {
                using var stream = File.OpenRead(sample);
                Assert.That(reference.Validate(stream), Is.Not.Empty, Path.GetFileName(sample));
            }
        });
    }
}
