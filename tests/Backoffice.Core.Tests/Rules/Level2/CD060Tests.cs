using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level2.ConditionSamples;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CD060Tests
{
    private static Wmo323 Sample => RuleSamples.Read<Wmo323>("WMO323.xml");

    /// <summary>The sample with its second client's second line replaced.</summary>
    private static Wmo323 WithLastLine(Wmo323 sample, Prestatie line)
    {
        var client = sample.Declaratie.Clienten[1];
        var changed = client with { Prestaties = [client.Prestaties[0], line] };
        return sample with { Declaratie = sample.Declaratie with { Clienten = [sample.Declaratie.Clienten[0], changed] } };
    }

    /// <summary>A credit of the sample's last debit line (IV091): a new ReferentieNummer, pointing back at the debit.</summary>
    private static Prestatie CreditOf(Prestatie debit) => debit with
    {
        ProductReferentie = new Referentie("RN005", debit.ProductReferentie.ReferentieNummer),
        IngediendBedrag = debit.IngediendBedrag with { DebetCredit = DebetCredit.Credit },
    };

    /// <summary>A partly approved 325 on the sample that sends back only <paramref name="rejected"/> (IV087).</summary>
    private static Wmo325 AnswerRejecting(Wmo323 heen, Prestatie rejected)
    {
        var header = new DeclaratieAntwoordHeader(
            heen.Header.Ontvanger,
            heen.Header.Afzender,
            new BerichtIdentificatie("DA0001", heen.Header.BerichtIdentificatie.Dagtekening.AddDays(1)),
            XsdVersie.Iwmo32,
            heen.Header.BerichtIdentificatie,
            XsltVersie: null,
            heen.Header.XsdVersie,
            ["0200"]);
        var d = heen.Declaratie;
        var client = new DeclaratieAntwoordClient(d.Clienten[1].Bsn, [new DeclaratieAntwoordPrestatie(rejected, ["9338"])], ["0200"]);
        var toegekend = d.TotaalIngediendBedrag with { TotaalBedrag = d.TotaalIngediendBedrag.TotaalBedrag - rejected.IngediendBedrag.Bedrag };
        return new Wmo325(header, new DeclaratieAntwoord(d.DeclaratieNummer, d.TotaalIngediendBedrag, toegekend, [client], ["0200"]));
    }

    [Test]
    public void CD060_credit_line_without_vorigreferentienummer_is_found_with_0001()
    {
        var sample = Sample;
        var debit = sample.Declaratie.Clienten[1].Prestaties[1];
        var broken = WithLastLine(sample, debit with { IngediendBedrag = debit.IngediendBedrag with { DebetCredit = DebetCredit.Credit } });

        var finding = Findings(broken, "CD060").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]/ProductReferentie/VorigReferentieNummer"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Message, Does.EndWith("(CD060)."));
    }

    [Test]
    public void CD060_debit_line_with_vorigreferentienummer_is_found()
    {
        var sample = Sample;
        var debit = sample.Declaratie.Clienten[1].Prestaties[1];
        var broken = WithLastLine(sample, debit with { ProductReferentie = debit.ProductReferentie with { VorigReferentieNummer = "RN003" } });

        var finding = Findings(broken, "CD060").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]/ProductReferentie/VorigReferentieNummer"));
        Assert.That(finding.Message, Does.Not.Contain("RN003"), "never the value");
    }

    [Test]
    public void CD060_credit_line_pointing_at_its_debit_is_fine()
    {
        var sample = Sample;
        var fine = WithLastLine(sample, CreditOf(sample.Declaratie.Clienten[1].Prestaties[1]));

        Assert.That(Findings(fine, "CD060"), Is.Empty);
    }

    [Test]
    public void CD060_on_a_325_credit_line_sent_back_without_vorigreferentienummer_is_found_there()
    {
        var sample = Sample;
        var credit = CreditOf(sample.Declaratie.Clienten[1].Prestaties[1]);
        var broken = AnswerRejecting(sample, credit with { ProductReferentie = credit.ProductReferentie with { VorigReferentieNummer = null } });

        var finding = Findings(broken, "CD060").Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie/ProductReferentie/VorigReferentieNummer"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
    }

    [Test]
    public void CD060_a_325_sending_back_a_sample_line_is_fine()
    {
        var sample = Sample;

        Assert.That(Findings(AnswerRejecting(sample, sample.Declaratie.Clienten[1].Prestaties[1]), "CD060"), Is.Empty);
    }

    [Test]
    public void CD060_the_sample_is_fine() => Assert.That(Findings(Sample, "CD060"), Is.Empty);
}
