using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Schemas;
using Backoffice.Core.Standard;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Messages;

/// <summary>
/// The answer samples (mapped from iJw) mostly lack a body, so here every heen sample is answered
/// with its full answer message: every class sent back, each with a retourcode. The answer must be
/// XSD-valid, read back equal, and hold the heen parts unchanged (IV028; TR367 for the 325).
/// </summary>
[TestFixture]
public sealed class FullAnswerRoundTripTests
{
    // 0200 = no remark on this class; a 325 returns only rejected lines, here all as TR338 → 9338.
    private static readonly EquatableArray<string> Fine = MessageBuilders.Codes("0200");
    private static readonly EquatableArray<string> NoAllocation = MessageBuilders.Codes("9338");

    private static readonly Lazy<SchemaCatalogue> OurSchemas = new(() => SchemaCatalogue.Load(RepoPaths.IwmoSchemas));

    private static readonly (string Heen, string Answer)[] Pairs =
    [
        ("WMO301", "WMO302"), ("WMO305", "WMO306"), ("WMO307", "WMO308"), ("WMO315", "WMO316"),
        ("WMO317", "WMO318"), ("WMO319", "WMO320"), ("WMO323", "WMO325"),
    ];

    public static IEnumerable<TestCaseData> ValidCases() =>
        Pairs.Select(p => new TestCaseData(p.Heen, p.Answer).SetName($"Full {p.Answer} answering sample {p.Heen} is schema-valid and reads back equal"));

    public static IEnumerable<TestCaseData> UnchangedCases() =>
        Pairs.Select(p => new TestCaseData(p.Heen).SetName($"Full answer to sample {p.Heen} sends every heen part back unchanged"));

    [TestCaseSource(nameof(ValidCases))]
    public void Full_answer_is_schema_valid_and_reads_back_equal(string heenName, string answerName)
    {
        var answer = FullAnswer(ReadSample(heenName));
        Assert.That(answer.Type, Is.EqualTo(MessageType.FromName(answerName)));

        var written = IwmoWriter.ToBytes(answer);

        using (var stream = new MemoryStream(written))
        {
            Assert.That(OurSchemas.Value.Validate(stream), Is.Empty, "findings against schemas/iwmo-3.2");
        }

        var reread = IwmoReader.Read(written);
        Assert.That(reread.Succeeded, Is.True, () => reread.ToString());
        Assert.That(reread.Message, Is.EqualTo(answer));
    }

    [TestCaseSource(nameof(UnchangedCases))]
    public void Full_answer_sends_every_heen_part_back_unchanged(string heenName)
    {
        var heen = ReadSample(heenName);

        var reread = IwmoReader.Read(IwmoWriter.ToBytes(FullAnswer(heen)));

        Assert.That(reread.Succeeded, Is.True, () => reread.ToString());
        Assert.That(HeenPartsOf(reread.Message!, heen), Is.EqualTo(heen));
    }

    [Test]
    public void Full_wmo325_links_the_323_and_grants_its_total_minus_the_returned_lines()
    {
        var declaratie = (Wmo323)ReadSample("WMO323");

        var answer = (Wmo325)IwmoReader.Read(IwmoWriter.ToBytes(FullAnswer(declaratie))).Message!;

        // TR337/TR371: the 325 names the 323 it answers; the XSD types make it Gemeente → AGB.
        Assert.That(answer.Header.DeclaratieIdentificatie, Is.EqualTo(declaratie.Header.BerichtIdentificatie));
        Assert.That(answer.Header.XsdVersieDeclaratie, Is.EqualTo(declaratie.Header.XsdVersie));
        Assert.That((answer.Header.Afzender, answer.Header.Ontvanger), Is.EqualTo((declaratie.Header.Ontvanger, declaratie.Header.Afzender)));
        Assert.That(answer.Header.RetourCodes, Is.EqualTo(Fine));

        // TR342: sum of returned lines = TotaalIngediend − TotaalToegekend (debit minus credit).
        var antwoord = answer.DeclaratieAntwoord!;
        var returned = antwoord.Clienten.SelectMany(c => c.Prestaties).Sum(p => Signed(p.Prestatie.IngediendBedrag.Bedrag, p.Prestatie.IngediendBedrag.DebetCredit));
        Assert.That(antwoord.Clienten.Sum(c => c.Prestaties.Count), Is.EqualTo(declaratie.Declaratie.Clienten.Sum(c => c.Prestaties.Count)));
        Assert.That(returned, Is.Not.Zero);
        Assert.That(
            Signed(antwoord.TotaalIngediendBedrag) - Signed(antwoord.TotaalToegekendBedrag),
            Is.EqualTo(returned));
        Assert.That(antwoord.RetourCodes, Is.EqualTo(Fine));
    }

