using System.Text;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Retours;
using Backoffice.Core.Rules;
using Backoffice.Core.Schemas;
using Backoffice.Core.Validation;
using Backoffice.TestSupport;
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

    [TestCase("058000")]
    [TestCase("+58000")]
    [TestCase("0000058000")]
    public async Task TR358_the_right_total_written_with_leading_zeros_or_a_plus_sign_is_found_because_the_rule_compares_text(string written)
    {
        var result = await CheckedAsync(written);

        Assert.That(result.Level1.Valid, Is.True, "xs:integer allows both, so level 1 passes");
        var finding = result.Level2.Single(f => f.Rule == "TR358");
        Assert.That((finding.Path, finding.Retourcode), Is.EqualTo((TotaalBedrag, "0001")));
        Assert.That(finding.Message, Does.Contain("not written plainly"));
    }

    [TestCase("58000")]
    [TestCase(" 58000 ")]
    public async Task TR358_the_total_written_plainly_is_fine_and_surrounding_whitespace_is_not_part_of_the_text(string written)
    {
        var result = await CheckedAsync(written);

        Assert.That(result.Level1.Valid, Is.True);
        Assert.That(result.Level2.Where(f => f.Rule == "TR358"), Is.Empty);
    }

    [Test]
    public async Task TR358_a_wrong_total_written_with_a_plus_sign_is_found_as_a_wrong_sum()
    {
        var result = await CheckedAsync("+58001");

        Assert.That(result.Level2.Single(f => f.Rule == "TR358").Message, Does.Contain("is not the sum"));
    }

    [Test]
    public void TR358_a_total_changed_in_code_is_compared_written_plainly_not_with_the_text_it_was_read_with()
    {
        var read = RuleSamples.Read<Wmo323>("WMO323.xml");
        var sent = read with { Declaratie = read.Declaratie with { TotaalIngediendBedrag = new(58001, DebetCredit.Debet) { TotaalBedragAsSent = "+58001" } } };

        var corrected = sent with { Declaratie = sent.Declaratie with { TotaalIngediendBedrag = sent.Declaratie.TotaalIngediendBedrag with { TotaalBedrag = 58000 } } };

        Assert.That(Found(sent), Has.Exactly(1).Items);
        Assert.That(Found(corrected), Is.Empty, "the text as sent no longer denotes the value, so it is not used");
    }

    /// <summary>The 323 sample with its TotaalBedrag (58000, the sum of its lines) written as <paramref name="written"/>, through the whole check.</summary>
    private static Task<CheckedMessage> CheckedAsync(string written)
    {
        RepoPaths.RequireReference();
        var xml = File.ReadAllText(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), "WMO323.xml"))
            .Replace("<iwmo:TotaalBedrag>58000<", $"<iwmo:TotaalBedrag>{written}<", StringComparison.Ordinal);
        var check = new MessageCheck(new MessageValidator(SchemaCatalogue.Load(RepoPaths.IwmoSchemas)), RuleSet.Level2);
        return check.CheckAsync(_ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(xml))), MessageScope.Inbound, null, CancellationToken.None);
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
