using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CS325Tests
{
    [Test]
    public void CS325_the_unchanged_sample_and_its_answer_are_fine()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");

        Assert.That(Found(sample), Is.Empty);
        Assert.That(Found(PartlyRejected(sample)), Is.Empty);
    }

    [Test]
    public void CS325_prestatie_amount_0_marked_credit_is_found_with_0001()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var broken = WithFirstLineAmount(sample, new BedragMetDC(0, DebetCredit.Credit));

        AssertFoundAt(broken, "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/IngediendBedrag/DebetCredit");
    }

    [Test]
    public void CS325_amount_0_marked_debet_and_a_credit_amount_above_0_are_fine()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");

        Assert.That(Found(WithFirstLineAmount(sample, new BedragMetDC(0, DebetCredit.Debet))), Is.Empty);
        Assert.That(Found(WithFirstLineAmount(sample, new BedragMetDC(5000, DebetCredit.Credit))), Is.Empty);
    }

    [Test]
    public void CS325_totaal_ingediend_bedrag_0_marked_credit_is_found_there()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var broken = sample with { Declaratie = sample.Declaratie with { TotaalIngediendBedrag = new TotaalBedragMetDC(0, DebetCredit.Credit) } };

        AssertFoundAt(broken, "/Bericht/Declaratie/TotaalIngediendBedrag/DebetCredit");
    }

    [Test]
    public void CS325_totaal_toegekend_bedrag_0_marked_credit_in_a_325_is_found_there()
    {
        var answer = PartlyRejected(RuleSamples.Read<Wmo323>("WMO323.xml"));
        var broken = answer with { DeclaratieAntwoord = answer.DeclaratieAntwoord! with { TotaalToegekendBedrag = new TotaalBedragMetDC(0, DebetCredit.Credit) } };

        AssertFoundAt(broken, "/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag/DebetCredit");
    }

    [Test]
    public void CS325_totaal_ingediend_bedrag_0_marked_credit_in_a_325_is_found_there()
    {
        var answer = PartlyRejected(RuleSamples.Read<Wmo323>("WMO323.xml"));
        var broken = answer with { DeclaratieAntwoord = answer.DeclaratieAntwoord! with { TotaalIngediendBedrag = new TotaalBedragMetDC(0, DebetCredit.Credit) } };

        AssertFoundAt(broken, "/Bericht/DeclaratieAntwoord/TotaalIngediendBedrag/DebetCredit");
    }

    [Test]
    public void CS325_returned_prestatie_amount_0_marked_credit_in_a_325_is_found_there()
    {
        var answer = PartlyRejected(RuleSamples.Read<Wmo323>("WMO323.xml"));
        var client = answer.DeclaratieAntwoord!.Clienten[0];
        var line = client.Prestaties[0];
        var zero = line with { Prestatie = line.Prestatie with { IngediendBedrag = new BedragMetDC(0, DebetCredit.Credit) } };
        var broken = answer with
        {
            DeclaratieAntwoord = answer.DeclaratieAntwoord with { Clienten = [client, client with { Prestaties = [line, zero] }] },
        };

        AssertFoundAt(broken, "/Bericht/DeclaratieAntwoord/Clienten/Client[2]/Prestaties/Prestatie[2]/IngediendBedrag/DebetCredit");
    }

    [Test]
    public void CS325_a_325_without_declaratie_antwoord_is_fine()
    {
        var answer = PartlyRejected(RuleSamples.Read<Wmo323>("WMO323.xml"));

        Assert.That(Found(answer with { DeclaratieAntwoord = null }), Is.Empty);
    }

    private static Wmo323 WithFirstLineAmount(Wmo323 sample, BedragMetDC bedrag)
    {
        var clienten = sample.Declaratie.Clienten;
        var first = clienten[0];
        var prestaties = first.Prestaties;
        return sample with
        {
            Declaratie = sample.Declaratie with
            {
                Clienten = [first with { Prestaties = [prestaties[0] with { IngediendBedrag = bedrag }, prestaties[1]] }, clienten[1]],
            },
        };
    }

    /// <summary>A 325 on the sample 323 that rejects its first line (IV087): the sum of the returned lines explains the difference (TR342).</summary>
    private static Wmo325 PartlyRejected(Wmo323 declaratie)
    {
        var h = declaratie.Header;
        var d = declaratie.Declaratie;
        var rejected = d.Clienten[0].Prestaties[0];
        var header = new DeclaratieAntwoordHeader(
            h.Ontvanger, h.Afzender, new BerichtIdentificatie("A1", h.BerichtIdentificatie.Dagtekening.AddDays(3)), XsdVersie.Iwmo32,
            h.BerichtIdentificatie, null, h.XsdVersie, ["0200"]);
        var antwoord = new DeclaratieAntwoord(
            d.DeclaratieNummer,
            d.TotaalIngediendBedrag,
            new TotaalBedragMetDC(d.TotaalIngediendBedrag.TotaalBedrag - rejected.IngediendBedrag.Bedrag, DebetCredit.Debet),
            [new DeclaratieAntwoordClient(d.Clienten[0].Bsn, [new DeclaratieAntwoordPrestatie(rejected, ["9338"])], ["0200"])],
            ["0200"]);
        return new Wmo325(header, antwoord);
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "CS325")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(CS325)."));
    }
}
