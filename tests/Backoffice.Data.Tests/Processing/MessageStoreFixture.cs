using Backoffice.Core.Standard;
using Backoffice.Core.Validation;
using Backoffice.Data.Intake;
using Backoffice.Data.Processing;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Processing;

/// <summary>
/// A migrated database per test with the intake store and the four processing stores on it
/// (claims, content, verdicts, summaries), and the helpers their tests share.
/// </summary>
public abstract class MessageStoreFixture(DatabaseProvider provider)
{
    protected static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    protected static readonly string[] NoneGone = [];

    protected DatabaseProvider Provider { get; } = provider;

    internal TestDatabase Database { get; private set; } = null!;

    protected MessageIntakeStore IntakeStore { get; private set; } = null!;

    protected MessageClaims Claims { get; private set; } = null!;

    protected MessageContent Content { get; private set; } = null!;

    protected MessageVerdicts Verdicts { get; private set; } = null!;

    protected MessageSummaries Summaries { get; private set; } = null!;

    [SetUp]
    public async Task SetUp()
    {
        Database = await TestDatabase.CreateAsync(Provider);
        IntakeStore = new MessageIntakeStore(Database.Connections);
        Claims = new MessageClaims(Database.Connections);
        Content = new MessageContent(Database.Connections);
        Verdicts = new MessageVerdicts(Database.Connections);
        Summaries = new MessageSummaries(Database.Connections);
    }

    [TearDown]
    public async Task TearDown()
    {
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    protected static MessageOutcome Outcome(long id, IReadOnlyList<Finding> findings) =>
        new(id, "iWmo 3.2", "WMO323", 446, "12345678", "0363", "ID-1", new DateOnly(2026, 3, 1), Outcomes.Accepted, null, findings, T0.AddMinutes(1));

    /// <summary>A claim as the processor takes it: a lease of <see cref="Lease"/> from <paramref name="now"/>, nobody known gone.</summary>
    protected Task<bool> ClaimAsync(long id, string instanceId, DateTimeOffset now) =>
        Claims.TryClaimAsync(id, instanceId, now, now + Lease, NoneGone, CancellationToken.None);

    protected async Task<long> ReceiveAsync(string marker = "1")
    {
        using var content = TestContent.Xml(marker);
        var receipt = await IntakeStore.ReceiveAsync(content, new IntakeSource("inbox", marker + ".xml", T0), CancellationToken.None);
        return receipt.MessageId;
    }
}