    private static IwmoMessage ReadSample(string name)
    {
        var read = IwmoReader.ReadFile(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), name + ".xml"));
        Assert.That(read.Succeeded, Is.True, () => read.ToString());
        return read.Message!;
    }

    /// <summary>Test data, not the retour builder: every class returned with 0200 (IV028 example), header 0200.</summary>
    private static IwmoMessage FullAnswer(IwmoMessage heen) => heen switch
    {
        Wmo301 m => new Wmo302(Retour(m.Header), new ToewijzingClientRetour(
            m.Client.Gegevens,
            [.. m.Client.Relaties.Select(r => new RelatieRetour(r.Gegevens, new ContactRetour(r.Contact, Fine), Fine))],
            [.. m.Client.Contactgegevens.Select(c => new ContactRetour(c, Fine))],
            [.. m.Client.ToegewezenProducten.Select(p => new ToegewezenProductRetour(p, Fine))],
            Fine)),
        Wmo305 m => new Wmo306(Retour(m.Header), new StartClientRetour(
            m.Client.Gegevens, [.. m.Client.StartProducten.Select(p => new StartProductRetour(p, Fine))], Fine)),
        Wmo307 m => new Wmo308(Retour(m.Header), new StopClientRetour(
            m.Client.Gegevens, [.. m.Client.StopProducten.Select(p => new StopProductRetour(p, Fine))], Fine)),
        Wmo315 m => new Wmo316(Retour(m.Header), new VotClientRetour(
            m.Client.Gegevens, m.Client.Commentaar, [.. m.Client.AangevraagdeProducten.Select(p => new AangevraagdProductRetour(p, Fine))], Fine)),
        Wmo317 m => new Wmo318(Retour(m.Header), new VowClientRetour(
            m.Client.Bsn,
            new VerzoekRetour(
                m.Client.Verzoek.ReferentieAanbieder,
                m.Client.Verzoek.RedenVerzoek,
                [.. m.Client.Verzoek.OngewijzigdeProducten.Select(p => new OngewijzigdProductRetour(p, Fine))],
                [.. m.Client.Verzoek.TeWijzigenProducten.Select(p => new TeWijzigenProductRetour(p, Fine))],
                [.. m.Client.Verzoek.NieuweProducten.Select(p => new NieuwProductRetour(p, Fine))],
                Fine),
            Fine)),
        Wmo319 m => new Wmo320(Retour(m.Header), new AntwoordRetour(m.Antwoord, Fine)),
        Wmo323 m => PartlyApproved(m),
        _ => throw new ArgumentOutOfRangeException(nameof(heen), heen.Type, "not a heen message"),
    };

    private static RetourHeader Retour(Header heen) =>
        RetourHeader.For(heen, "RET0001", heen.BerichtIdentificatie.Dagtekening.AddDays(1), Fine);

    /// <summary>IV087 "partly approved" shape with every line rejected: Header and DeclaratieAntwoord 0200, Clients 0200.</summary>
    private static Wmo325 PartlyApproved(Wmo323 heen)
    {
        var d = heen.Declaratie;
        var clienten = d.Clienten.Select(c => new DeclaratieAntwoordClient(
            c.Bsn, [.. c.Prestaties.Select(p => new DeclaratieAntwoordPrestatie(p, NoAllocation))], Fine)).ToEquatableArray();
        var toegekend = Signed(d.TotaalIngediendBedrag)
            - clienten.SelectMany(c => c.Prestaties).Sum(p => Signed(p.Prestatie.IngediendBedrag.Bedrag, p.Prestatie.IngediendBedrag.DebetCredit));

        // The 325 goes from the municipality (the 323's Ontvanger) to the provider (its Afzender).
        var header = new DeclaratieAntwoordHeader(
            heen.Header.Ontvanger,
            heen.Header.Afzender,
            new BerichtIdentificatie("DA0001", heen.Header.BerichtIdentificatie.Dagtekening.AddDays(1)),
            XsdVersie.Iwmo32,
            heen.Header.BerichtIdentificatie,
            XsltVersie: null,
            heen.Header.XsdVersie,
            Fine);

        // CS325: an amount of 0 carries D.
        var totaalToegekend = new TotaalBedragMetDC(Math.Abs(toegekend), toegekend < 0 ? DebetCredit.Credit : DebetCredit.Debet);
        return new Wmo325(header, new DeclaratieAntwoord(d.DeclaratieNummer, d.TotaalIngediendBedrag, totaalToegekend, clienten, Fine));
    }

    /// <summary>The heen message as the answer carries it back; the 325 lacks the 323's period and dagtekening, so those come from the heen.</summary>
    private static IwmoMessage HeenPartsOf(IwmoMessage answer, IwmoMessage heen) => answer switch
    {
        Wmo302 a => new Wmo301(Heen(a.Header), new ToewijzingClient(
            a.Client!.Gegevens,
            [.. a.Client.Relaties.Select(r => new Relatie(r.Gegevens, r.Contact.Contact))],
            [.. a.Client.Contactgegevens.Select(c => c.Contact)],
            [.. a.Client.ToegewezenProducten.Select(p => p.ToegewezenProduct)])),
        Wmo306 a => new Wmo305(Heen(a.Header), new StartClient(a.Client!.Gegevens, [.. a.Client.StartProducten.Select(p => p.StartProduct)])),
        Wmo308 a => new Wmo307(Heen(a.Header), new StopClient(a.Client!.Gegevens, [.. a.Client.StopProducten.Select(p => p.StopProduct)])),
        Wmo316 a => new Wmo315(Heen(a.Header), new VotClient(
            a.Client!.Gegevens, a.Client.Commentaar, [.. a.Client.AangevraagdeProducten.Select(p => p.AangevraagdProduct)])),
        Wmo318 a => new Wmo317(Heen(a.Header), new VowClient(
            a.Client!.Bsn,
            new Verzoek(
                a.Client.Verzoek.ReferentieAanbieder,
                a.Client.Verzoek.RedenVerzoek,
                [.. a.Client.Verzoek.OngewijzigdeProducten.Select(p => p.OngewijzigdProduct)],
                [.. a.Client.Verzoek.TeWijzigenProducten.Select(p => p.TeWijzigenProduct)],
                [.. a.Client.Verzoek.NieuweProducten.Select(p => p.NieuwProduct)]))),
        Wmo320 a => new Wmo319(Heen(a.Header), a.Antwoord!.Antwoord),
        Wmo325 a => new Wmo323(
            new Header(a.Header.Ontvanger, a.Header.Afzender, a.Header.DeclaratieIdentificatie, a.Header.XsdVersieDeclaratie),
            new Declaratie(
                a.DeclaratieAntwoord!.DeclaratieNummer,
                ((Wmo323)heen).Declaratie.DeclaratiePeriode,
                ((Wmo323)heen).Declaratie.DeclaratieDagtekening,
                a.DeclaratieAntwoord.TotaalIngediendBedrag,
                [.. a.DeclaratieAntwoord.Clienten.Select(c => new DeclaratieClient(c.Bsn, [.. c.Prestaties.Select(p => p.Prestatie)]))])),
        _ => throw new ArgumentOutOfRangeException(nameof(answer), answer.Type, "not an answer message"),
    };

    private static Header Heen(RetourHeader retour) =>
        new(retour.Afzender, retour.Ontvanger, retour.BerichtIdentificatie, retour.XsdVersie);

    private static long Signed(TotaalBedragMetDC amount) => Signed(amount.TotaalBedrag, amount.DebetCredit);

    private static long Signed(long amount, DebetCredit debetCredit) => debetCredit == DebetCredit.Credit ? -amount : amount;
}
