using Backoffice.Core.Messages.Common;
using Backoffice.Core.Reference;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Register.RegisterSamples;

namespace Backoffice.Core.Tests.Register;

public sealed class IndicationMatchTests
{
    /// <summary>An active indication for 01A01 over 2026, which backs <see cref="RegisterSamples.Allocation"/>.</summary>
    private static Indication Indication(string number = "B-1", int version = 1) => new(
        number, version, Municipality, Bsn, "01", "01A01", null, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), new DateOnly(2025, 12, 1), IndicationStatus.Active);

    private static IndicationMatch Match(Core.Messages.Toewijzing.ToegewezenProduct allocation, params Indication[] indications) =>
        IndicationMatch.Find(Municipality, Bsn, allocation, indications);

    [Test]
    public void An_indication_for_the_product_whose_period_holds_the_allocation_backs_it()
    {
        var match = Match(Allocation(), Indication());

        Assert.That(match.Backing, Is.EqualTo(IndicationBacking.Backed));
        Assert.That(match.Indication, Is.EqualTo(Indication()));
    }

    [Test]
    public void The_same_days_at_both_ends_are_inside() =>
        Assert.That(Match(Allocation(), Indication() with { Begindatum = Allocation().Ingangsdatum, Einddatum = Allocation().Einddatum }).Backing, Is.EqualTo(IndicationBacking.Backed));

    [Test]
    public void An_allocation_starting_before_the_indication_is_outside_its_period()
    {
        var match = Match(Allocation(), Indication() with { Begindatum = new DateOnly(2026, 1, 2) });

        Assert.That(match.Backing, Is.EqualTo(IndicationBacking.OutsidePeriod));
        Assert.That(match.Indication?.Number, Is.EqualTo("B-1"));
    }

    [Test]
    public void An_open_ended_allocation_fits_only_an_open_ended_indication()
    {
        var open = Allocation() with { Einddatum = null };

        Assert.That(Match(open, Indication()).Backing, Is.EqualTo(IndicationBacking.OutsidePeriod));
        Assert.That(Match(open, Indication() with { Einddatum = null }).Backing, Is.EqualTo(IndicationBacking.Backed));
        Assert.That(Match(Allocation(), Indication() with { Einddatum = null }).Backing, Is.EqualTo(IndicationBacking.Backed));
    }

    [TestCase(IndicationStatus.Withdrawn)]
    [TestCase(IndicationStatus.Superseded)]
    public void A_withdrawn_or_superseded_indication_backs_nothing(IndicationStatus status) =>
        Assert.That(Match(Allocation(), Indication() with { Status = status }), Is.EqualTo(IndicationMatch.Unbacked));

    [Test]
    public void Only_the_latest_version_of_an_indication_counts()
    {
        var withdrawn = Indication(version: 2) with { Status = IndicationStatus.Withdrawn };

        Assert.That(Match(Allocation(), Indication(), withdrawn).Backing, Is.EqualTo(IndicationBacking.Unbacked));
        Assert.That(Match(Allocation(), Indication() with { Status = IndicationStatus.Withdrawn }, Indication(version: 2)).Backing, Is.EqualTo(IndicationBacking.Backed));
    }

    [Test]
    public void Another_municipality_client_or_product_does_not_back()
    {
        Assert.That(Match(Allocation(), Indication() with { Municipality = "0363" }).Backing, Is.EqualTo(IndicationBacking.Unbacked));
        Assert.That(Match(Allocation(), Indication() with { Bsn = OtherBsn }).Backing, Is.EqualTo(IndicationBacking.Unbacked));
        Assert.That(Match(Allocation(), Indication() with { ProductCode = "01A02" }).Backing, Is.EqualTo(IndicationBacking.Unbacked));
        Assert.That(Match(Allocation(), Indication() with { ProductCategorie = "02", ProductCode = null }).Backing, Is.EqualTo(IndicationBacking.Unbacked));
    }

    [Test]
    public void An_indication_for_a_category_backs_every_product_of_it() =>
        Assert.That(Match(Allocation(), Indication() with { ProductCode = null }).Backing, Is.EqualTo(IndicationBacking.Backed));

    [Test]
    public void A_category_only_allocation_is_backed_by_an_indication_in_its_category()
    {
        var generic = Allocation() with { Product = new Product("01"), Omvang = null };

        Assert.That(Match(generic, Indication()).Backing, Is.EqualTo(IndicationBacking.Backed));
        Assert.That(Match(generic, Indication() with { ProductCode = null }).Backing, Is.EqualTo(IndicationBacking.Backed));
        Assert.That(Match(generic, Indication() with { ProductCategorie = "02" }).Backing, Is.EqualTo(IndicationBacking.Unbacked));
    }

    [Test]
    public void An_arrangement_code_matches_the_allocated_product_code()
    {
        var arrangement = Indication() with { ProductCategorie = null, ProductCode = null, ArrangementCode = "ARR01" };

        Assert.That(Match(Allocation() with { Product = new Product("01", "ARR01") }, arrangement).Backing, Is.EqualTo(IndicationBacking.Backed));
        Assert.That(Match(Allocation(), arrangement).Backing, Is.EqualTo(IndicationBacking.Unbacked));
    }

    [Test]
    public void An_arrangement_backs_the_allocation_of_the_product_code_the_catalogue_gives_it()
    {
        var arrangement = Indication() with { ProductCategorie = null, ProductCode = null, ArrangementCode = "ARR-3-4-ONT-PLUS" };
        var catalogue = new[]
        {
            new CatalogueProduct("02", "02M11", 1, "3-4 domains, develop, plus", "82", "4", FinancingForm.Outputgericht, "ARR-3-4-ONT-PLUS", new DateOnly(2026, 1, 1), null),
            new CatalogueProduct("02", "02M12", 1, "3-4 domains, develop, plus plus", "82", "4", FinancingForm.Outputgericht, "ARR-3-4-ONT-PLUSPLUS", new DateOnly(2026, 1, 1), null),
        };

        Assert.That(IndicationMatch.Find(Municipality, Bsn, Allocation() with { Product = new Product("02", "02M11") }, [arrangement], catalogue).Backing, Is.EqualTo(IndicationBacking.Backed));
        Assert.That(IndicationMatch.Find(Municipality, Bsn, Allocation() with { Product = new Product("02", "02M12") }, [arrangement], catalogue).Backing, Is.EqualTo(IndicationBacking.Unbacked));
        Assert.That(IndicationMatch.Find(Municipality, Bsn, Allocation() with { Product = new Product("02", "02M11") }, [arrangement]).Backing, Is.EqualTo(IndicationBacking.Unbacked), "without the catalogue the codes cannot be linked");
    }

    [Test]
    public void An_allocation_without_product_is_backed_only_by_an_indication_without_one()
    {
        var budget = Allocation() with { Product = null, Omvang = null, Budget = 100000 };
        var generic = Indication() with { ProductCategorie = null, ProductCode = null };

        Assert.That(Match(budget, Indication()).Backing, Is.EqualTo(IndicationBacking.Unbacked));
        Assert.That(Match(budget, generic).Backing, Is.EqualTo(IndicationBacking.Backed));
    }

    [Test]
    public void The_code_match_wins_over_the_category_match_then_the_latest_decision()
    {
        var category = Indication("B-2") with { ProductCode = null, DecisionDate = new DateOnly(2026, 1, 1) };
        var older = Indication("B-3") with { DecisionDate = new DateOnly(2025, 1, 1) };

        Assert.That(Match(Allocation(), category, older).Indication?.Number, Is.EqualTo("B-3"));
        Assert.That(Match(Allocation(), older, Indication()).Indication?.Number, Is.EqualTo("B-1"));
    }

    [Test]
    public void Two_indications_that_together_cover_the_period_do_not_back_it()
    {
        var first = Indication("B-1") with { Einddatum = new DateOnly(2026, 6, 30) };
        var second = Indication("B-2") with { Begindatum = new DateOnly(2026, 7, 1) };

        Assert.That(Match(Allocation(), first, second).Backing, Is.EqualTo(IndicationBacking.OutsidePeriod));
    }
}
