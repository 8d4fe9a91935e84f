using Backoffice.Core.Messages;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Toewijzing;
using Backoffice.Core.Messages.Verzoeken;
using Backoffice.Core.Rules;
using Backoffice.Core.Validation;
using NUnit.Framework;

namespace Backoffice.Core.Tests.Rules.Level2;

public sealed class CS003Tests
{
    [Test]
    public void CS003_the_unchanged_samples_are_fine()
    {
        Assert.That(Found(RuleSamples.Read<Wmo301>("WMO301.xml")), Is.Empty);
        Assert.That(Found(RuleSamples.Read<Wmo315>("WMO315.xml")), Is.Empty);
        Assert.That(Found(RuleSamples.Read<Wmo317>("WMO317.xml")), Is.Empty);
    }

    [Test]
    public void CS003_toegewezen_product_einddatum_before_ingangsdatum_is_found_with_0001()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var product = sample.Client.ToegewezenProducten[0];
        var broken = sample with
        {
            Client = sample.Client with
            {
                ToegewezenProducten = [product, product with { ToewijzingNummer = 102, Einddatum = product.Ingangsdatum.AddDays(-1) }],
            },
        };

        AssertFoundAt(broken, "/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Einddatum");
    }

    [Test]
    public void CS003_toegewezen_product_ending_on_its_ingangsdatum_is_fine()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var product = sample.Client.ToegewezenProducten[0];
        var sameDay = sample with { Client = sample.Client with { ToegewezenProducten = [product with { Einddatum = product.Ingangsdatum }] } };

        Assert.That(Found(sameDay), Is.Empty);
    }

    [Test]
    public void CS003_contact_periode_of_a_relatie_ending_before_it_begins_is_found_there()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var relatie = sample.Client.Relaties[1];
        var periode = new OpenPeriode(new DateOnly(2023, 2, 1), new DateOnly(2023, 1, 31));
        var broken = sample with
        {
            Client = sample.Client with
            {
                Relaties = [sample.Client.Relaties[0], relatie with { Contact = relatie.Contact with { Periode = periode } }],
            },
        };

        AssertFoundAt(broken, "/Bericht/Client/Relaties/Relatie[2]/Contact/Periode/Einddatum");
    }

    [Test]
    public void CS003_client_contact_periode_ending_before_it_begins_is_found_there()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var contact = sample.Client.Contactgegevens[0];
        var broken = sample with
        {
            Client = sample.Client with { Contactgegevens = [contact with { Periode = new OpenPeriode(new DateOnly(2023, 2, 1), new DateOnly(2023, 1, 31)) }] },
        };

        AssertFoundAt(broken, "/Bericht/Client/Contactgegevens/Contact/Periode/Einddatum");
    }

    [Test]
    public void CS003_contact_periode_without_begindatum_or_on_one_day_is_fine()
    {
        var sample = RuleSamples.Read<Wmo301>("WMO301.xml");
        var contact = sample.Client.Contactgegevens[0];
        var open = sample with
        {
            Client = sample.Client with
            {
                Contactgegevens =
                [
                    contact with { Periode = new OpenPeriode(null, new DateOnly(2023, 1, 31)) },
                    contact with { Soort = "02", Periode = new OpenPeriode(new DateOnly(2023, 1, 31), new DateOnly(2023, 1, 31)) },
                ],
            },
        };

        Assert.That(Found(open), Is.Empty);
    }

    [Test]
    public void CS003_aangevraagd_product_toewijzingeinddatum_before_toewijzingingangsdatum_is_found_there()
    {
        var sample = RuleSamples.Read<Wmo315>("WMO315.xml");
        var second = sample.Client.AangevraagdeProducten[1];
        var broken = sample with
        {
            Client = sample.Client with
            {
                AangevraagdeProducten = [sample.Client.AangevraagdeProducten[0], second with { ToewijzingEinddatum = second.ToewijzingIngangsdatum.AddDays(-1) }],
            },
        };

        AssertFoundAt(broken, "/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[2]/ToewijzingEinddatum");
    }

    [Test]
    public void CS003_aangevraagd_product_ending_on_its_toewijzingingangsdatum_is_fine()
    {
        var sample = RuleSamples.Read<Wmo315>("WMO315.xml");
        var first = sample.Client.AangevraagdeProducten[0];
        var sameDay = sample with
        {
            Client = sample.Client with { AangevraagdeProducten = [first with { ToewijzingEinddatum = first.ToewijzingIngangsdatum }] },
        };

        Assert.That(Found(sameDay), Is.Empty);
    }

    [Test]
    public void CS003_te_wijzigen_product_einddatum_before_gewensteingangsdatum_is_found_there()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");
        var verzoek = sample.Client.Verzoek;
        var product = verzoek.TeWijzigenProducten[0];
        var broken = sample with
        {
            Client = sample.Client with
            {
                Verzoek = verzoek with { TeWijzigenProducten = [product with { Einddatum = product.GewensteIngangsdatum.AddDays(-1) }] },
            },
        };

        AssertFoundAt(broken, "/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct/Einddatum");
    }

    [Test]
    public void CS003_nieuw_product_einddatum_before_gewensteingangsdatum_is_found_there()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");
        var verzoek = sample.Client.Verzoek;
        var product = verzoek.NieuweProducten[0];
        var broken = sample with
        {
            Client = sample.Client with
            {
                Verzoek = verzoek with { NieuweProducten = [product, product with { Einddatum = product.GewensteIngangsdatum.AddDays(-1) }] },
            },
        };

        AssertFoundAt(broken, "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[2]/Einddatum");
    }

    [Test]
    public void CS003_products_of_a_317_ending_on_the_gewensteingangsdatum_or_open_are_fine()
    {
        var sample = RuleSamples.Read<Wmo317>("WMO317.xml");
        var verzoek = sample.Client.Verzoek;
        var teWijzigen = verzoek.TeWijzigenProducten[0];
        var nieuw = verzoek.NieuweProducten[0];
        var fine = sample with
        {
            Client = sample.Client with
            {
                Verzoek = verzoek with
                {
                    TeWijzigenProducten = [teWijzigen with { Einddatum = teWijzigen.GewensteIngangsdatum }],
                    NieuweProducten = [nieuw with { Einddatum = null }],
                },
            },
        };

        Assert.That(Found(fine), Is.Empty);
    }

    private static Finding[] Found(IwmoMessage message) => [.. RuleSet.Level2.Check(message).Where(f => f.Rule == "CS003")];

    private static void AssertFoundAt(IwmoMessage message, string path)
    {
        var finding = Found(message).Single();
        Assert.That(finding.Path, Is.EqualTo(path));
        Assert.That(finding.Retourcode, Is.EqualTo("0001"));
        Assert.That(finding.Level, Is.EqualTo(2));
        Assert.That(finding.Message, Does.EndWith("(CS003)."));
    }
}
