using Backoffice.Core.Messages.Common;
using Backoffice.Core.Reference;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR418 (0611): the ProductTarief is the tariff of the provider's contract line valid at the start of the period, per minute for minutes on an hour tariff (IV081).</summary>
public sealed class TR418Tests
{
    private static readonly RecordedAllocation Aspecific = Recorded(Allocation(301, new Product("02")), id: 301);

    private static ContractTariff[] Without02A02 => [.. Contracts.Where(c => c.ProductCode != "02A02")];

    [Test]
    public void TR418_no_contract_for_the_product_0611() =>
        ThirdRejected(Run(Around(Line("S", 301, code: "02A02")), View([Aspecific], contracts: Without02A02)), "TR418", "0611", "/ProductTarief");

    [Test]
    public void TR418_a_contract_of_another_provider_is_none_0611() =>
        ThirdRejected(
            Run(Around(Line("S", 301, code: "02A02")), View([Aspecific], contracts: [.. Without02A02, Contract("02", "02A02", provider: "12345678")])),
            "TR418",
            "0611",
            "/ProductTarief");

    [Test]
    public void TR418_a_contract_ended_before_the_period_is_none_0611() =>
        ThirdRejected(
            Run(Around(Line("S", 301, code: "02A02")), View([Aspecific], contracts: [.. Without02A02, Contract("02", "02A02", eind: new DateOnly(2026, 2, 28))])),
            "TR418",
            "0611",
            "/ProductTarief");

    [Test]
    public void TR418_another_tariff_than_the_contract_0611() =>
        ThirdRejected(Run(Around(Line("S", tarief: 6000)), View()), "TR418", "0611", "/ProductTarief");

    [Test]
    public void TR418_minutes_on_an_hour_contract_with_the_per_minute_tariff_pass_IV081()
    {
        // € 65,00 an hour is € 1,08 a minute (rounded); 50 minutes cost € 54,17 (TR346).
        ContractTariff[] contracts = [.. Without02A02, Contract("02", "02A02", tariff: 6500)];

        AllApproved(Run(Around(Line("S", 301, code: "02A02", volume: 50, eenheid: "01", tarief: 108, bedrag: 5417)), View([Aspecific], contracts: contracts)));
    }

    [Test]
    public void TR418_minutes_with_the_hour_tariff_0611()
    {
        ContractTariff[] contracts = [.. Without02A02, Contract("02", "02A02", tariff: 6500)];

        ThirdRejected(Run(Around(Line("S", 301, code: "02A02", volume: 50, eenheid: "01", tarief: 6500, bedrag: 5417)), View([Aspecific], contracts: contracts)), "TR418", "0611", "/ProductTarief");
    }

    [Test]
    public void TR418_the_contract_version_valid_at_the_start_of_the_period_counts()
    {
        ContractTariff[] contracts = [.. Without02A02, Contract("02", "02A02"), Contract("02", "02A02", tariff: 7000, begin: new DateOnly(2026, 3, 1)) with { Version = 2 }];
        var message = Message(Client(OtherBsn, Line("FEB", 301, Month(2), code: "02A02"), Line("MAR", 301, March, code: "02A02", tarief: 7000), Line("OLD-TARIFF", 301, March, code: "02A01")));

        AllApproved(Run(message, View([Aspecific], contracts: contracts)));
        OnlyRejected(
            Run(Message(Client(OtherBsn, Line("FEB", 301, Month(2), code: "02A02"), Line("MAR", 301, March, code: "02A02"))), View([Aspecific], contracts: contracts)),
            0,
            1,
            "TR418",
            "0611",
            "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/ProductTarief");
    }

    [Test]
    public void TR418_a_contract_in_another_unit_than_the_line_and_its_allocation_has_no_tariff_to_match_0611() =>
        ThirdRejected(
            Run(
                Around(Line("S", 301, code: "02A02", volume: 2, eenheid: "16", tarief: Hours, bedrag: 2 * Hours)),
                View([Recorded(Allocation(301, new Product("02")) with { Omvang = new Omvang(10, "16", "4") }, id: 301)], contracts: [.. Without02A02, Contract("02", "02A02", eenheid: "04")])),
            "TR418",
            "0611",
            "/ProductTarief");

    [Test]
    public void TR418_Euros_carry_no_tariff_to_compare()
    {
        var budget = Recorded(Allocation(401, new Product("04", "04A01"), noOmvang: true, budget: 100_000), id: 401);

        AllApproved(Run(Around(Line("S", 401, volume: 12_345, eenheid: "83", categorie: "04", code: "04A01")), View([budget])));
    }
}
