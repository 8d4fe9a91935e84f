using Backoffice.Data.Intake;
using NUnit.Framework;

namespace Backoffice.Data.Tests.Processing;

/// <summary>Reading back what is stored about a message.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class MessageSummariesTests(DatabaseProvider provider) : MessageStoreFixture(provider)
{
    [Test]
    public async Task Find_by_sha256_returns_the_message_or_null()
    {
        using var content = TestContent.Xml("find");
        var receipt = await IntakeStore.ReceiveAsync(content, new IntakeSource("inbox", "find.xml", T0), CancellationToken.None);

        Assert.That((await Summaries.FindBySha256Async(receipt.Sha256, CancellationToken.None))!.Id, Is.EqualTo(receipt.MessageId));
        Assert.That((await Summaries.FindBySha256Async(receipt.Sha256.ToUpperInvariant(), CancellationToken.None))!.Id, Is.EqualTo(receipt.MessageId));
        Assert.That(await Summaries.FindBySha256Async(new string('0', 64), CancellationToken.None), Is.Null);
    }

    [Test]
    public async Task An_unknown_id_has_no_summary()
    {
        Assert.That(await Summaries.GetAsync(424242, CancellationToken.None), Is.Null);
    }
}
