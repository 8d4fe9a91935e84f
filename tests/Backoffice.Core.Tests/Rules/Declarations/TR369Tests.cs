using Backoffice.Core.Messages.Common;
using Backoffice.Core.Messages.Declaraties;
using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR369 (9369): the approved Euro's on a budget allocation, with this line, stay within its Budget.</summary>
public sealed class TR369Tests
{
    private static readonly RecordedAllocation Budget = Recorded(Allocation(401, new Product("04", "04A01"), noOmvang: true, budget: 100_000), id: 401);

    private static Prestatie Euros(string referentie, int month, long cents) => Line(referentie, 401, Month(month), volume: cents, eenheid: "83", categorie: "04", code: "04A01");

    [Test]
    public void TR369_past_the_budget_with_an_earlier_approved_line_9369() =>
        ThirdRejected(Run(Around(Euros("S", 3, 40_001)), View([Budget], [Earlier(Euros("OLD", 1, 60_000), 1)])), "TR369", "9369", "/GeleverdVolume");

    [Test]
    public void TR369_up_to_the_budget_passes() =>
        AllApproved(Run(Around(Euros("S", 3, 40_000)), View([Budget], [Earlier(Euros("OLD", 1, 60_000), 1)])));

    [Test]
    public void TR369_a_line_earlier_in_the_message_counts_9369()
    {
        var message = Message(Client(OtherBsn, Euros("A", 1, 70_000), Euros("B", 2, 40_000)));

        OnlyRejected(Run(message, View([Budget])), 0, 1, "TR369", "9369", "/Bericht/Declaratie/Clienten/Client/Prestaties/Prestatie[2]/GeleverdVolume");
    }
}
