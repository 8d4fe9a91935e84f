using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR358Tests
{
    private const string TotaalBedrag = "/Bericht/Declaratie/TotaalIngediendBedrag/TotaalBedrag";

    [Test]
    public void TR358_the_323_sample_adds_up() => Assert.That(Found(RuleSamples.Read<Wmo323>("WMO323.xml")), Is.Empty);

    [Test]
    public void TR358_a_total_a_cent_off_the_lines_is_found_with_0001()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");

        var finding = Found(WithTotaal(sample, 58001, DebetCredit.Debet)).Single();

        Assert.That(finding.Path, Is.EqualTo(TotaalBedrag));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
    }

    [Test]
    public void TR358_credit_lines_are_subtracted()
    {
        var sample = WithCredit(RuleSamples.Read<Wmo323>("WMO323.xml"), 5000);

        Assert.That(Found(WithTotaal(sample, 53000, DebetCredit.Debet)), Is.Empty);
        Assert.That(Found(WithTotaal(sample, 63000, DebetCredit.Debet)), Has.Exactly(1).Items);
    }

    [Test]
    public void TR358_a_net_credit_declaration_carries_the_amount_with_C_not_D()
    {
        var sample = WithCredit(RuleSamples.Read<Wmo323>("WMO323.xml"), 60000);

        Assert.That(Found(WithTotaal(sample, 2000, DebetCredit.Credit)), Is.Empty);
        Assert.That(Found(WithTotaal(sample, 2000, DebetCredit.Debet)).Single().Path, Is.EqualTo(TotaalBedrag));
    }

    [Test]
    public void TR358_a_positive_sum_with_C_is_found()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");

        Assert.That(Found(WithTotaal(sample, 58000, DebetCredit.Credit)), Has.Exactly(1).Items);
    }

    private static Wmo323 WithTotaal(Wmo323 sample, long totaal, DebetCredit sign) =>
        sample with { Declaratie = sample.Declaratie with { TotaalIngediendBedrag = new(totaal, sign) } };

    /// <summary>Adds a credit line of <paramref name="bedrag"/> under the second client.</summary>
    private static Wmo323 WithCredit(Wmo323 sample, long bedrag)
    {
        var client = sample.Declaratie.Clienten[1];
        var line = client.Prestaties[0];
        var credit = line with { ProductReferentie = new("RN900", "RN-EARLIER"), IngediendBedrag = new(bedrag, DebetCredit.Credit) };
        return sample with
        {
            Declaratie = sample.Declaratie with { Clienten = [sample.Declaratie.Clienten[0], client with { Prestaties = [.. client.Prestaties, credit] }] },
        };
    }

    private static Finding[] Found(Wmo323 message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR358")];
}
