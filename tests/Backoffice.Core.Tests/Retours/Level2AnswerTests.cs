using System.Text;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Retours;
using Backoffice.Core.Schemas;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Retours;

/// <summary>The header-only 0001 answer to a provider message that fails level 2 (iwmo-3.2.md §8.1, §8.4).</summary>
public sealed class Level2AnswerTests
{
    private static readonly AnswerIdentity Identity = AnswerIdentity.Create("R00000000042", new DateOnly(2026, 12, 1));

    private static SchemaCatalogue Ours => SchemaCatalogue.Load(RepoPaths.IwmoSchemas);

    private static IwmoMessage Sample(string name)
    {
        var read = IwmoReader.ReadFile(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), name));
        return read.Message ?? throw new InvalidOperationException(read.ToString());
    }

    [TestCase("WMO305.xml", "WMO306")]
    [TestCase("WMO307.xml", "WMO308")]
    [TestCase("WMO315.xml", "WMO316")]
    [TestCase("WMO317.xml", "WMO318")]
    [TestCase("WMO323.xml", "WMO325")]
    public void Level2_rejection_answer_is_header_only_with_0001_valid_against_our_schema_and_as_golden(string sample, string answerType)
    {
        var heen = Sample(sample);

        var answer = Level2Answer.For(heen, Identity, Ours);
        var bytes = IwmoWriter.ToBytes(answer);

        Assert.That(answer.Type.Name, Is.EqualTo(answerType));
        Assert.That(Ours.Validate(new MemoryStream(bytes)), Is.Empty, "the answer is valid before it may leave");
        Assert.That(IwmoReader.Read(bytes).Message, Is.EqualTo(answer), "reads back as built");
        Golden.Verify(Encoding.UTF8.GetString(bytes), $"level2_{answerType}", "xml");
    }

    [Test]
    public void A_retour_copies_the_heen_header_and_adds_its_own_identification()
    {
        var heen = Sample("WMO305.xml");

        var header = ((Wmo306)Level2Answer.For(heen, Identity, Ours)).Header;

        Assert.That((header.Afzender, header.Ontvanger, header.BerichtIdentificatie, header.XsdVersie), Is.EqualTo((heen.Header.Afzender, heen.Header.Ontvanger, heen.Header.BerichtIdentificatie, heen.Header.XsdVersie)));
        Assert.That((header.IdentificatieRetour, header.DagtekeningRetour), Is.EqualTo((Identity.Identificatie, Identity.Dagtekening)));
        Assert.That(header.RetourCodes, Is.EqualTo(new EquatableArray<string>(["0001"])));
        Assert.That(header.XsltVersie, Is.Null, "we do not run the official stylesheet");
    }

    [Test]
    public void The_325_goes_back_to_the_sender_and_names_the_declaration_it_answers()
    {
        var heen = (Wmo323)Sample("WMO323.xml");

        var answer = (Wmo325)Level2Answer.For(heen, Identity, Ours);

        Assert.That((answer.Header.Afzender, answer.Header.Ontvanger), Is.EqualTo((heen.Header.Ontvanger, heen.Header.Afzender)));
        Assert.That(answer.Header.DeclaratieIdentificatie, Is.EqualTo(heen.Header.BerichtIdentificatie), "TR337");
        Assert.That(answer.Header.XsdVersieDeclaratie, Is.EqualTo(heen.Header.XsdVersie), "TR371");
        Assert.That(answer.DeclaratieAntwoord, Is.Null, "header only");
    }

    [Test]
    public void The_answer_carries_the_versions_of_the_schema_set_in_use()
    {
        var folder = Directory.CreateTempSubdirectory("backoffice-schemas-");
        try
        {
            foreach (var file in Directory.EnumerateFiles(RepoPaths.IwmoSchemas, "*.xsd"))
            {
                var text = File.ReadAllText(file);
                if (Path.GetFileName(file) == "WMO306.xsd")
                {
                    text = text.Replace("<iwmo:BerichtXsdVersie>1.0.0</iwmo:BerichtXsdVersie>", "<iwmo:BerichtXsdVersie>1.0.7</iwmo:BerichtXsdVersie>", StringComparison.Ordinal);
                }

                File.WriteAllText(Path.Combine(folder.FullName, Path.GetFileName(file)), text);
            }

            var answer = (Wmo306)Level2Answer.For(Sample("WMO305.xml"), Identity, SchemaCatalogue.Load(folder.FullName));

            Assert.That(answer.Header.XsdVersieRetour.BerichtXsdVersie, Is.EqualTo("1.0.7"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void Our_own_messages_and_retours_get_no_level2_answer()
    {
        Assert.Throws<ArgumentException>(() => Level2Answer.For(Sample("WMO301.xml"), Identity, Ours));
        Assert.Throws<ArgumentException>(() => Level2Answer.For(Sample("WMO319.xml"), Identity, Ours));
    }

    [Test]
    public void An_identification_longer_than_12_characters_cannot_be_made() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AnswerIdentity.Create("1234567890123", Identity.Dagtekening));
}
