using Backoffice.Core.Messages.Common;
using Backoffice.Core.Reference;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR346 (9346): IngediendBedrag = GeleverdVolume × ProductTarief; minutes on an hour tariff: the hour tariff × minutes / 60, rounded to the cent (IV081).</summary>
public sealed class TR346Tests
{
    private static readonly RecordedAllocation Aspecific = Recorded(Allocation(301, new Product("02")), id: 301);

    private static ContractTariff[] At(long hourTariff) => [.. Contracts.Where(c => c.ProductCode != "02A02"), Contract("02", "02A02", tariff: hourTariff)];

    [Test]
    public void TR346_an_amount_that_is_not_volume_times_tariff_9346() =>
        ThirdRejected(Run(Around(Line("S", bedrag: (10 * Hours) + 1)), View()), "TR346", "9346", "/IngediendBedrag/Bedrag");

    [Test]
    public void TR346_minutes_at_an_hour_tariff_are_computed_from_the_hour_tariff() =>
        AllApproved(Run(Around(Line("S", 301, code: "02A02", volume: 50, eenheid: "01", tarief: 108, bedrag: 5417)), View([Aspecific], contracts: At(6500))));

    [Test]
    public void TR346_minutes_times_the_rounded_minute_tariff_9346() =>
        ThirdRejected(
            Run(Around(Line("S", 301, code: "02A02", volume: 50, eenheid: "01", tarief: 108, bedrag: 50 * 108)), View([Aspecific], contracts: At(6500))),
            "TR346",
            "9346",
            "/IngediendBedrag/Bedrag");

    [Test]
    public void TR346_half_a_cent_rounds_up()
    {
        // 30 minutes at € 64,81 an hour is € 32,405: € 32,41.
        AllApproved(Run(Around(Line("S", 301, code: "02A02", volume: 30, eenheid: "01", tarief: 108, bedrag: 3241)), View([Aspecific], contracts: At(6481))));
        ThirdRejected(
            Run(Around(Line("S", 301, code: "02A02", volume: 30, eenheid: "01", tarief: 108, bedrag: 3240)), View([Aspecific], contracts: At(6481))),
            "TR346",
            "9346",
            "/IngediendBedrag/Bedrag");
    }
}
