using Backoffice.Core.Register;
using NUnit.Framework;
using static Backoffice.Core.Tests.Rules.Level3.StartStop;

namespace Backoffice.Core.Tests.Register;

public sealed class StartStopRecorderTests
{
    [Test]
    public void An_accepted_305_records_every_line_deletions_first_for_the_receiving_municipality_and_sending_provider()
    {
        var corrected = Start(new DateOnly(2023, 5, 18));
        var message = Wmo305(corrected, Start(status: "3"));

        var changes = RegisterRecorderSet.Standard.Changes(message, Allocated());

        Assert.That(changes, Is.EqualTo(new RegisterChange[]
        {
            new StartRecorded(Municipality, Provider, Bsn, Start(status: "3")),
            new StartRecorded(Municipality, Provider, Bsn, corrected),
        }));
    }

    [Test]
    public void An_accepted_307_records_every_line_deletions_first()
    {
        var message = Wmo307(Stop(reden: "19"), Stop(reden: "22", status: "3"));

        var changes = RegisterRecorderSet.Standard.Changes(message, Allocated());

        Assert.That(changes, Is.EqualTo(new RegisterChange[]
        {
            new StopRecorded(Municipality, Provider, Bsn, Stop(reden: "22", status: "3")),
            new StopRecorded(Municipality, Provider, Bsn, Stop(reden: "19")),
        }));
    }

    [Test]
    public void The_standard_recorders_include_the_305_and_the_307()
    {
        Assert.That(RegisterRecorderSet.Standard.Changes(Wmo305(Start()), Allocated()), Has.Count.EqualTo(1));
        Assert.That(RegisterRecorderSet.Standard.Changes(Wmo307(Stop()), Allocated()), Has.Count.EqualTo(1));
    }
}
