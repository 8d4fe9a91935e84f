using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

/// <summary>TR342 runs on every 325 we build, before it leaves: these are 325s built on the reference 323.</summary>
public sealed class TR342Tests
{
    private const string Toegekend = "/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag";

    [Test]
    public void TR342_a_fully_approved_325_we_build_is_fine()
    {
        var antwoord = DeclaratieAntwoordSamples.Answering(RuleSamples.Read<Wmo323>("WMO323.xml"));

        Assert.That(antwoord.DeclaratieAntwoord!.RetourCodes, Is.EqualTo(new[] { "8001" }));
        Assert.That(Found(antwoord), Is.Empty);
    }

    [Test]
    public void TR342_a_partly_approved_325_we_build_is_fine_and_still_is_after_writing_and_reading_it()
    {
        var antwoord = DeclaratieAntwoordSamples.Answering(RuleSamples.Read<Wmo323>("WMO323.xml"), (0, 1), (1, 0));
        var read = IwmoReader.Read(IwmoWriter.ToBytes(antwoord)).Message;

        Assert.That(Found(antwoord), Is.Empty);
        Assert.That(read, Is.EqualTo(antwoord));
        Assert.That(Found(read!), Is.Empty);
    }

    [Test]
    public void TR342_a_toegekend_total_a_cent_off_the_returned_lines_is_found_with_0001()
    {
        var antwoord = DeclaratieAntwoordSamples.Answering(RuleSamples.Read<Wmo323>("WMO323.xml"), (0, 1));
        var a = antwoord.DeclaratieAntwoord!;
        var off = antwoord with { DeclaratieAntwoord = a with { TotaalToegekendBedrag = a.TotaalToegekendBedrag with { TotaalBedrag = a.TotaalToegekendBedrag.TotaalBedrag - 1 } } };

        var finding = Found(off).Single();

        Assert.That(finding.Path, Is.EqualTo(Toegekend));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
    }

    [Test]
    public void TR342_an_approved_line_sent_back_is_found_because_the_difference_no_longer_adds_up()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var antwoord = DeclaratieAntwoordSamples.Answering(sample, (0, 1));
        var a = antwoord.DeclaratieAntwoord!;
        var client = a.Clienten[0];
        var approvedToo = antwoord with
        {
            DeclaratieAntwoord = a with
            {
                Clienten = [client with { Prestaties = [new(sample.Declaratie.Clienten[0].Prestaties[0], ["0200"]), .. client.Prestaties] }],
            },
        };

        Assert.That(Found(approvedToo).Single().Path, Is.EqualTo(Toegekend));
    }

    [Test]
    public void TR342_a_returned_credit_line_counts_negative()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var client = sample.Declaratie.Clienten[0];
        var debet = client.Prestaties[0];
        var credit = debet with
        {
            ProductReferentie = new("RN900", "RN-EARLIER"),
            IngediendBedrag = debet.IngediendBedrag with { DebetCredit = DebetCredit.Credit },
        };
        var withCredit = sample with
        {
            Declaratie = sample.Declaratie with
            {
                TotaalIngediendBedrag = new(58000 - credit.IngediendBedrag.Bedrag, DebetCredit.Debet),
                Clienten = [client with { Prestaties = [.. client.Prestaties, credit] }, sample.Declaratie.Clienten[1]],
            },
        };
        var antwoord = DeclaratieAntwoordSamples.Answering(withCredit, (0, 2));
        var a = antwoord.DeclaratieAntwoord!;

        // Rejecting the credit means granting more than was claimed in total.
        Assert.That(a.TotaalToegekendBedrag.TotaalBedrag, Is.EqualTo(58000));
        Assert.That(Found(antwoord), Is.Empty);
        var unsigned = antwoord with { DeclaratieAntwoord = a with { TotaalToegekendBedrag = a.TotaalIngediendBedrag } };
        Assert.That(Found(unsigned), Has.Exactly(1).Items);
    }

    [Test]
    public void TR342_a_rejected_declaratie_antwoord_must_grant_0_and_nothing_else_is_checked()
    {
        var antwoord = DeclaratieAntwoordSamples.Answering(RuleSamples.Read<Wmo323>("WMO323.xml"));
        var a = antwoord.DeclaratieAntwoord!;
        var rejectedZero = antwoord with { DeclaratieAntwoord = a with { RetourCodes = ["9333"], TotaalToegekendBedrag = new(0, DebetCredit.Debet) } };
        var rejectedGranting = antwoord with { DeclaratieAntwoord = a with { RetourCodes = ["9333"] } };

        Assert.That(Found(rejectedZero), Is.Empty, "no lines are returned, and the difference need not add up");
        Assert.That(Found(rejectedGranting).Single().Path, Is.EqualTo(Toegekend));
    }

    [Test]
    public void TR342_a_325_without_declaratie_antwoord_is_fine()
    {
        var antwoord = DeclaratieAntwoordSamples.Answering(RuleSamples.Read<Wmo323>("WMO323.xml")) with { DeclaratieAntwoord = null };

        Assert.That(Found(antwoord), Is.Empty);
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR342")];
}
