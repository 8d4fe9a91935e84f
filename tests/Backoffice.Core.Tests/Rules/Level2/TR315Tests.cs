using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR315Tests
{
    [Test]
    public void TR315_the_323_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo323>("WMO323.xml")), Is.Empty);

    [Test]
    public void TR315_the_same_vorig_referentie_nummer_under_two_clients_is_found_on_the_second_with_0001()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var twice = WithCredits(sample, "RN100", "RN100");

        var finding = Found(twice).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie/ProductReferentie/VorigReferentieNummer"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(TR315)."));
    }

    [Test]
    public void TR315_two_credits_of_different_debits_are_fine()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");

        Assert.That(Found(WithCredits(sample, "RN100", "RN101")), Is.Empty);
    }

    /// <summary>The first line of each client turned into a credit of an earlier debit with the given VorigReferentieNummer.</summary>
    private static Wmo323 WithCredits(Wmo323 sample, string first, string second)
    {
        static DeclaratieClient Credit(DeclaratieClient client, string vorig, string nummer)
        {
            var line = client.Prestaties[0];
            var credit = line with
            {
                ProductReferentie = new(nummer, vorig),
                IngediendBedrag = line.IngediendBedrag with { DebetCredit = DebetCredit.Credit },
            };
            return client with { Prestaties = [credit, .. client.Prestaties.Skip(1)] };
        }

        var clienten = sample.Declaratie.Clienten;
        return sample with { Declaratie = sample.Declaratie with { Clienten = [Credit(clienten[0], first, "RN201"), Credit(clienten[1], second, "RN202")] } };
    }

    private static Finding[] Found(Wmo323 message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR315")];
}
