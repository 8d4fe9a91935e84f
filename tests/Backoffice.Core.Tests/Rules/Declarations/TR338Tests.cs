using Backoffice.Core.Messages.Common;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR338 (9338): a Prestatie names an allocation of this municipality to this provider (iwmo-3.2.md §8.2).</summary>
public sealed class TR338Tests
{
    [Test]
    public void TR338_a_number_of_another_provider_is_no_allocation_9338()
    {
        var theirs = Recorded(Allocation(301), id: 301, bsn: OtherBsn, provider: "12345678");

        ThirdRejected(Run(Around(Line("S", 301)), View([theirs])), "TR338", "9338", "/ToewijzingNummer");
    }

    [Test]
    public void TR338_a_number_of_another_municipality_is_no_allocation_9338()
    {
        var theirs = Recorded(Allocation(301), id: 301, bsn: OtherBsn, municipality: "0363");

        ThirdRejected(Run(Around(Line("S", 301)), View([theirs])), "TR338", "9338", "/ToewijzingNummer");
    }

    [Test]
    public void TR338_a_number_the_register_never_saw_9338() =>
        ThirdRejected(Run(Around(Line("S", 999)), View()), "TR338", "9338", "/ToewijzingNummer");

    [Test]
    public void TR338_the_same_number_at_another_provider_does_not_hide_ours()
    {
        var theirs = Recorded(Allocation(201, omvang: new Omvang(1, "14", "4")), id: 900, bsn: Bsn, provider: "12345678");

        AllApproved(Run(Around(Line("S")), View([theirs])));
    }
}
