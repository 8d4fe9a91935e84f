using System.Text;
using System.Text.RegularExpressions;
using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Messages.StartStop;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Retours;
using Backoffice.Core.Rules;
using Backoffice.Core.Schemas;
using Backoffice.Core.Validation;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class TR101Tests
{
    [TestCase("WMO301.xml")]
    [TestCase("WMO305.xml")]
    [TestCase("WMO307.xml")]
    [TestCase("WMO315.xml")]
    [TestCase("WMO317.xml")]
    [TestCase("WMO323.xml")]
    public void TR101_the_reference_samples_have_no_duplicates(string sample) =>
        Assert.That(Found(RuleSamples.Read<IwmoMessage>(sample)), Is.Empty);

    [Test]
    public void TR101_a_325_we_build_has_no_duplicates() =>
        Assert.That(Found(DeclaratieAntwoordSamples.Answering(RuleSamples.Read<Wmo323>("WMO323.xml"), (0, 0), (1, 1))), Is.Empty);

    [Test]
    public void TR101_start_deleted_and_sent_again_with_the_same_key_in_one_305_is_found_on_the_second_with_0001()
    {
        var sample = RuleSamples.Read<Wmo305>("WMO305.xml");
        var start = sample.Client.StartProducten[0];
        var corrected = sample with { Client = sample.Client with { StartProducten = [start with { StatusAanlevering = "3" }, start] } };

        var finding = Found(corrected).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/StartProducten/StartProduct[2]"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
    }

    [Test]
    public void TR101_two_starts_on_the_same_allocation_with_another_begindatum_are_fine()
    {
        var sample = RuleSamples.Read<Wmo305>("WMO305.xml");
        var start = sample.Client.StartProducten[0];
        var twice = sample with { Client = sample.Client with { StartProducten = [start, start with { Begindatum = start.Begindatum.AddDays(1) }] } };

        Assert.That(Found(twice), Is.Empty);
    }

    [Test]
    public void TR101_start_without_product_twice_counts_absent_as_equal()
    {
        var sample = RuleSamples.Read<Wmo305>("WMO305.xml");
        var start = sample.Client.StartProducten[0] with { Product = null };
        var twice = sample with { Client = sample.Client with { StartProducten = [start, start] } };

        Assert.That(Found(twice).Single().Path, Is.EqualTo("/Bericht/Client/StartProducten/StartProduct[2]"));
    }

    [Test]
    public void TR101_stop_deleted_and_sent_again_in_one_307_is_found_on_the_second()
    {
        var sample = RuleSamples.Read<Wmo307>("WMO307.xml");
        var stop = sample.Client.StopProducten[1];
        var corrected = sample with { Client = sample.Client with { StopProducten = [sample.Client.StopProducten[0], stop with { StatusAanlevering = "3" }, stop] } };

        var finding = Found(corrected).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Client/StopProducten/StopProduct[3]"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
    }

    [Test]
    public void TR101_stops_differing_in_reden_beeindiging_are_fine()
    {
        var sample = RuleSamples.Read<Wmo307>("WMO307.xml");
        var stop = sample.Client.StopProducten[0];
        var two = sample with { Client = sample.Client with { StopProducten = [stop with { RedenBeeindiging = "20" }, stop with { RedenBeeindiging = "19" }] } };

        Assert.That(Found(two), Is.Empty);
    }

    [Test]
    public void TR101_toegewezen_product_contact_and_relatie_repeating_their_keys_in_a_301_are_each_found()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var c = sample.Client;
        var product = c.ToegewezenProducten[0];
        var doubled = sample with
        {
            Client = c with
            {
                Relaties = [c.Relaties[0], c.Relaties[1] with { Gegevens = c.Relaties[1].Gegevens with { Nummer = c.Relaties[0].Gegevens.Nummer } }],
                Contactgegevens = [c.Contactgegevens[0], c.Contactgegevens[0] with { Organisatie = null }],
                ToegewezenProducten = [product, product with { Ingangsdatum = product.Ingangsdatum.AddYears(1), Einddatum = null }],
            },
        };

        Assert.That(
            Found(doubled).Select(f => f.Path),
            Is.EquivalentTo(new[]
            {
                "/Bericht/Client/Relaties/Relatie[2]",
                "/Bericht/Client/Contactgegevens/Contact[2]",
                "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]",
            }));
    }

    [Test]
    public void TR101_contacts_of_another_soort_are_fine()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var contact = sample.Client.Contactgegevens[0];
        var two = sample with { Client = sample.Client with { Contactgegevens = [contact, contact with { Soort = "02" }] } };

        Assert.That(Found(two), Is.Empty);
    }

    [Test]
    public void TR101_repeated_referentie_aanbieder_in_a_315_is_found_together_with_TR383()
    {
        var sample = RuleSamples.Read<Wmo315>("WMO315.xml");
        var products = sample.Client.AangevraagdeProducten;
        var doubled = sample with
        {
            Client = sample.Client with { AangevraagdeProducten = [products[0], products[1] with { ReferentieAanbieder = products[0].ReferentieAanbieder }] },
        };

        var findings = RuleSet.Level2.Check(doubled);

        Assert.That(findings.Single(f => f.Rule == "TR101").Path, Is.EqualTo("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]"));
        Assert.That(findings.Where(f => f.Rule == "TR383"), Has.Exactly(1).Items);
    }

    [Test]
    public void TR101_new_products_with_the_same_product_and_start_in_a_317_are_found_and_another_start_is_fine()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");
        var nieuw = sample.Client.Verzoek.NieuweProducten[0];
        Wmo317 With(params NieuwProduct[] producten) =>
            sample with { Client = sample.Client with { Verzoek = sample.Client.Verzoek with { NieuweProducten = [.. producten] } } };

        Assert.That(
            Found(With(nieuw, nieuw with { Einddatum = null })).Single().Path,
            Is.EqualTo("/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[2]"));
        Assert.That(Found(With(nieuw, nieuw with { GewensteIngangsdatum = nieuw.GewensteIngangsdatum.AddDays(1) })), Is.Empty);
    }

    [Test]
    public void TR101_an_allocation_both_unchanged_and_to_change_is_not_a_duplicate_but_twice_unchanged_is()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");
        var verzoek = sample.Client.Verzoek;
        var ongewijzigd = verzoek.OngewijzigdeProducten[0];
        var across = sample with
        {
            Client = sample.Client with { Verzoek = verzoek with { TeWijzigenProducten = [verzoek.TeWijzigenProducten[0] with { ToewijzingNummer = ongewijzigd.ToewijzingNummer }] } },
        };
        var twice = sample with { Client = sample.Client with { Verzoek = verzoek with { OngewijzigdeProducten = [ongewijzigd, ongewijzigd] } } };

        Assert.That(Found(across), Is.Empty, "each class is keyed among its own siblings");
        Assert.That(Found(twice).Single().Path, Is.EqualTo("/Bericht/Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct[2]"));
    }

    [Test]
    public void TR101_a_323_line_repeated_under_its_client_is_found_on_the_repeat()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var client = sample.Declaratie.Clienten[1];
        var repeated = WithClient(sample, 1, client with { Prestaties = [client.Prestaties[0], client.Prestaties[1], client.Prestaties[0]] });

        var finding = Found(repeated).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[3]"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
    }

    [Test]
    public void TR101_the_323_line_key_includes_vorig_referentie_nummer()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var client = sample.Declaratie.Clienten[0];
        var debet = client.Prestaties[0];
        var credit = debet with
        {
            ProductReferentie = debet.ProductReferentie with { VorigReferentieNummer = "RN900" },
            IngediendBedrag = debet.IngediendBedrag with { DebetCredit = DebetCredit.Credit },
        };
        var sameNumber = WithClient(sample, 0, client with { Prestaties = [debet, credit] });

        Assert.That(Found(sameNumber), Is.Empty, "same ReferentieNummer, different VorigReferentieNummer: not a TR101 duplicate (TR314 is level 3)");
    }

    [Test]
    public void TR101_the_same_bsn_twice_in_a_323_is_found_on_the_second_client()
    {
        var sample = RuleSamples.Read<Wmo323>("WMO323.xml");
        var clienten = sample.Declaratie.Clienten;
        var twice = sample with { Declaratie = sample.Declaratie with { Clienten = [clienten[0], clienten[1] with { Bsn = clienten[0].Bsn }] } };

        Assert.That(Found(twice).Single().Path, Is.EqualTo("/Bericht/Declaratie/Clienten/Client[2]"));
    }

    [Test]
    public void TR101_a_325_we_build_with_a_line_twice_is_found_on_the_repeat()
    {
        var antwoord = DeclaratieAntwoordSamples.Answering(RuleSamples.Read<Wmo323>("WMO323.xml"), (0, 0), (0, 1));
        var a = antwoord.DeclaratieAntwoord!;
        var client = a.Clienten[0];
        var repeated = antwoord with
        {
            DeclaratieAntwoord = a with { Clienten = [client with { Prestaties = [client.Prestaties[0], client.Prestaties[1], client.Prestaties[1]] }] },
        };

        var finding = Found(repeated).Single();

        Assert.That(finding.Path, Is.EqualTo("/Bericht/DeclaratieAntwoord/Clienten/Client/Prestaties/Prestatie[3]"));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
    }

    [TestCase("WMO301.xml", "wmo301:ToegewezenProduct", "101", "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]")]
    [TestCase("WMO305.xml", "wmo305:StartProduct", "300201", "/Bericht/Client/StartProducten/StartProduct[2]")]
    [TestCase("WMO307.xml", "wmo307:StopProduct", "300201", "/Bericht/Client/StopProducten/StopProduct[2]")]
    [TestCase("WMO317.xml", "wmo317:OngewijzigdProduct", "10071", "/Bericht/Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct[2]")]
    [TestCase("WMO317.xml", "wmo317:TeWijzigenProduct", "10072", "/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[2]")]
    public async Task TR101_the_toewijzing_nummer_in_a_key_is_compared_as_text_so_a_leading_zero_or_plus_sign_makes_another_key(
        string sample, string element, string nummer, string repeat)
    {
        Assert.That(await RepeatsAsync(sample, element, nummer, nummer), Is.EqualTo(new[] { repeat }), "the same text twice");
        Assert.That(await RepeatsAsync(sample, element, "0" + nummer, "0" + nummer), Is.EqualTo(new[] { repeat }), "the same text with a leading zero twice");
        Assert.That(await RepeatsAsync(sample, element, "0" + nummer, nummer), Is.Empty, "the same number, another text");
        Assert.That(await RepeatsAsync(sample, element, "+" + nummer, nummer), Is.Empty, "the same number, another text");
    }

    /// <summary>
    /// The sample with its first <paramref name="element"/> twice, ToewijzingNummer written as
    /// <paramref name="first"/> and <paramref name="second"/>, through the whole check: the TR101 paths.
    /// </summary>
    private static async Task<string?[]> RepeatsAsync(string sample, string element, string first, string second)
    {
        RepoPaths.RequireReference();
        var xml = File.ReadAllText(Path.Combine(RepoPaths.ReferenceSamples("iwmo-3.2"), sample));
        var block = Regex.Match(xml, $"<{element}>.*?</{element}>", RegexOptions.Singleline).Value;
        string Numbered(string text) => Regex.Replace(block, "(<[a-z0-9]+:ToewijzingNummer>)[^<]*", $"${{1}}{text}");
        xml = xml.Replace(block, Numbered(first) + Numbered(second), StringComparison.Ordinal);
        var check = new MessageCheck(new MessageValidator(SchemaCatalogue.Load(RepoPaths.IwmoSchemas)), RuleSet.Level2);

        var result = await check.CheckAsync(_ => Task.FromResult<Stream>(new MemoryStream(Encoding.UTF8.GetBytes(xml))), MessageScope.AnyDirection, null, CancellationToken.None);

        Assert.That((result.Level1.Valid, result.Held), Is.EqualTo((true, (string?)null)), result.Level1.Summary);
        return [.. result.Level2.Where(f => f.Rule == "TR101").Select(f => f.Path)];
    }

    private static Wmo323 WithClient(Wmo323 sample, int index, DeclaratieClient client) =>
        sample with
        {
            Declaratie = sample.Declaratie with { Clienten = [.. sample.Declaratie.Clienten.Select((c, i) => i == index ? client : c)] },
        };

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "TR101")];
}
