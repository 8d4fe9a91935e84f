using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR341 (9341): the Eenheid fits the allocation's, minutes on hours allowed (IV081); without Omvang the contract's unit decides.</summary>
public sealed class TR341Tests
{
    [Test]
    public void TR341_dagdelen_on_an_hours_allocation_9341() =>
        ThirdRejected(Run(Around(Line("S", volume: 3, eenheid: "16")), View()), "TR341", "9341", "/Eenheid");

    [Test]
    public void TR341_hours_on_a_minutes_allocation_9341()
    {
        var minutes = Recorded(Allocation(301, omvang: new Omvang(240, "01", "2")), id: 301);

        ThirdRejected(Run(Around(Line("S", 301)), View([minutes])), "TR341", "9341", "/Eenheid");
    }

    [Test]
    public void TR341_minutes_on_an_hours_allocation_pass_IV081() =>
        AllApproved(Run(Around(Line("S", volume: 600, eenheid: "01")), View()));

    [Test]
    public void TR341_an_aspecific_allocation_without_Omvang_takes_the_unit_of_the_contract()
    {
        var aspecific = Recorded(Allocation(301, new Product("02"), noOmvang: true), id: 301);
        var message = Message(
            Client(OtherBsn, Line("A", 301, code: "02A01", volume: 90, eenheid: "01"), Line("B", 301, code: "02A02", volume: 3, eenheid: "16")));

        OnlyRejected(Run(message, View([aspecific])), 0, 1, "TR341", "9341", "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/Eenheid");
    }

    [Test]
    public void TR341_a_generic_budget_allocation_takes_Euros_under_a_contract_in_Euros()
    {
        var generic = Recorded(Allocation(301, noProduct: true, noOmvang: true, budget: 100_000), id: 301);

        AllApproved(Run(Around(Line("S", 301, volume: 25_000, eenheid: "83", categorie: "04", code: "04A01")), View([generic])));
    }
}
