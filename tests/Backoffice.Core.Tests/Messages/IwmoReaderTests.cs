using System.Text;
using System.Text.RegularExpressions;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Standard;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Messages;

/// <summary>Classification and bad input: every case is a failure value with a reason, never an exception.</summary>
[TestFixture]
public sealed class IwmoReaderTests
{
    private const string Bsn = "999900006";

    private static string Sample(string name) =>
        File.ReadAllText(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), name + ".xml"));

    private static ReadResult Read(string xml) => IwmoReader.Read(Encoding.UTF8.GetBytes(xml));

    [Test]
    public void Wmo323_sample_is_read_with_amounts_in_eurocents_and_codes_with_leading_zeros()
    {
        var result = Read(Sample("WMO323"));

        Assert.That(result.Succeeded, Is.True, () => result.ToString());
        var message = (Wmo323)result.Message!;
        Assert.That(message.Type, Is.EqualTo(MessageType.Wmo323));
        Assert.That(message.Declaratie.TotaalIngediendBedrag, Is.EqualTo(new TotaalBedragMetDC(58000, DebetCredit.Debet)));
        var first = message.Declaratie.Clienten[0].Prestaties[0];
        Assert.That(first.ProductCategorie, Is.EqualTo("01"));
        Assert.That(first.Eenheid, Is.EqualTo("04"));
        Assert.That(first.ProductTarief, Is.EqualTo(1250));
        Assert.That(first.ProductPeriode, Is.EqualTo(new GeslotenPeriode(new DateOnly(2023, 4, 1), new DateOnly(2023, 4, 30))));
    }

    [Test]
    public void Wmo301_sample_keeps_time_optional_absences_and_text_as_sent()
    {
        var message = (Wmo301)Read(Sample("WMO301")).Message!;

        var product = message.Client.ToegewezenProducten.Single();
        Assert.That(product.Toewijzingstijd, Is.EqualTo(new TimeOnly(12, 34, 56)));
        Assert.That(product.Budget, Is.Null);
        Assert.That(product.RedenWijziging, Is.Null);
        Assert.That(product.Commentaar, Is.EqualTo("Toegewezen product 1 Commentaar "), "xs:string keeps its whitespace");
        Assert.That(message.Client.Relaties, Has.Count.EqualTo(2));
        Assert.That(message.Header, Is.SameAs(((IwmoMessage)message).Header), "the base view is the typed header");
    }

    [Test]
    public void Message_prints_its_type_and_typed_header_once()
    {
        var text = MessageBuilders.Wmo318().ToString();

        Assert.That(text, Does.StartWith("Wmo318 { Type = WMO318, Header = RetourHeader {"));
        Assert.That(text.Split("Header = ").Length, Is.EqualTo(2));
        Assert.That(text.Split("Type = ").Length, Is.EqualTo(2), text);
    }

    [Test]
    public void Unknown_namespace_is_a_failure_value()
    {
        var result = Read("<Bericht xmlns=\"urn:example\"><Header/></Bericht>");

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Failure!.Kind, Is.EqualTo(ReadFailureKind.UnknownNamespace));
        Assert.That(result.Failure.Type, Is.Null);
    }

    [Test]
    public void Ijw_message_is_recognised_as_another_standard()
    {
        var jw = File.ReadAllText(Path.Combine(RepoPaths.ReferenceSamples("ijw-3.2"), "JW301.xml"));

        var result = Read(jw);

        Assert.That(result.Failure?.Kind, Is.EqualTo(ReadFailureKind.OtherStandard));
        Assert.That(result.Failure!.Reason, Does.Contain("iJw"));
    }

    [Test]
    public void Iwmo_namespace_of_another_release_is_recognised_as_such()
    {
        var result = Read(Sample("WMO301").Replace("/iwmo/3_2/wmo301/", "/iwmo/3_1/wmo301/", StringComparison.Ordinal));

        Assert.That(result.Failure?.Kind, Is.EqualTo(ReadFailureKind.OtherRelease));
    }

    [Test]
    public void BerichtVersie_other_than_3_2_is_another_release()
    {
        var result = Read(Sample("WMO301").Replace("<wmo301:BerichtSubversie>2<", "<wmo301:BerichtSubversie>1<", StringComparison.Ordinal));

        Assert.That(result.Failure?.Kind, Is.EqualTo(ReadFailureKind.OtherRelease));
        Assert.That(result.Failure!.Type, Is.EqualTo(MessageType.Wmo301));
    }

    [Test]
    public void BerichtCode_of_another_message_in_the_301_namespace_is_a_mismatch()
    {
        var result = Read(Sample("WMO301").Replace("<wmo301:BerichtCode>414<", "<wmo301:BerichtCode>418<", StringComparison.Ordinal));

        Assert.That(result.Failure?.Kind, Is.EqualTo(ReadFailureKind.BerichtCodeMismatch));
        Assert.That(result.Failure!.Type, Is.EqualTo(MessageType.Wmo301));
        Assert.That(result.Failure.Reason, Does.Contain("418 (WMO305)"));
    }

    [Test]
    public void BerichtCode_that_is_no_iwmo_code_is_a_mismatch_without_echoing_it()
    {
        var result = Read(Sample("WMO301").Replace("<wmo301:BerichtCode>414<", "<wmo301:BerichtCode>Jansen<", StringComparison.Ordinal));

        Assert.That(result.Failure?.Kind, Is.EqualTo(ReadFailureKind.BerichtCodeMismatch));
        Assert.That(result.Failure!.Reason, Does.Not.Contain("Jansen"));
    }

    [Test]
    public void Missing_required_element_is_malformed_with_its_path_but_no_personal_data()
    {
        var xml = Sample("WMO301").Replace("<iwmo:Datum>1967-08-13</iwmo:Datum>", string.Empty, StringComparison.Ordinal);

        var result = Read(xml);

        Assert.That(result.Failure?.Kind, Is.EqualTo(ReadFailureKind.Malformed));
        Assert.That(result.Failure!.Reason, Does.Contain("Bericht/Client/Geboortedatum/Datum"));
        Assert.That(result.Failure.Reason, Does.Not.Contain(Bsn).And.Not.Contain("Wit"));
    }

    [Test]
    public void Bad_value_is_malformed_without_echoing_the_value()
    {
        var xml = Sample("WMO323").Replace("<iwmo:Dagtekening>2023-05-06<", "<iwmo:Dagtekening>999900006<", StringComparison.Ordinal);

        var result = Read(xml);

        Assert.That(result.Failure?.Kind, Is.EqualTo(ReadFailureKind.Malformed));
        Assert.That(result.Failure!.Reason, Does.Contain("Header/BerichtIdentificatie/Dagtekening"));
        Assert.That(result.Failure.Reason, Does.Not.Contain(Bsn));
    }

    [Test]
    public void Unknown_DebetCredit_is_malformed()
    {
        var xml = Sample("WMO323").Replace("<iwmo:DebetCredit>D</iwmo:DebetCredit>", "<iwmo:DebetCredit>X</iwmo:DebetCredit>", StringComparison.Ordinal);

        Assert.That(Read(xml).Failure?.Kind, Is.EqualTo(ReadFailureKind.Malformed));
    }

    [Test]
    public void Wrapper_without_items_is_malformed()
    {
        var xml = Regex.Replace(Sample("WMO323"), "<wmo323:Clienten>.*</wmo323:Clienten>", "<wmo323:Clienten/>", RegexOptions.Singleline);

        var result = Read(xml);

        Assert.That(result.Failure?.Kind, Is.EqualTo(ReadFailureKind.Malformed), () => result.ToString());
        Assert.That(result.Failure!.Reason, Does.Contain("Clienten/Client"));
    }

    [TestCase("", TestName = "Empty input is not well-formed")]
    [TestCase("not xml at all", TestName = "Plain text is not well-formed")]
    [TestCase("<wmo301:Bericht xmlns:wmo301=\"http://www.istandaarden.nl/iwmo/3_2/wmo301/schema\">", TestName = "Truncated XML is not well-formed")]
    [TestCase("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"999900006\">]><x>&e;</x>", TestName = "A DTD is refused")]
    public void Unreadable_input_is_not_well_formed(string xml)
    {
        var result = Read(xml);

        Assert.That(result.Failure?.Kind, Is.EqualTo(ReadFailureKind.NotWellFormed));
        Assert.That(result.Failure!.Reason, Does.Not.Contain(Bsn));
    }

    [Test]
    public void Bytes_that_are_not_valid_utf8_are_not_well_formed()
    {
        var bytes = Encoding.UTF8.GetBytes(Sample("WMO319")).ToArray();
        bytes[200] = 0xFF;

        Assert.That(IwmoReader.Read(bytes).Failure?.Kind, Is.EqualTo(ReadFailureKind.NotWellFormed));
    }

    [Test]
    public void Unsupported_declared_encoding_is_not_well_formed()
    {
        var xml = Sample("WMO319").Replace("encoding=\"UTF-8\"", "encoding=\"x-no-such-encoding\"", StringComparison.Ordinal);

        Assert.That(Read(xml).Failure?.Kind, Is.EqualTo(ReadFailureKind.NotWellFormed));
    }

    [TestCase("24:00:00", TestName = "Toewijzingstijd 24:00:00 is malformed (valid xs:time, no TimeOnly)")]
    [TestCase("12:34", TestName = "Toewijzingstijd without seconds is malformed")]
    public void Unrepresentable_time_is_malformed(string time)
    {
        var xml = Sample("WMO301").Replace(">12:34:56<", ">" + time + "<", StringComparison.Ordinal);

        var result = Read(xml);

        Assert.That(result.Failure?.Kind, Is.EqualTo(ReadFailureKind.Malformed));
        Assert.That(result.Failure!.Reason, Does.Contain("Toewijzingstijd"));
    }

    [Test]
    public void Time_with_fraction_survives_a_round_trip()
    {
        var xml = Sample("WMO301").Replace(">12:34:56<", ">12:34:56.25<", StringComparison.Ordinal);
        var message = Read(xml).Message!;

        var reread = IwmoReader.Read(IwmoWriter.ToBytes(message)).Message;

        Assert.That(((Wmo301)reread!).Client.ToegewezenProducten[0].Toewijzingstijd, Is.EqualTo(new TimeOnly(12, 34, 56, 250)));
        Assert.That(reread, Is.EqualTo(message));
    }

    [Test]
    public void Retour_header_copies_the_heen_header_as_IV028_asks()
    {
        var heen = ((Wmo301)Read(Sample("WMO301")).Message!).Header;

        var retour = RetourHeader.For(heen, "RET1", new DateOnly(2023, 8, 14), MessageBuilders.Codes("0200"));

        Assert.That((retour.Afzender, retour.Ontvanger, retour.BerichtIdentificatie, retour.XsdVersie),
            Is.EqualTo((heen.Afzender, heen.Ontvanger, heen.BerichtIdentificatie, heen.XsdVersie)));
        Assert.That(retour.XsdVersieRetour, Is.EqualTo(XsdVersie.Iwmo32));
    }

    [Test]
    public void Root_other_than_Bericht_in_a_message_namespace_is_not_classified()
    {
        var result = Read("<wmo301:Header xmlns:wmo301=\"http://www.istandaarden.nl/iwmo/3_2/wmo301/schema\"/>");

        Assert.That(result.Failure?.Kind, Is.EqualTo(ReadFailureKind.UnknownNamespace));
    }

    [Test]
    public void Every_message_type_is_classified_by_namespace_and_code()
    {
        foreach (var type in MessageType.All)
        {
            var xml = $"<m:Bericht xmlns:m=\"{type.Namespace}\"><m:Header><m:BerichtCode>{type.BerichtCode}</m:BerichtCode>"
                + "<m:BerichtVersie>3</m:BerichtVersie><m:BerichtSubversie>2</m:BerichtSubversie></m:Header></m:Bericht>";

            var result = Read(xml);

            // Classified (Type set), then malformed because the header is incomplete.
            Assert.That(result.Failure?.Type, Is.EqualTo(type), type.Name);
            Assert.That(result.Failure!.Kind, Is.EqualTo(ReadFailureKind.Malformed), type.Name);
        }
    }

    [TestCase("12:34:56.123456789012", 12, 34, 56, 1234567)]
    [TestCase("23:59:59.99999999999", 23, 59, 59, 9999999)]
    [TestCase("12:34:56.10000000", 12, 34, 56, 1000000)]
    [TestCase("12:34:56.5", 12, 34, 56, 5000000)]
    public void Toewijzingstijd_with_any_fraction_the_XSD_allows_is_read_cut_to_100_ns(string time, int hour, int minute, int second, int ticks)
    {
        var xml = Sample("WMO301").Replace("<wmo301:Toewijzingstijd>12:34:56<", $"<wmo301:Toewijzingstijd>{time}<", StringComparison.Ordinal);
        var validator = new Backoffice.Core.Validation.MessageValidator(Backoffice.Core.Schemas.SchemaCatalogue.Load(RepoPaths.IwmoSchemas));
        Assert.That(validator.Validate(new MemoryStream(Encoding.UTF8.GetBytes(xml))).Findings, Is.Empty, "the time is XSD-valid, so level 1 passes it");

        var result = Read(xml);

        Assert.That(result.Succeeded, Is.True, () => result.ToString());
        var product = ((Wmo301)result.Message!).Client.ToegewezenProducten.Single();
        Assert.That(product.Toewijzingstijd, Is.EqualTo(new TimeOnly(hour, minute, second).Add(TimeSpan.FromTicks(ticks))));
        var written = IwmoWriter.ToBytes(result.Message!);
        Assert.That(validator.Validate(new MemoryStream(written)).Findings, Is.Empty, "the answer side writes at most seven digits, still valid");
        Assert.That(IwmoReader.Read(written).Message, Is.EqualTo(result.Message));
    }

    [Test]
    public void Integer_written_with_a_leading_zero_or_sign_keeps_its_text_beside_the_number_and_plain_text_keeps_none()
    {
        var padded = (Wmo301)Read(Sample("WMO301").Replace("<wmo301:ToewijzingNummer>101<", "<wmo301:ToewijzingNummer>+0101<", StringComparison.Ordinal)).Message!;
        var plain = (Wmo301)Read(Sample("WMO301")).Message!;
        var total = ((Wmo323)Read(Sample("WMO323").Replace("<iwmo:TotaalBedrag>58000<", "<iwmo:TotaalBedrag>058000<", StringComparison.Ordinal)).Message!).Declaratie.TotaalIngediendBedrag;

        Assert.That((padded.Client.ToegewezenProducten[0].ToewijzingNummer, padded.Client.ToegewezenProducten[0].ToewijzingNummerAsSent), Is.EqualTo((101, "+0101")));
        Assert.That(plain.Client.ToegewezenProducten[0].ToewijzingNummerAsSent, Is.Null);
        Assert.That((total.TotaalBedrag, total.TotaalBedragAsSent), Is.EqualTo((58000L, "058000")));
    }

    [Test]
    public void Element_out_of_schema_order_is_malformed_not_passed_over()
    {
        // Read forward only, in XSD order: Geslacht before Geboortedatum is refused by the XSD and here alike.
        var xml = Regex.Replace(
            Sample("WMO305"),
            @"(<wmo305:Geboortedatum>.*?</wmo305:Geboortedatum>)(\s*)(<wmo305:Geslacht>.*?</wmo305:Geslacht>)",
            "$3$2$1",
            RegexOptions.Singleline);

        var result = Read(xml);

        Assert.That(result.Failure?.Kind, Is.EqualTo(ReadFailureKind.Malformed), () => result.ToString());
        Assert.That(result.Failure!.Reason, Does.Contain("Bericht/Client/Geboortedatum").And.Not.Contain(Bsn));
    }

    [Test]
    public void Unknown_element_is_malformed_not_passed_over()
    {
        var xml = Sample("WMO319").Replace("</wmo319:Antwoord>", "<wmo319:Extra>x</wmo319:Extra></wmo319:Antwoord>", StringComparison.Ordinal);

        var result = Read(xml);

        Assert.That(result.Failure?.Kind, Is.EqualTo(ReadFailureKind.Malformed), () => result.ToString());
        Assert.That(result.Failure!.Reason, Does.Contain("Bericht/Antwoord/Extra"));
    }

    [TestCase("12:34:56.12345678x")]
    [TestCase("12:34:56.")]
    [TestCase("12:34")]
    public void Toewijzingstijd_that_is_no_xs_time_is_a_failure_value(string time)
    {
        var result = Read(Sample("WMO301").Replace("<wmo301:Toewijzingstijd>12:34:56<", $"<wmo301:Toewijzingstijd>{time}<", StringComparison.Ordinal));

        Assert.That(result.Succeeded, Is.False);
        Assert.That(result.Failure!.Kind, Is.EqualTo(ReadFailureKind.Malformed));
        Assert.That(result.Failure.Reason, Does.Contain("Toewijzingstijd").And.Not.Contain(time));
    }
}
