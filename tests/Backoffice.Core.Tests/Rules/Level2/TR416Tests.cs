using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR416Tests
{
    [Test]
    public void TR416_the_323_sample_is_fine() => Assert.That(Found(RuleSamples.Read<Wmo323>("WMO323.xml")), Is.Empty);

    [Test]
    public void TR416_a_second_debit_for_the_same_allocation_product_and_period_under_one_client_is_found_with_0001()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var client = sample.Declaratie.Clienten[0];
        var again = client.Prestaties[0] with { ProductReferentie = new("RN900") };

        var finding = Found(WithFirstClient(sample, client with { Prestaties = [.. client.Prestaties, again] })).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[3]"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
    }

    [Test]
    public void TR416_the_same_combination_under_another_client_is_not_compared()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var first = sample.Declaratie.Clienten[0].Prestaties[0];
        var other = sample.Declaratie.Clienten[1];
        var copied = other with { Prestaties = [.. other.Prestaties, first with { ProductReferentie = new("RN900") }] };
        var acrossClients = sample with { Declaratie = sample.Declaratie with { Clienten = [sample.Declaratie.Clienten[0], copied] } };

        Assert.That(Found(acrossClients), Is.Empty);
    }

    [Test]
    public void TR416_a_credit_and_a_new_debit_for_the_same_combination_are_fine()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var client = sample.Declaratie.Clienten[0];
        var debet = client.Prestaties[0];
        var credit = debet with { ProductReferentie = new("RN900", "RN-EARLIER"), IngediendBedrag = debet.IngediendBedrag with { DebetCredit = DebetCredit.Credit } };

        Assert.That(Found(WithFirstClient(sample, client with { Prestaties = [credit, .. client.Prestaties] })), Is.Empty);
    }

    [Test]
    public void TR416_another_product_periode_is_another_combination()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var client = sample.Declaratie.Clienten[0];
        var march = client.Prestaties[0] with { ProductReferentie = new("RN900"), ProductPeriode = new(new(2023, 3, 1), new(2023, 3, 31)) };

        Assert.That(Found(WithFirstClient(sample, client with { Prestaties = [.. client.Prestaties, march] })), Is.Empty);
    }

    private static Wmo323 WithFirstClient(Wmo323 sample, DeclaratieClient client) =>
        sample with { Declaratie = sample.Declaratie with { Clienten = [client, sample.Declaratie.Clienten[1]] } };

    private static Finding[] Found(Wmo323 message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR416")];
}
