using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.Core.Validation;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Validation;

public sealed class SchemaCatalogueTests
{
    [Test]
    public void Our_set_has_all_fourteen_messages_and_the_basisschema_with_version_markers()
    {
        var catalogue = SchemaCatalogue.Load(RepoPaths.IwmoSchemas);

        Assert.That(MessageType.All.Where(t => !catalogue.Supports(t.Namespace)).Select(t => t.Name), Is.Empty);
        Assert.That(catalogue.Supports(MessageType.BasisschemaNamespace), Is.True);
        var wmo323 = catalogue.Find(MessageType.Wmo323.Namespace)!;
        Assert.That(wmo323.Release, Is.EqualTo("3.2"));
        Assert.That(wmo323.BerichtXsdVersie, Is.EqualTo("1.0.0"));
        Assert.That(wmo323.BasisschemaXsdVersie, Is.EqualTo("1.0.0"));
    }

    [Test]
    public void Reference_set_works_as_shipped_despite_the_Basisschema_case_quirk()
    {
        var folder = RepoPaths.ReferenceXsd("iwmo-3.2");
        Assume.That(File.Exists(Path.Combine(folder, "Basisschema.xsd")) && !File.Exists(Path.Combine(folder, "basisschema.xsd")), "the quirk this test is about: the file is Basisschema.xsd, imports say basisschema.xsd");

        var validator = new MessageValidator(SchemaCatalogue.Load(folder));

        foreach (var sample in Samples.Iwmo32())
        {
            using var stream = File.OpenRead(sample);
            Assert.That(validator.Validate(stream).Findings, Is.Empty, sample);
        }
    }

    [Test]
    public void Set_without_a_message_schema_says_so_for_that_message()
    {
        // The reference download has no WMO325: a 325 cannot be validated with it.
        var validator = new MessageValidator(SchemaCatalogue.Load(RepoPaths.ReferenceXsd("iwmo-3.2")));
        const string xml = "<wmo325:Bericht xmlns:wmo325=\"http://www.istandaarden.nl/iwmo/3_2/wmo325/schema\"/>";

        var report = validator.Validate(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(xml)), MessageScope.AnyDirection);

        Assert.That(report.Verdict, Is.EqualTo(Verdict.Unsupported));
        Assert.That(report.MessageType, Is.EqualTo("WMO325"));
        Assert.That(report.Findings.Single().Message, Does.Contain("no schema for WMO325"));
    }

    [Test]
    public void Missing_folder_is_a_clear_error()
    {
        var ex = Assert.Throws<SchemaCatalogueException>(() => SchemaCatalogue.Load("/nonexistent/schemas"));
        Assert.That(ex!.Message, Does.Contain("does not exist"));
    }

    [Test]
    public void Folder_without_schemas_is_a_clear_error()
    {
        var empty = Directory.CreateTempSubdirectory("backoffice-noschemas-");
        try
        {
            var ex = Assert.Throws<SchemaCatalogueException>(() => SchemaCatalogue.Load(empty.FullName));
            Assert.That(ex!.Message, Does.Contain("no .xsd"));
        }
        finally
        {
            empty.Delete(true);
        }
    }

    [Test]
    public void Import_outside_the_folder_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-badimport-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "x.xsd"), """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:y="urn:y" targetNamespace="urn:x">
                  <xs:import namespace="urn:y" schemaLocation="http://example.invalid/y.xsd"/>
                  <xs:element name="X" type="y:Remote"/>
                </xs:schema>
                """);

            Assert.Throws<SchemaCatalogueException>(() => SchemaCatalogue.Load(folder.FullName));
        }
        finally
        {
            folder.Delete(true);
        }
    }
}
