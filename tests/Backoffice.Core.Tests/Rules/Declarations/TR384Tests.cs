using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Declarations.DeclarationCases;

namespace Backoffice.Core.Tests.Rules.Declarations;

/// <summary>TR384 (9384): no declaring on an allocation whose latest version (IV013) deletes it.</summary>
public sealed class TR384Tests
{
    private static readonly DateOnly First = new(2026, 3, 1);

    private static RecordedAllocation[] DeletedWith(string reden) =>
    [
        Recorded(Allocation(301, ingang: First), id: 301, bsn: OtherBsn),
        Recorded(Allocation(301, ingang: First, eind: First, reden: reden) with { Toewijzingsdatum = new DateOnly(2026, 3, 5) }, id: 302, bsn: OtherBsn),
    ];

    [Test]
    public void TR384_a_line_on_a_deleted_allocation_9384() =>
        ThirdRejected(Run(Around(Line("S", 301, Days(3, 1, 1), volume: 2)), View(DeletedWith("13"))), "TR384", "9384", "/ToewijzingNummer");

    [Test]
    public void TR384_an_allocation_voided_by_administrative_correction_01_is_deleted_too_OP087() =>
        ThirdRejected(Run(Around(Line("S", 301, Days(3, 1, 1), volume: 2)), View(DeletedWith("01"))), "TR384", "9384", "/ToewijzingNummer");

    [Test]
    public void TR384_an_allocation_ended_early_is_not_deleted_and_takes_lines_up_to_its_end()
    {
        RecordedAllocation[] shortened =
        [
            Recorded(Allocation(301), id: 301, bsn: OtherBsn),
            Recorded(Allocation(301, eind: new DateOnly(2026, 3, 15), reden: "02") with { Toewijzingsdatum = new DateOnly(2026, 3, 5) }, id: 302, bsn: OtherBsn),
        ];

        AllApproved(Run(Around(Line("S", 301, Days(3, 1, 15))), View(shortened)));
    }
}
