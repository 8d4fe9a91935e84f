using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR304 (8187): the Client a Prestatie is under is the client of the allocation it names.</summary>
public sealed class TR304Tests
{
    [Test]
    public void TR304_a_line_on_the_allocation_of_another_client_8187()
    {
        var message = Message(
            Client(Bsn, Line("A", 101)),
            Client(OtherBsn, Line("B"), Line("C", 101, Month(2))));

        OnlyRejected(Run(message, View()), 1, 1, "TR304", "8187", "/Bericht/Declaratie/Clienten/Client[2]/Prestaties/Prestatie[2]/ToewijzingNummer");
    }

    [Test]
    public void TR304_a_client_declares_each_of_its_allocations()
    {
        var second = Recorded(Allocation(202), id: 202, bsn: OtherBsn);

        AllApproved(Run(Message(Client(OtherBsn, Line("A"), Line("B", 202))), View([second])));
    }
}
