using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR322 (9322): the approved lines of an allocation, with this one, stay within its total, minutes and hours added up (IV081).</summary>
public sealed class TR322Tests
{
    /// <summary>20 hours in all over 2026.</summary>
    private static readonly RecordedAllocation Total = Recorded(Allocation(301, omvang: new Omvang(20, "04", "6")), id: 301);

    private static readonly Prestatie January = Line("OLD-JAN", 301, Month(1), volume: 15);

    [Test]
    public void TR322_past_the_total_with_an_earlier_approved_line_9322() =>
        ThirdRejected(Run(Around(Line("S", 301, Month(2), volume: 6)), View([Total], [Earlier(January, 1)])), "TR322", "9322", "/GeleverdVolume");

    [Test]
    public void TR322_up_to_the_total_passes() =>
        AllApproved(Run(Around(Line("S", 301, Month(2), volume: 5)), View([Total], [Earlier(January, 1)])));

    [Test]
    public void TR322_an_earlier_rejected_line_does_not_count() =>
        AllApproved(Run(Around(Line("S", 301, Month(2), volume: 20)), View([Total], [Earlier(January, 1, approved: false)])));

    [Test]
    public void TR322_minutes_earlier_in_the_message_add_to_approved_hours_9322()
    {
        // 15 hours approved, then 240 minutes (19 hours), then 90 minutes: 20.5 hours.
        var message = Message(Client(OtherBsn, Line("A", 301, Month(2), volume: 240, eenheid: "01"), Line("B", 301, March, volume: 90, eenheid: "01")));

        OnlyRejected(Run(message, View([Total], [Earlier(January, 1)])), 0, 1, "TR322", "9322", "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/GeleverdVolume");
    }

    [Test]
    public void TR322_minutes_up_to_the_total_in_hours_pass()
    {
        var message = Message(Client(OtherBsn, Line("A", 301, Month(2), volume: 240, eenheid: "01"), Line("B", 301, March, volume: 60, eenheid: "01")));

        AllApproved(Run(message, View([Total], [Earlier(January, 1)])));
    }

    [Test]
    public void TR322_a_rejected_line_earlier_in_the_message_does_not_count()
    {
        // A has the wrong tariff (TR418) and is rejected: its 5 hours are not approved, so B's 5 fit.
        var message = Message(Client(OtherBsn, Line("A", 301, Month(2), volume: 5, tarief: 6000), Line("B", 301, March, volume: 5)));

        OnlyRejected(Run(message, View([Total], [Earlier(January, 1)])), 0, 0, "TR418", "0611", "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie/ProductTarief");
    }

    [Test]
    public void TR322_a_credit_in_the_same_message_frees_the_volume_of_its_debit_OP366()
    {
        // The credit comes after the new debit in the message, yet is walked first.
        var message = Message(Client(OtherBsn, Line("NEW-FEB", 301, Month(2), volume: 15), CreditOf(January, "CR-JAN")));

        AllApproved(Run(message, View([Total], [Earlier(January, 1)])));
    }
}
