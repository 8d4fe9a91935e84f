using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR316Tests
{
    [Test]
    public void TR316_the_323_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo323>("WMO323.xml")), Is.Empty);

    [Test]
    public void TR316_a_credit_of_a_debit_in_the_same_message_is_found_on_its_vorig_referentie_nummer_with_0001()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var debet = sample.Declaratie.Clienten[0].Prestaties[0];

        var finding = Found(WithSecondClientCredit(sample, debet.ProductReferentie.ReferentieNummer)).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]/ProductReferentie/VorigReferentieNummer"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
    }

    [Test]
    public void TR316_a_credit_before_the_debit_it_credits_is_found_as_well()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var debet = sample.Declaratie.Clienten[1].Prestaties[1];
        var client = sample.Declaratie.Clienten[0];
        var credit = Credit(client.Prestaties[0], "RN300", debet.ProductReferentie.ReferentieNummer);
        var creditFirst = sample with
        {
            Declaratie = sample.Declaratie with { Clienten = [client with { Prestaties = [credit, client.Prestaties[1]] }, sample.Declaratie.Clienten[1]] },
        };

        Assert.That(Found(creditFirst).Single().Path, Is.EqualTo("/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ProductReferentie/VorigReferentieNummer"));
    }

    [Test]
    public void TR316_a_line_naming_itself_as_its_vorig_referentie_nummer_is_found()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var client = sample.Declaratie.Clienten[0];
        var self = Credit(client.Prestaties[0], "RN300", "RN300");
        var selfCredit = sample with
        {
            Declaratie = sample.Declaratie with { Clienten = [client with { Prestaties = [self, client.Prestaties[1]] }, sample.Declaratie.Clienten[1]] },
        };

        Assert.That(Found(selfCredit), Has.Exactly(1).Items);
    }

    [Test]
    public void TR316_a_credit_of_a_debit_sent_earlier_is_fine()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");

        Assert.That(Found(WithSecondClientCredit(sample, "RN-EARLIER")), Is.Empty);
    }

    private static Wmo323 WithSecondClientCredit(Wmo323 sample, string vorigReferentieNummer)
    {
        var client = sample.Declaratie.Clienten[1];
        var credit = Credit(client.Prestaties[0], "RN300", vorigReferentieNummer);
        return sample with
        {
            Declaratie = sample.Declaratie with { Clienten = [sample.Declaratie.Clienten[0], client with { Prestaties = [.. client.Prestaties, credit] }] },
        };
    }

    private static Prestatie Credit(Prestatie line, string nummer, string vorig) =>
        line with { ProductReferentie = new(nummer, vorig), IngediendBedrag = line.IngediendBedrag with { DebetCredit = DebetCredit.Credit } };

    private static Finding[] Found(Wmo323 message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR316")];
}
