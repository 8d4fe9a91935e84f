using System.Globalization;
using System.Text.RegularExpressions;
using Backoffice.Core.Reference;
using Backoffice.Data.Reference;
using Backoffice.Service.Reference;
using Backoffice.TestSupport;
using NUnit.Framework;

namespace Backoffice.Service.Tests.Reference;

/// <summary>
/// The demo region's catalogue and contracts (deploy/demo): the two arrangement models of the
/// product description, their illustrative tariffs as the README derives them, and a contract for
/// every product the demo indications and the demo inbox use.
/// </summary>
public sealed partial class DemoCatalogueTests
{
    // The products the demo inbox allocates and requests (tests/Backoffice.TestSupport/Lifecycle/DemoInbox.cs).
    private static readonly string[] InboxProducts = ["01A01", "01A02", "01A03", "01A11"];

    private static readonly DateOnly Jan2026 = new(2026, 1, 1);
    private static readonly DateOnly Dec2026 = new(2026, 12, 31);

    private static IReadOnlyList<T> Rows<T>(ReferenceKind kind)
    {
        var result = ReferenceCsv.Parse(kind, File.ReadAllBytes(ReferenceImporter.FileIn(RepoPaths.DemoReference, kind)));
        Assert.That(result.Problems, Is.Empty);
        return [.. result.Rows.Cast<T>()];
    }

    [Test]
    public void The_catalogue_holds_both_arrangement_models_with_18_cells_each_as_monthly_output()
    {
        var arrangements = Rows<ProductRow>(ReferenceKind.Products).Where(p => p.ArrangementCode is not null).ToList();

        var matrix = arrangements.Where(p => p.ArrangementCode!.StartsWith("ARR-", StringComparison.Ordinal)).Select(p => p.ArrangementCode).ToList();
        var integral = arrangements.Where(p => p.ArrangementCode!.StartsWith("IWO-", StringComparison.Ordinal)).Select(p => p.ArrangementCode).ToList();

        Assert.That(matrix, Is.EquivalentTo(
            from areas in new[] { "1-2", "3-4", "5" }
            from type in new[] { "BEH", "ONT" }
            from intensity in new[] { "GEM", "PLUS", "PLUSPLUS" }
            select $"ARR-{areas}-{type}-{intensity}"));
        Assert.That(integral, Is.EquivalentTo(
            from size in new[] { "BEP", "GEM", "GRO" }
            from type in new[] { "ACT", "OND" }
            from intensity in new[] { "GEM", "PLUS", "INT" }
            select $"IWO-{size}-{type}-{intensity}"));
        Assert.That(
            arrangements.Select(p => (p.Financing, p.Eenheid, p.Frequentie)),
            Is.All.EqualTo((FinancingForm.Outputgericht, "82", "4")),
            "one unit (stuks output) per month");
        Assert.That(arrangements.Select(p => p.ProductCode), Has.All.Length.EqualTo(5));
        Assert.That(arrangements.Select(p => p.ProductCode), Is.Unique);
    }

    [Test]
    public void Every_arrangement_tariff_is_its_weekly_hours_times_its_hourly_rate_times_13_over_3_as_the_README_says()
    {
        var products = Rows<ProductRow>(ReferenceKind.Products).Where(p => p.ArrangementCode is not null).ToList();
        var contracts = Rows<ContractRow>(ReferenceKind.Contracts);
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md"));

        foreach (var product in products)
        {
            var derivation = Derivation().Match(product.Description);
            Assert.That(derivation.Success, Is.True, $"{product.ArrangementCode}: the description states its hours and rate");
            var hours = decimal.Parse(derivation.Groups["hours"].Value, CultureInfo.InvariantCulture);
            var rate = decimal.Parse(derivation.Groups["rate"].Value, CultureInfo.InvariantCulture);

            // 13 weeks in 3 months: weekly hours x hourly rate x 13/3 is the monthly tariff, to the cent.
            var cents = (long)decimal.Round(hours * rate * 100m * 13m / 3m, 0, MidpointRounding.AwayFromZero);

            var lines = contracts.Where(c => c.ProductCategorie == product.ProductCategorie && c.ProductCode == product.ProductCode).ToList();
            Assert.That(lines, Is.Not.Empty, $"{product.ArrangementCode} is contracted");
            Assert.That(lines.Select(c => (c.TariffCents, c.Eenheid)), Is.All.EqualTo((cents, "82")), product.ArrangementCode);
            var row = string.Create(CultureInfo.InvariantCulture, $"| `{product.ArrangementCode}` | {product.ProductCategorie} {product.ProductCode} | {hours:0.##} | {rate:0.00} | {cents / 100m:0.00} |");
            Assert.That(readme, Does.Contain(row), "the README's table of derivations");
        }

        Assert.That(
            contracts.Single(c => c.ProductCode == products.Single(p => p.ArrangementCode == "ARR-3-4-ONT-PLUS").ProductCode && c.Provider == "42420001").TariffCents,
            Is.EqualTo(87750),
            "4.5 hours a week at EUR 45");
    }

    [Test]
    public void Every_product_the_demo_indications_and_inbox_use_is_contracted_to_42420001_for_2026()
    {
        var products = Rows<ProductRow>(ReferenceKind.Products);
        var contracts = Rows<ContractRow>(ReferenceKind.Contracts).Where(c => c.Provider == "42420001").ToList();
        var indications = Rows<IndicationRow>(ReferenceKind.Indications);
        var used = indications
            .Select(i => i.ArrangementCode is { } code ? products.Single(p => p.ArrangementCode == code) : products.SingleOrDefault(p => p.ProductCategorie == i.ProductCategorie && p.ProductCode == i.ProductCode))
            .OfType<ProductRow>()
            .Concat(InboxProducts.Select(code => products.Single(p => p.ProductCode == code)))
            .Distinct()
            .ToList();

        Assert.That(used.Select(p => p.ProductCode), Is.SupersetOf(new[] { "01A01", "01A02", "01A03", "01A11", "01A12", "03A01", "02M11", "10I08" }));
        foreach (var product in used)
        {
            Assert.That(
                contracts.Any(c => c.ProductCategorie == product.ProductCategorie && c.ProductCode == product.ProductCode && c.Begindatum <= Jan2026 && (c.Einddatum ?? DateOnly.MaxValue) >= Dec2026),
                Is.True,
                $"{product.ProductCategorie} {product.ProductCode} contracted for 2026");
        }

        Assert.That(indications.Where(i => i.ProductCategorie is not null).Select(i => i.ProductCategorie), Is.All.AnyOf(products.Select(p => p.ProductCategorie).Distinct().ToArray()), "every indicated category has products");
    }

    [GeneratedRegex(@"\((?<hours>[0-9]+(\.[0-9]+)?) u/week x EUR (?<rate>[0-9]+\.[0-9]{2}) x 13/3\)$")]
    private static partial Regex Derivation();
}
