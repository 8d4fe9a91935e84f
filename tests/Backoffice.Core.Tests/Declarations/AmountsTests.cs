using System.Numerics;
using Backoffice.Core.Declarations;
using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Reference;
using CsCheck;
using NUnit.Framework;
using static Backoffice.Core.Tests.Declarations.DeclarationSamples;

namespace Backoffice.Core.Tests.Declarations;

/// <summary>TR346, TR418 and IV081 in eurocents: the examples with their exact amounts, then the properties over random volumes and tariffs.</summary>
public sealed class AmountsTests
{
    private static Prestatie Line(long volume, string eenheid, long? tarief) => new(
        new Referentie("R1"), 1, "07", "07A01", Month(D(2025, 3, 1)), volume, eenheid, tarief, new BedragMetDC(0, DebetCredit.Debet));

    private static ContractTariff Contract(long cents, string eenheid) =>
        new("12345678", "07", "07A01", 1, D(2025, 1, 1), null, cents, eenheid, PartialMonthInFull: false);

    [Test]
    public void TR346_amount_is_volume_times_tariff()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Amounts.Multiply(12, 6500), Is.EqualTo(78000));
            Assert.That(Amounts.ExpectedIngediendBedrag(Line(12, "04", 6500), Contract(6500, "04")), Is.EqualTo(78000));
            Assert.That(Amounts.ExpectedIngediendBedrag(Line(3, "82", 125000), null), Is.EqualTo(375000));
        });
    }

    [Test]
    public void TR346_minutes_on_an_hour_tariff_multiply_first_and_divide_by_60_after()
    {
        // 50 minutes at € 65,00 an hour: 3250,00 / 60 = € 54,17; the per-minute tariff would give 50 × € 1,08 = € 54,00.
        Assert.Multiple(() =>
        {
            Assert.That(Amounts.MinutesAtHourTariff(50, 6500), Is.EqualTo(5417));
            Assert.That(Amounts.ExpectedIngediendBedrag(Line(50, "01", 108), Contract(6500, "04")), Is.EqualTo(5417));
        });
    }

    [Test]
    public void TR346_a_half_cent_rounds_up()
    {
        // 1 minute at € 0,30 an hour is half a cent; 3 minutes at € 0,10 an hour likewise.
        Assert.Multiple(() =>
        {
            Assert.That(Amounts.MinutesAtHourTariff(1, 30), Is.EqualTo(1));
            Assert.That(Amounts.MinutesAtHourTariff(3, 10), Is.EqualTo(1));
            Assert.That(Amounts.MinutesAtHourTariff(1, 29), Is.EqualTo(0));
            Assert.That(Amounts.MinutesAtHourTariff(0, 6500), Is.EqualTo(0));
        });
    }

    [Test]
    public void TR346_does_not_apply_to_euros_or_to_a_line_without_tariff()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Amounts.ExpectedIngediendBedrag(Line(20000, "83", null), null), Is.Null);
            Assert.That(Amounts.ExpectedIngediendBedrag(Line(12, "04", null), Contract(6500, "04")), Is.Null);
        });
    }

    [Test]
    public void IV081_per_minute_tariff_is_the_hour_tariff_divided_by_60_to_a_whole_cent()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Amounts.PerMinuteTariff(6000), Is.EqualTo(100));
            Assert.That(Amounts.PerMinuteTariff(6500), Is.EqualTo(108));
            Assert.That(Amounts.PerMinuteTariff(6530), Is.EqualTo(109));
            Assert.That(Amounts.PerMinuteTariff(6570), Is.EqualTo(110));
        });
    }

    [Test]
    public void TR418_the_contract_tariff_in_the_contract_unit()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Amounts.RequiredProductTarief(Contract(6500, "04"), "04"), Is.EqualTo(6500));
            Assert.That(Amounts.RequiredProductTarief(Contract(125000, "82"), "82"), Is.EqualTo(125000));
        });
    }

    [Test]
    public void TR418_minutes_on_an_hour_contract_carry_the_per_minute_tariff()
    {
        Assert.That(Amounts.RequiredProductTarief(Contract(6500, "04"), "01"), Is.EqualTo(108));
    }

    [Test]
    public void TR418_has_no_tariff_for_euros_or_a_unit_that_does_not_fit()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Amounts.RequiredProductTarief(Contract(100, "83"), "83"), Is.Null);
            Assert.That(Amounts.RequiredProductTarief(Contract(108, "01"), "04"), Is.Null);
            Assert.That(Amounts.RequiredProductTarief(Contract(6500, "04"), "14"), Is.Null);
        });
    }

    private static readonly Gen<long> Volumes = Gen.Long[0, 99_999_999];
    private static readonly Gen<long> Tariffs = Gen.Long[0, 99_999_999];

    [Test]
    public void TR346_the_product_is_exact_in_cents()
    {
        Gen.Select(Volumes, Tariffs).Sample(
            (volume, tariff) => Assert.That(new BigInteger(Amounts.Multiply(volume, tariff)), Is.EqualTo(new BigInteger(volume) * tariff)),
            iter: 2000);
    }

    [Test]
    public void TR346_minutes_at_an_hour_tariff_is_the_nearest_cent_with_halves_up()
    {
        // r is the nearest whole cent to h·m/60, halves up: 60r − 30 ≤ h·m < 60r + 30.
        Gen.Select(Gen.Long[0, 100_000], Gen.Long[0, 1_000_000]).Sample(
            (minutes, hour) =>
            {
                var exact = new BigInteger(minutes) * hour;
                var r = new BigInteger(Amounts.MinutesAtHourTariff(minutes, hour));
                Assert.That((60 * r) - 30 <= exact && exact < (60 * r) + 30, Is.True, $"{minutes} min at {hour} c/h gave {r}");
            },
            iter: 5000);
    }

    [Test]
    public void IV081_when_the_hour_tariff_divides_by_60_minutes_cost_the_plain_product()
    {
        Gen.Select(Gen.Long[0, 100_000], Gen.Long[0, 20_000].Select(t => t * 60)).Sample(
            (minutes, hour) => Assert.That(
                Amounts.MinutesAtHourTariff(minutes, hour),
                Is.EqualTo(Amounts.Multiply(minutes, Amounts.PerMinuteTariff(hour))).And.EqualTo(minutes * hour / 60)),
            iter: 2000);
    }

    [Test]
    public void TR418_and_TR346_agree_for_a_line_filled_from_the_contract()
    {
        // A line whose ProductTarief is what TR418 requires and whose amount is what TR346 expects
        // in the same unit as the contract is the plain product of volume and contract tariff.
        Gen.Select(Volumes, Tariffs, Gen.Int[0, 6].Select(i => new[] { "01", "04", "14", "16", "82", "84", "83" }[i])).Sample(
            (volume, tariff, eenheid) =>
            {
                var contract = Contract(tariff, eenheid);
                var required = Amounts.RequiredProductTarief(contract, eenheid);
                var expected = Amounts.ExpectedIngediendBedrag(Line(volume, eenheid, required), contract);
                Assert.That(expected, Is.EqualTo(eenheid == "83" ? null : volume * tariff));
            },
            iter: 2000);
    }
}
