using System.Text;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Retours;
using Backoffice.Core.Schemas;
using Backoffice.Core.Validation;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Retours;

/// <summary>The retour after levels 3 and 4 (iwmo-3.2.md §8.1, IV028): header only when accepted or wrong in the header, else the Client with every class coded.</summary>
public sealed class RegisterAnswerTests
{
    private static readonly AnswerIdentity Identity = AnswerIdentity.Create("R00000000043", new DateOnly(2026, 12, 1));

    private static SchemaCatalogue Ours => SchemaCatalogue.Load(RepoPaths.IwmoSchemas);

    private static IwmoMessage Sample(string name)
    {
        var read = IwmoReader.ReadFile(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), name));
        return read.Message ?? throw new InvalidOperationException(read.ToString());
    }

    private static Finding At(string path, string code, string rule = "TR000") => new(3, rule, code, path, null, null, "test finding");

    private static byte[] Valid(IwmoMessage answer)
    {
        var bytes = IwmoWriter.ToBytes(answer);
        Assert.That(Ours.Validate(new MemoryStream(bytes)), Is.Empty, "the answer is valid against our own schema");
        Assert.That(IwmoReader.Read(bytes).Message, Is.EqualTo(answer), "reads back as built");
        return bytes;
    }

    [TestCase("WMO305.xml")]
    [TestCase("WMO307.xml")]
    [TestCase("WMO315.xml")]
    [TestCase("WMO317.xml")]
    public void A_fully_accepted_message_gets_the_header_only_without_retourcodes(string sample)
    {
        var answer = RegisterAnswer.For(Sample(sample), [], Identity, Ours);

        Valid(answer);
        var header = (RetourHeader)answer.Header;
        Assert.That(header.RetourCodes, Is.Null, "no codes: fully accepted");
        Assert.That(answer switch { Wmo306 a => a.Client, Wmo308 a => a.Client, Wmo316 a => a.Client, Wmo318 a => (object?)a.Client, _ => "?" }, Is.Null);
    }

    [Test]
    public void An_error_on_one_StartProduct_returns_the_client_with_every_class_coded()
    {
        var answer = (Wmo306)RegisterAnswer.For(Sample("WMO305.xml"), [At("/Bericht/Client/StartProducten/StartProduct[2]/ToewijzingNummer", "9019")], Identity, Ours);

        var bytes = Valid(answer);
        Assert.That(answer.Header.RetourCodes, Is.EqualTo(new EquatableArray<string>(["0200"])));
        Assert.That(answer.Client!.RetourCodes, Is.EqualTo(new EquatableArray<string>(["0200"])));
        Assert.That(answer.Client.StartProducten.Select(p => string.Join(' ', p.RetourCodes)), Is.EqualTo(new[] { "0200", "9019" }));
        Golden.Verify(Encoding.UTF8.GetString(bytes), "level3_WMO306_rejected", "xml");
    }

    [Test]
    public void An_error_in_the_header_returns_the_header_only_with_its_code()
    {
        var answer = (Wmo308)RegisterAnswer.For(
            Sample("WMO307.xml"),
            [At("/Bericht/Header/BerichtIdentificatie/Identificatie", "9056", "TR056"), At("/Bericht/Client/StopProducten/StopProduct", "9069")],
            Identity,
            Ours);

        Valid(answer);
        Assert.That(answer.Header.RetourCodes, Is.EqualTo(new EquatableArray<string>(["9056"])));
        Assert.That(answer.Client, Is.Null, "only the header is returned");
    }

    [Test]
    public void Codes_on_the_client_itself_and_several_codes_on_one_class_are_kept_each_once()
    {
        var answer = (Wmo316)RegisterAnswer.For(
            Sample("WMO315.xml"),
            [
                At("/Bericht/Client/Bsn", "9374", "TR374"),
                At("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct", "9347", "TR347"),
                At("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct/ToewijzingIngangsdatum", "9347", "TR347"),
                At("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct", "9361", "TR361"),
            ],
            Identity,
            Ours);

        Valid(answer);
        Assert.That(answer.Client!.RetourCodes, Is.EqualTo(new EquatableArray<string>(["9374"])));
        Assert.That(answer.Client.AangevraagdeProducten.Select(p => string.Join(' ', p.RetourCodes)), Is.EqualTo(new[] { "9347 9361", "0200" }));
    }

    [Test]
    public void A_VOW_answer_codes_the_Verzoek_and_each_product_list_separately()
    {
        var answer = (Wmo318)RegisterAnswer.For(
            Sample("WMO317.xml"),
            [At("/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct/ToewijzingNummer", "9350", "TR350")],
            Identity,
            Ours);

        var bytes = Valid(answer);
        var verzoek = answer.Client!.Verzoek;
        Assert.That((string.Join(' ', answer.Client.RetourCodes), string.Join(' ', verzoek.RetourCodes)), Is.EqualTo(("0200", "0200")));
        Assert.That(verzoek.TeWijzigenProducten.Single().RetourCodes, Is.EqualTo(new EquatableArray<string>(["9350"])));
        Assert.That(verzoek.OngewijzigdeProducten.Single().RetourCodes, Is.EqualTo(new EquatableArray<string>(["0200"])));
        Assert.That(verzoek.NieuweProducten.Single().RetourCodes, Is.EqualTo(new EquatableArray<string>(["0200"])));
        Golden.Verify(Encoding.UTF8.GetString(bytes), "level3_WMO318_rejected", "xml");
    }
}
